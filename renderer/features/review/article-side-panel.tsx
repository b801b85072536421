// Runs in: renderer. The article screen's side column: the details (metadata) and review tabs.
import { useId } from 'react';
import { useStores } from '../../stores/stores-context';
import { useT } from '../../i18n/use-t';
import { MetadataPanel } from '../metadata/metadata-panel';
import { ReviewPanel } from './review-panel';

export function ArticleSidePanel() {
  const t = useT();
  const { ui } = useStores();
  const tab = ui((s) => s.sideTab);
  const base = useId();
  const tabs = [
    { id: 'details' as const, label: t('review.tab.details') },
    { id: 'review' as const, label: t('review.tab.review') },
  ];
  const onKeyDown = (event: React.KeyboardEvent): void => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const next = tab === 'details' ? 'review' : 'details';
    ui.getState().setSideTab(next);
    document.getElementById(`${base}-${next}`)?.focus();
  };
  return (
    <div className="article-side">
      <div role="tablist" aria-label={t('review.tabs')} className="side-tabs" onKeyDown={onKeyDown}>
        {tabs.map((x) => (
          <button
            key={x.id}
            id={`${base}-${x.id}`}
            type="button"
            role="tab"
            aria-selected={tab === x.id}
            aria-controls={`${base}-${x.id}-panel`}
            tabIndex={tab === x.id ? 0 : -1}
            onClick={() => ui.getState().setSideTab(x.id)}
          >
            {x.label}
          </button>
        ))}
      </div>
      {/* Both panels stay mounted (each tab controls a real panel); the inactive one is hidden. */}
      <div role="tabpanel" id={`${base}-details-panel`} aria-labelledby={`${base}-details`} className="side-tab-panel" hidden={tab !== 'details'}>
        <MetadataPanel />
      </div>
      <div role="tabpanel" id={`${base}-review-panel`} aria-labelledby={`${base}-review`} className="side-tab-panel" hidden={tab !== 'review'}>
        <ReviewPanel />
      </div>
    </div>
  );
}
