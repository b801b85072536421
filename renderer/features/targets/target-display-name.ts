// Runs in: renderer. A publishing target's name as the interface shows it: the one every install
// starts with reads in the interface's language while nobody has renamed it; any other name is the
// newsroom's own and is shown as it was typed.
import { DEFAULT_FOLDER_TARGET_ID, DEFAULT_FOLDER_TARGET_NAME } from '../../../common/publish/default-folder-target';
import type { TranslateVars } from '../../i18n/i18n-store';
import type { MessageKey } from '../../i18n/messages/catalogues';

type Translate = (key: MessageKey, vars?: TranslateVars) => string;

export function targetDisplayName(t: Translate, id: string, name: string): string {
  return id === DEFAULT_FOLDER_TARGET_ID && name === DEFAULT_FOLDER_TARGET_NAME ? t('targets.defaultFolderName') : name;
}
