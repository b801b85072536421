// Runs in: renderer. The article screen: toolbar, headline fields, body editor, details panel, status bar.
import { useId } from 'react';
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
import { useStores } from '../../stores/stores-context';
import { ProofHeader } from '../proof/proof-header';

export interface ArticleScreenProps {
  onCommand(command: MenuCommand): void;
}

export function ArticleScreen({ onCommand }: ArticleScreenProps) {
  useRenderProbe('ArticleScreen');
  const t = useT();
  const { ui } = useStores();
  const sidePanelOpen = ui((s) => s.sidePanelOpen);
  const focusWriting = ui((s) => s.focusWriting);
  const sidePanelId = useId();
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
          <button type="button" aria-expanded={sidePanelOpen} aria-controls={sidePanelId} onClick={() => onCommand('view.side-panel')}>
            {t('proof.sidePanel')}
          </button>
        </span>
        <PublishButton />
      </div>
      <PublicationsLine />
      <SaveProblem />
      {focusWriting ? (
        <button type="button" className="focus-writing-exit" onClick={() => onCommand('view.focus-writing')}>
          {t('proof.exitFocusWriting')}
        </button>
      ) : null}
      <div className={sidePanelOpen && !focusWriting ? 'article-columns' : 'article-columns side-closed'}>
        <div className="article-main">
          <ProofHeader />
          <HeadlineField />
          <SubheadlineField />
          <SummaryField />
          <EditorHost />
        </div>
        <div id={sidePanelId} className="article-side-slot" hidden={!sidePanelOpen || focusWriting}>
          <ArticleSidePanel />
        </div>
      </div>
      <StatusBar />
      <DiffDialog />
    </section>
  );
}
