// @vitest-environment happy-dom
// Runs in: tests (happy-dom). The newsroom watches the publishing queue: a badge, each job's state, cancel, retry; the article shows where it went live.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PublicationRecord } from '../../../common/publish/publish-job';
import { StoresContext } from '../../stores/stores-context';
import { useI18nStore } from '../../i18n/i18n-store';
import { createAppStores } from '../../stores/app-stores';
import { createFakeApi } from '../../../tests/support/fake-api';
import { OutboxButton } from './outbox-button';
import { PublicationsLine } from './publications-line';
import { completeArticle, folderTarget, outboxJob, wordpressTarget } from '../../../tests/support/publish-fixtures';

afterEach(cleanup);
beforeEach(() => useI18nStore.getState().setLocale('en'));

const waiting = outboxJob({
  id: 'job0000000002',
  headline: 'Typhoon nears coast',
  state: 'waiting',
  createdAt: '2026-11-25T09:10:00.000Z',
  nextAttemptAt: '2026-11-25T09:11:00.000Z',
  lastError: { code: 'remote-unreachable', message: 'ECONNREFUSED 203.0.113.5:443' },
  progress: { step: 'upload-media', mediaDone: 2, mediaTotal: 5 },
});
const failed = outboxJob({ id: 'job0000000003', headline: 'Council vote', state: 'failed', lastError: { code: 'remote-too-large', message: 'HTTP 413 for photo 3', status: 413 } });
const done = outboxJob({ id: 'job0000000004', headline: 'Old story', state: 'done', createdAt: '2026-11-24T09:00:00.000Z' });

describe('outbox', () => {
  it('the badge counts active jobs; the queue lists each with its error and offers Cancel and Retry', async () => {
    const api = createFakeApi({
      'outbox.list': () => [done, failed, waiting],
      'outbox.cancel': (input) => ({ ...waiting, id: input.jobId, state: 'cancelled' }),
      'outbox.retry': (input) => ({ ...failed, id: input.jobId, state: 'queued', lastError: null }),
    });
    render(
      <StoresContext.Provider value={createAppStores(api)}>
        <OutboxButton />
      </StoresContext.Provider>,
    );
    const button = await screen.findByRole('button', { name: 'Outbox (1)' });
    fireEvent.click(button);
    const queue = await screen.findByRole('region', { name: 'Publishing queue' });
    const typhoon = within(queue).getByRole('listitem', { name: 'Typhoon nears coast to News site' });
    expect(typhoon.textContent).toMatch(/Waiting for the connection/);
    expect(typhoon.textContent).toMatch(/The publishing site could not be reached/);
    expect(within(typhoon).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('2');
    const council = within(queue).getByRole('listitem', { name: 'Council vote to News site' });
    expect(council.textContent).toMatch(/refused a photo as too large/);
    expect(within(queue).getAllByRole('listitem').map((li) => li.getAttribute('aria-label'))).toEqual([
      'Typhoon nears coast to News site',
      'Council vote to News site',
      'Old story to News site',
    ]);
    expect(within(council).queryByRole('button', { name: /^Cancel/ })).toBeNull();

    await act(async () => {
      fireEvent.click(within(typhoon).getByRole('button', { name: 'Cancel publishing "Typhoon nears coast"' }));
    });
    await act(async () => {
      fireEvent.click(within(council).getByRole('button', { name: 'Retry publishing "Council vote"' }));
    });
    expect(api.callsTo('outbox.cancel')).toEqual([{ jobId: 'job0000000002' }]);
    expect(api.callsTo('outbox.retry')).toEqual([{ jobId: 'job0000000003' }]);
  });

  it('a job that sent nothing says why: overtaken by a newer version, or already up to date; a retried job names the version it took', async () => {
    const overtaken = outboxJob({ id: 'job0000000005', headline: 'Mayor resigns', state: 'cancelled', articleRevision: 1, skipped: { reason: 'overtaken', articleRevision: 2, jobId: null } });
    const unchanged = outboxJob({
      id: 'job0000000006',
      headline: 'Deputy mayor resigns',
      state: 'done',
      articleRevision: 2,
      resnapshot: { fromRevision: 1, at: '2026-11-25T09:20:00.000Z' },
      skipped: { reason: 'unchanged', articleRevision: 2, jobId: null },
    });
    const api = createFakeApi({ 'outbox.list': () => [unchanged, overtaken] });
    render(
      <StoresContext.Provider value={createAppStores(api)}>
        <OutboxButton />
      </StoresContext.Provider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Outbox' }));
    const queue = await screen.findByRole('region', { name: 'Publishing queue' });
    const old = within(queue).getByRole('listitem', { name: 'Mayor resigns to News site' });
    expect(old.textContent).toMatch(/Not sent: a newer version overtook it/);
    expect(within(queue).getByRole('listitem', { name: 'Deputy mayor resigns to News site' }).textContent).toMatch(/Already up to date/);

    fireEvent.click(within(old).getByRole('button', { name: 'Details of "Mayor resigns"' }));
    const detail = await screen.findByRole('region', { name: 'Publishing "Mayor resigns"' });
    expect(detail.textContent).toMatch(/Not sent: revision 2 of this article went to News site after this job was queued, and sending this older version \(revision 1\) would have replaced it\./);
    expect(detail.textContent).not.toMatch(/Publishing was cancelled/);

    act(() => useI18nStore.getState().setLocale('zh-CN'));
    fireEvent.click(within(queue).getByRole('button', { name: '“Deputy mayor resigns”的详情' }));
    const detailZh = await screen.findByRole('region', { name: '正在发布“Deputy mayor resigns”' });
    expect(detailZh.textContent).toMatch(/已按当前保存的版本（第 2 版）重试；此任务最初排队时为第 1 版。/);
    expect(detailZh.textContent).toMatch(/未发送任何内容：“News site”上已是此版本（第 2 版），状态也相同。/);
    expect(within(queue).getByRole('listitem', { name: 'Mayor resigns，发往“News site”' }).textContent).toMatch(/未发送：已有更新的版本/);
  });

  it('the article shows where it was published, and refreshes when a job for it finishes', async () => {
    const record = (targetId: string, url: string): PublicationRecord => ({
      targetId,
      targetKind: 'wordpress',
      remoteId: '42',
      url,
      status: 'published',
      contentHash: 'x',
      remoteModified: '',
      publishedAt: '2026-11-25T09:06:00Z',
      articleRevision: 2,
    });
    let records = [record('t-wordpress1', 'https://news.example.com/?p=42')];
    const api = createFakeApi({
      'publications.list': () => records,
      'targets.list': () => [folderTarget, wordpressTarget],
      'targets.secretsBackend': () => ({ backend: 'keychain', secure: true }),
    });
    const stores = createAppStores(api);
    stores.article.getState().load(completeArticle());
    render(
      <StoresContext.Provider value={stores}>
        <PublicationsLine />
      </StoresContext.Provider>,
    );
    const line = await screen.findByRole('list', { name: 'Publications' });
    await waitFor(() => expect(line.textContent).toMatch(/^Published to News site · .+ · https:\/\/news\.example\.com\/\?p=42$/));
    expect(within(line).getByRole('link').getAttribute('href')).toBe('https://news.example.com/?p=42');

    records = [...records, record('t-folder0001', 'file:///home/li/Documents/Published/flood/index.html')];
    act(() => stores.outbox.getState().track(outboxJob({ state: 'done' })));
    await waitFor(() => expect(within(line).getAllByRole('listitem')).toHaveLength(2));
    expect(line.textContent).toMatch(/Published to Local folder/);
  });
});
