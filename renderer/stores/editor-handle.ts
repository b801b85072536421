// Runs in: renderer. What the app needs from the mounted body editor (renderer/editor/article-editor).
import type { DocNode } from '../../common/article';
import type { MenuCommand } from '../../common/bridge';

export interface EditorHandleLike {
  getBody(): DocNode;
  focus(): void;
  insertPhotos(files: File[]): Promise<void>;
  runCommand(cmd: MenuCommand): void;
}
