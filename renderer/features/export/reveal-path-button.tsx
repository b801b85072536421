// Runs in: renderer. A path Dateline wrote (an export), shown as a button that reveals the file in
// the file manager (`app.reveal`); a browser cannot, and says where the file is instead.
import { useStores } from '../../stores/stores-context';
import { useT } from '../../i18n/use-t';

export function RevealPathButton({ path }: { path: string }) {
  const t = useT();
  const { api, ui } = useStores();
  const handleReveal = async (): Promise<void> => {
    try {
      const result = await api.call('app.reveal', { path });
      if (!result.revealed) ui.getState().showInfo(t('article.revealInBrowser', { path: result.path }));
    } catch (error) {
      ui.getState().showError(error);
    }
  };
  return (
    <button type="button" className="link-button selectable-path" title={t('article.reveal', { path })} aria-label={t('article.reveal', { path })} onClick={() => void handleReveal()}>
      {path}
    </button>
  );
}
