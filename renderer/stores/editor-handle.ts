// Runs in: renderer. What the app needs from the mounted body editor (renderer/editor/article-editor).
import type { DocNode } from '../../common/article';
import type { MenuCommand } from '../../common/bridge';
import type { PreparedJson } from '../../common/prepared-json';
import type { TextAnchor } from '../../common/workflow/review-comment';

export interface EditorHandleLike {
  getBody(): DocNode;
  /** The body as it is now, encoded for a save (only the changed blocks encoded again, in slices); getBody() where absent. */
  getBodyJson?(): Promise<PreparedJson<DocNode>>;
  focus(): void;
  insertPhotos(files: File[]): Promise<void>;
  runCommand(cmd: MenuCommand): void;
  /** Optional so simple test doubles need not implement the review hooks. */
  getSelectionAnchor?(): TextAnchor | null;
  showComments?(highlights: readonly { id: string; from: number; to: number; resolved: boolean }[]): void;
  selectRange?(from: number, to: number, commentId?: string): void;
  /** Who suggestions are recorded as, and whether to switch to Suggesting now. */
  configureSuggestions?(author: { id: string; name: string }, suggest: boolean): void;
  /** The comment margin: where commented text sits (viewport tops), when it may have moved, which is active. */
  commentTops?(stored: ReadonlyMap<string, number>): Map<string, number>;
  topOf?(pos: number): number;
  onLayoutChange?(listener: () => void): () => void;
  setActiveComment?(id: string | null): void;
  /** Puts a top-level block of an old version back as one undoable edit; false if it does not fit. */
  restoreBlock?(index: number, replace: boolean, block: DocNode): boolean;
  /** Selects the first (or the next, the previous) pending suggestion and scrolls to it; false when there is none. */
  goToSuggestion?(direction: 'first' | 'next' | 'previous'): boolean;
}
