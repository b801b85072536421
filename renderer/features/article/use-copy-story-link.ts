// Runs in: renderer. "Copy link to this story": puts the story's dateline://article/<id> link on the
// clipboard. Null while no story is open.
import { articleDeepLink } from '../../../common/desktop/deep-link';
import { useStores } from '../../stores/stores-context';
import { useT } from '../../i18n/use-t';

export function useCopyStoryLink(): (() => void) | null {
  const t = useT();
  const { article, ui } = useStores();
  const id = article((s) => s.article?.id ?? null);
  if (id === null) return null;
  return () => {
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (!clipboard) {
      ui.getState().showError(t('deepLink.copyFailed'));
      return;
    }
    clipboard.writeText(articleDeepLink(id)).then(
      () => ui.getState().showInfo(t('deepLink.copied')),
      () => ui.getState().showError(t('deepLink.copyFailed')),
    );
  };
}
