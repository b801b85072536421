// Runs in: renderer. The article screen: toolbar, headline fields, body editor, details panel, status bar.
import type { MenuCommand } from '../../../common/bridge';
import { useT } from '../../i18n/use-t';
import { PublicationsLine } from '../publish/publications-line';
import { PublishButton } from '../publish/publish-button';
import { ArticleSidePanel } from '../review/article-side-panel';
import { DiffDialog } from '../review/diff-dialog';
import { HeadlineField, SubheadlineField, SummaryField } from './article-fields';
import { CopyStoryLinkButton } from './copy-story-link-button';
import { EditorHost } from './editor-host';
import { SaveProblem } from './save-problem';
import { StatusBar } from './status-bar';
import { ArticleStatusBadge } from './article-status-badge';
import { useRenderProbe } from '../../app/use-render-probe';

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
        <span className="toolbar-gap" />
        <button type="button" className="primary" onClick={() => onCommand('article.save')}>
          {t('article.save')}
        </button>
        <PublishButton />
        <button type="button" onClick={() => onCommand('article.revisions')}>
          {t('article.revisions')}
        </button>
        <button type="button" onClick={() => onCommand('article.export-html')}>
          {t('article.exportHtml')}
        </button>
        <button type="button" onClick={() => onCommand('article.export-markdown')}>
          {t('article.exportMarkdown')}
        </button>
        <button type="button" onClick={() => onCommand('article.duplicate')}>
          {t('article.duplicate')}
        </button>
        <CopyStoryLinkButton />
        <button type="button" className="danger" onClick={() => onCommand('article.trash')}>
          {t('article.trash')}
        </button>
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
