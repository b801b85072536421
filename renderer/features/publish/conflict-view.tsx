// Runs in: renderer. Both versions of a post changed on the server, side by side as plain text, and the two ways out.
import { useState } from 'react';
import type { ConflictDetails } from '../../../common/publish/publish-job';
import { ConfirmDialog } from '../../kit/confirm-dialog';
import { useI18nStore } from '../../i18n/i18n-store';
import { useT } from '../../i18n/use-t';
import { htmlToText } from './html-to-text';
import { PublishedLink } from './published-link';
import { formatMoment } from '../../i18n/format-moment';

export interface ConflictViewProps {
  conflict: ConflictDetails;
  busy: boolean;
  onOverwrite(): void;
  onKeepServer(): void;
}

interface VersionProps {
  label: string;
  title: string;
  excerpt: string;
  contentHtml: string;
  children?: React.ReactNode;
}

// Remote HTML is rendered as text only: a compromised site must not get markup into the app.
function Version({ label, title, excerpt, contentHtml, children }: VersionProps) {
  const t = useT();
  return (
    <section className="conflict-version" aria-label={label}>
      <h4>{label}</h4>
      {children}
      <h5 className="conflict-title">{htmlToText(title) || t('library.untitled')}</h5>
      {excerpt ? <p className="conflict-excerpt">{htmlToText(excerpt)}</p> : null}
      <div className="conflict-body">
        {htmlToText(contentHtml)
          .split('\n')
          .map((line, index) => (
            <p key={index}>{line}</p>
          ))}
      </div>
    </section>
  );
}

export function ConflictView({ conflict, busy, onOverwrite, onKeepServer }: ConflictViewProps) {
  const t = useT();
  const locale = useI18nStore((s) => s.locale);
  const [confirming, setConfirming] = useState(false);
  const publisher = conflict.lastPublisher;
  const when = (iso: string): string => formatMoment(iso, locale);

  return (
    <div className="conflict-view">
      <p className="notice notice-error" role="alert">
        {conflict.recordedModified
          ? t('publish.conflict.explain', { modified: when(conflict.remote.modified), recorded: when(conflict.recordedModified) })
          : t('publish.conflict.explainUnrecorded', { modified: when(conflict.remote.modified) })}
        {publisher && !publisher.thisCopy ? (
          <>
            {' '}
            {publisher.host ? t('publish.conflict.otherCopyOn', { host: publisher.host, job: publisher.jobId }) : t('publish.conflict.otherCopy', { job: publisher.jobId })}
          </>
        ) : null}
      </p>
      <div className="conflict-columns">
        <Version label={t('publish.conflict.mine')} title={conflict.local.title} excerpt={conflict.local.excerpt} contentHtml={conflict.local.contentHtml} />
        <Version label={t('publish.conflict.server')} title={conflict.remote.title} excerpt={conflict.remote.excerpt} contentHtml={conflict.remote.contentHtml}>
          <p className="hint">
            {t('publish.conflict.changedAt', { modified: when(conflict.remote.modified) })} <PublishedLink url={conflict.remote.url} compact />
          </p>
        </Version>
      </div>
      <div className="modal-actions">
        <button type="button" disabled={busy} onClick={onKeepServer}>
          {t('publish.conflict.keepServer')}
        </button>
        <button type="button" className="danger" disabled={busy} onClick={() => setConfirming(true)}>
          {t('publish.conflict.overwrite')}
        </button>
      </div>
      {confirming ? (
        <ConfirmDialog
          title={t('publish.conflict.confirmTitle')}
          message={t('publish.conflict.confirmMessage')}
          confirmLabel={t('publish.conflict.overwrite')}
          danger
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            onOverwrite();
          }}
        />
      ) : null}
    </div>
  );
}
