// Runs in: renderer. Opens what a deep link names: the story, or its entry in the review hub.
import type { DeepLink } from '../../common/desktop/deep-link';
import { t } from '../i18n/i18n-store';
import type { AppStores } from '../stores/app-stores';

export async function openDeepLink(stores: AppStores, link: DeepLink): Promise<void> {
  const { article, review, settings, ui } = stores;
  try {
    if (link.kind === 'review') {
      if (settings.getState().settings.reviewHub.kind !== link.hub) {
        ui.getState().showError(t('deepLink.otherHub'));
        return;
      }
      if (await review.getState().openFromHub(link.articleId)) {
        ui.getState().setSideTab('review');
        ui.getState().setView('article');
      }
      return;
    }
    if (article.getState().article?.id !== link.articleId) await article.getState().open(link.articleId);
    ui.getState().setView('article');
  } catch (error) {
    ui.getState().showError(error);
  }
}
