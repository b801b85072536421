// Runs in: renderer. The article screen: toolbar, headline fields, body editor, details panel, status bar.
import type { MenuCommand } from '../../../common/bridge';
import { useT } from '../../i18n/use-t';
import { PublicationsLine } from '../publish/publications-line';
import { PublishButton } from '../publish/publish-button';
import { ArticleSidePanel } from '../review/article-side-panel';
import { DiffDialog } from '../review/diff-dialog';
import { HeadlineField, SubheadlineField, SummaryField } from './article-fields';
import { ArticleMoreMenu } from './article-more-menu';
import { ArticleStatusBadge } from './article-status-badge';
import { EditorHost } from './editor-host';
import { SaveProblem } from './save-problem';
import { StatusBar } from './status-bar';
import { useRenderProbe } from '../../kit/use-render-probe';

export interface ArticleScreenProps {
  onCommand(command: MenuCommand): void;
}

export function ArticleScreen({ onCommand }: ArticleScreenProps) {
  useRenderProbe('ArticleScreen');
  const t = useT();
  return (
    <section className="article-screen" aria-label={t('article.screenLabel')}>
      <div className="article-toolbar" role="toolbar" aria-label={t('article.toolbarLabel')}>
        <button type="button" onClick={() => onCommand('view.library')}>
          <span aria-hidden="true">← </span>
          {t('article.back')}
        </button>
        <ArticleStatusBadge />
        {/* Destructive: on the far side from the primary action, behind a rule, styled as such. */}
        <span role="separator" aria-orientation="vertical" className="toolbar-separator" />
        <button type="button" className="danger" onClick={() => onCommand('article.trash')}>
          {t('article.trash')}
        </button>
        {/* The secondary actions, then the primary one at the right; the rarer ones wait in "More" so the row fits 900 px. */}
        <span className="toolbar-secondary">
          {/* Autosave keeps the text; Save is there for the Ctrl+S habit, so the one primary action is publishing (or submitting). */}
          <button type="button" onClick={() => onCommand('article.save')}>
            {t('article.save')}
          </button>
          <button type="button" onClick={() => onCommand('article.revisions')}>
            {t('article.revisions')}
          </button>
          <ArticleMoreMenu onCommand={onCommand} />
        </span>
        <PublishButton />
      </div>
      <PublicationsLine />
      <SaveProblem />
      <div className="article-columns">
        <div className="article-main">
          <HeadlineField />
          <SubheadlineField />
          <SummaryField />
          <EditorHost />
        </div>
        <ArticleSidePanel />
      </div>
      <StatusBar />
      <DiffDialog />
    </section>
  );
}
