// Runs in: renderer. The review queue: what waits in the review hub, oldest first, with its age and
// length; opening one copies the hub's version into the library and shows it with the review tab.
import { useEffect } from 'react';
import { awaitsSomeone } from '../../../common/workflow/awaits-someone';
import { sameActorName } from '../../../common/workflow/newsroom-profile';
import { DESK, type QueueScope, type ReviewQueueEntry } from '../../../common/workflow/review-contract';
import { formatError } from '../../api/format-error';
import { useStores } from '../../stores/stores-context';
import { useLocale, useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/messages/catalogues';
import { StatusBadge } from '../status/status-badge';
import { useQueueEvents } from './use-queue-events';
import { formatMoment } from '../../i18n/format-moment';

const SCOPES: QueueScope[] = ['for-me', 'mine', 'all'];

export function ReviewQueueScreen() {
  const t = useT();
  const { review, ui, settings } = useStores();
  const role = settings((s) => s.settings.role);
  const queue = review((s) => s.queue);
  const scope = review((s) => s.queueScope);
  const loading = review((s) => s.queueLoading);
  const error = review((s) => s.queueError);
  const loadedAt = review((s) => s.queueLoadedAt);

  useEffect(() => {
    if (!review.getState().queue && !review.getState().queueLoading) void review.getState().loadQueue();
  }, [review]);
  useQueueEvents();

  const open = async (entry: ReviewQueueEntry): Promise<void> => {
    if (await review.getState().openFromHub(entry.articleId)) {
      ui.getState().setSideTab('review');
      ui.getState().setView('article');
    }
  };

  return (
    <section className="review-queue" aria-label={t('queue.title')}>
      <div className="library-toolbar" role="toolbar" aria-label={t('queue.title')}>
        <h2>{t('queue.title')}</h2>
        <label>
          {t('queue.scope')}{' '}
          <select value={scope} onChange={(e) => void review.getState().loadQueue(e.target.value as QueueScope)}>
            {SCOPES.map((s) => (
              <option key={s} value={s}>
                {t(s === 'for-me' && role === 'reporter' ? 'queue.scope.for-me.reporter' : (`queue.scope.${s}` as MessageKey))}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void review.getState().loadQueue()} disabled={loading}>
          {t('queue.refresh')}
        </button>
      </div>
      {queue ? <p className="hint">{t(queue.hub.kind === 'folder' ? 'queue.hub.folder' : queue.hub.kind === 'newsroom' ? 'queue.hub.newsroom' : 'queue.hub.wordpress', { location: queue.hub.location })}</p> : null}
      {loading ? (
        <p role="status" aria-live="polite">
          {t('queue.loading')}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="error-text">
          {formatError(error).message} {formatError(error).detail}
        </p>
      ) : null}
      {queue && queue.problems.length > 0 ? (
        <div className="problems">
          <p>{t('queue.problems')}</p>
          <ul>
            {queue.problems.map((p) => (
              <li key={p.articleId}>{p.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {queue && queue.entries.length === 0 && !loading ? <p>{t('queue.empty')}</p> : null}
      {queue && queue.entries.length > 0 ? <QueueTable entries={queue.entries} now={loadedAt} onOpen={(e) => void open(e)} /> : null}
    </section>
  );
}

function QueueTable({ entries, now, onOpen }: { entries: readonly ReviewQueueEntry[]; now: number; onOpen(entry: ReviewQueueEntry): void }) {
  const t = useT();
  const locale = useLocale();
  return (
    <table className="queue-table">
      <thead>
        <tr>
          <th scope="col">{t('queue.col.headline')}</th>
          <th scope="col">{t('queue.col.status')}</th>
          <th scope="col">{t('queue.col.from')}</th>
          <th scope="col">{t('queue.col.to')}</th>
          <th scope="col">{t('queue.col.age')}</th>
          <th scope="col">{t('queue.col.length')}</th>
          <th scope="col">{t('queue.col.comments')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('queue.open')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => {
          const headline = e.headline.trim() || t('queue.untitled');
          return (
            <tr key={e.articleId}>
              <th scope="row">{headline}</th>
              <td>
                <StatusBadge status={e.status} />
              </td>
              <td>{e.submittedBy}</td>
              <td>{sameActorName(e.submittedTo, DESK) ? t('queue.desk') : e.submittedTo}</td>
              <td>
                {/* Only a story someone still has to act on is "waiting". */}
                {awaitsSomeone(e.status) ? (
                  <time dateTime={e.submittedAt} title={formatMoment(e.submittedAt, locale)}>
                    {age(t, now - Date.parse(e.submittedAt))}
                  </time>
                ) : (
                  <span aria-label={t('queue.age.none')}>—</span>
                )}
              </td>
              <td>{lengthOf(t, e.words, e.cjkChars, locale)}</td>
              <td>{e.openComments}</td>
              <td>
                <button type="button" aria-label={t('queue.openLabel', { headline })} onClick={() => onOpen(e)}>
                  {t('queue.open')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function age(t: ReturnType<typeof useT>, ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return t('queue.age.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('queue.age.hours', { n: hours });
  return t('queue.age.days', { n: Math.floor(hours / 24) });
}

/** Words for Latin text, 字 for CJK text; both only when the story has both. */
function lengthOf(t: ReturnType<typeof useT>, words: number, cjkChars: number, locale: string): string {
  const w = t('queue.length.words', { words: words.toLocaleString(locale) });
  const c = t('queue.length.chars', { chars: cjkChars.toLocaleString(locale) });
  if (cjkChars === 0) return w;
  if (words === 0) return c;
  return `${w} · ${c}`;
}
