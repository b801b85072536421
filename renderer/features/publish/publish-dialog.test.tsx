// @vitest-environment happy-dom
// Runs in: tests (happy-dom). An editor publishes the open article: checklist, progress, live URL, errors and conflicts.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../../common/article';
import type { OperationInput } from '../../../common/contract';
import type { OutboxJob } from '../../../common/publish/publish-job';
import { StoresContext } from '../../stores/stores-context';
import { ApiError } from '../../api/api-error';
import { useI18nStore } from '../../i18n/i18n-store';
import { createAppStores, type AppStores } from '../../stores/app-stores';
import { createFakeApi, type FakeHandlers } from '../../../tests/support/fake-api';
import { testEventConnection, type TestEventConnection } from '../../../tests/support/test-event-connection';
import { createEventSubscription } from '../../api/event-subscription';
import { localInputToIso } from '../metadata/planned-at';
import { formatZonedTime } from './checklist-text';
import { PublishDialog } from './publish-dialog';
import { reviewNoticeKey } from '../../stores/review-notice-key';
import { ARTICLE_ID, completeArticle, deferred, folderTarget, outboxJob, wordpressTarget } from '../../../tests/support/publish-fixtures';

afterEach(cleanup);
beforeEach(() => useI18nStore.getState().setLocale('en'));

function renderDialog(
  article: Article,
  handlers: FakeHandlers,
  props: { approveFirst?: boolean; role?: 'reporter' | 'editor'; events?: TestEventConnection; timeZone?: string } = {},
): { stores: AppStores; api: ReturnType<typeof createFakeApi> } {
  const api = createFakeApi({
    'targets.list': () => [folderTarget, wordpressTarget],
    'targets.secretsBackend': () => ({ backend: 'gnome_libsecret', secure: true }),
    'media.info': (input) => ({ id: input.id, mimeType: 'image/jpeg', bytes: 1000, width: 1600, height: 900, caption: '', credit: '', copyright: '', originalName: 'a.jpg' }),
    'articles.save': () => ({ revision: 2, updatedAt: '2026-11-25T09:02:00.000Z' }),
    ...handlers,
  });
  const stores = createAppStores(api, props.events ? createEventSubscription(props.events) : undefined);
  if (props.role) stores.settings.setState((s) => ({ settings: { ...s.settings, role: props.role ?? null } }));
  if (props.timeZone) stores.settings.setState((s) => ({ settings: { ...s.settings, timeZone: props.timeZone ?? null } }));
  stores.article.getState().load(article);
  render(
    <StoresContext.Provider value={stores}>
      <PublishDialog onClose={() => undefined} pollIntervalMs={5} approveFirst={props.approveFirst} />
    </StoresContext.Provider>,
  );
  return { stores, api };
}

const publishButton = (): HTMLButtonElement => screen.getByRole('button', { name: 'Publish' }) as HTMLButtonElement;

describe('publish dialog', () => {
  it('the checklist blocks Publish until the headline is written and each warning is accepted', async () => {
    const started: OperationInput<'publish.start'>[] = [];
    const { stores } = renderDialog(completeArticle({ headline: '', summary: '' }, { slug: '', tags: [] }), {
      'publish.start': (input) => {
        started.push(input);
        return outboxJob();
      },
      'outbox.get': () => outboxJob({ state: 'done', result: null }),
    });
    const dialog = await screen.findByRole('dialog', { name: 'Publish article' });
    expect((within(dialog).getByRole('combobox', { name: 'Publish to' }) as HTMLSelectElement).value).toBe(wordpressTarget.config.id);
    const blockers = within(dialog).getByRole('list', { name: 'Fix before publishing' });
    expect(within(blockers).getByText(/Add a headline/)).toBeTruthy();
    expect(within(blockers).getByText('Headline')).toBeTruthy();
    expect(publishButton().disabled).toBe(true);

    act(() => stores.article.getState().updateFields({ headline: 'Flood closes bridge' }));
    expect(within(dialog).queryByRole('list', { name: 'Fix before publishing' })).toBeNull();
    expect(publishButton().disabled).toBe(true);

    fireEvent.click(within(dialog).getByRole('checkbox', { name: /^Override: No summary/ }));
    expect(publishButton().disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /^Override: No tags/ }));
    expect(publishButton().disabled).toBe(false);

    await act(async () => {
      fireEvent.click(publishButton());
    });
    expect(started).toEqual([
      { articleId: 'art0000000001', targetId: 't-wordpress1', options: { status: 'published', scheduledAt: null, overriddenWarnings: ['summary', 'tags'] } },
    ]);
  });

  it('once published, a toast about the earlier status of the story (the approval that went first) goes', async () => {
    const { stores } = renderDialog(completeArticle(), { 'publish.start': () => outboxJob(), 'outbox.get': () => outboxJob({ state: 'done', result: null }) }, { approveFirst: true });
    act(() => stores.ui.getState().showInfo('Status now: Approved.', undefined, { key: reviewNoticeKey(ARTICLE_ID) }));
    const dialog = await screen.findByRole('dialog', { name: 'Approve and publish' });
    for (const box of within(dialog).queryAllByRole('checkbox', { name: /^Override/ })) fireEvent.click(box);
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Approve and publish' }));
    });
    await waitFor(() => expect(stores.ui.getState().notices.some((n) => n.message === 'Status now: Approved.')).toBe(false));
  });

  it('publishing again to where the story already is says it updates that copy', async () => {
    const record = { targetId: wordpressTarget.config.id, targetKind: 'wordpress' as const, remoteId: '42', url: 'https://news.example.com/?p=42', status: 'published' as const, contentHash: 'h', remoteModified: '', publishedAt: '2026-11-25T08:00:00Z', articleRevision: 1 };
    renderDialog(completeArticle(), { 'publications.list': () => [record] });
    const dialog = await screen.findByRole('dialog', { name: 'Publish article' });
    const note = await within(dialog).findByRole('note');
    expect(note.textContent).toMatch(/^This story is already on News site \(since .*2026.*\): publishing updates that copy, it does not add another\.$/);
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Publish to' }), { target: { value: folderTarget.config.id } });
    expect(within(dialog).queryByRole('note')).toBeNull();
  });

  it('offers first the target this story last went to, not the default', async () => {
    const record = (targetId: string, publishedAt: string) => ({ targetId, targetKind: 'folder' as const, remoteId: 'r', url: 'file:///tmp/x/index.html', status: 'published' as const, contentHash: 'h', remoteModified: '', publishedAt, articleRevision: 1 });
    renderDialog(completeArticle(), { 'publications.list': () => [record(wordpressTarget.config.id, '2026-11-20T08:00:00Z'), record(folderTarget.config.id, '2026-11-25T08:00:00Z')] });
    const dialog = await screen.findByRole('dialog', { name: 'Publish article' });
    await waitFor(() => expect((within(dialog).getByRole('combobox', { name: 'Publish to' }) as HTMLSelectElement).value).toBe(folderTarget.config.id));
  });

  it('a schedule in the past is a blocker; a future time, taken from the planned time, clears it', async () => {
    renderDialog(completeArticle({}, { plannedAt: '2020-01-01T08:00:00+00:00' }), {});
    const dialog = await screen.findByRole('dialog', { name: 'Publish article' });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Schedule' }));
    const at = within(dialog).getByLabelText('Publish at') as HTMLInputElement;
    expect(at.value).not.toBe('');
    expect(within(dialog).getByRole('list', { name: 'Fix before publishing' }).textContent).toMatch(/has already passed/);
    expect((within(dialog).getByRole('button', { name: 'Schedule' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(at, { target: { value: `${new Date().getFullYear() + 1}-06-01T09:00` } });
    expect(within(dialog).queryByRole('list', { name: 'Fix before publishing' })).toBeNull();
    expect((within(dialog).getByRole('button', { name: 'Schedule' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('a story whose date has passed goes out dated now by default, or keeps its original date when asked (archives, corrections)', async () => {
    const started: OperationInput<'publish.start'>[] = [];
    const original = '2020-01-01T08:00:00+00:00';
    renderDialog(completeArticle({}, { plannedAt: original }), { 'publish.start': (input) => (started.push(input), outboxJob()), 'outbox.get': () => outboxJob({ state: 'done', result: null }) });
    const dialog = await screen.findByRole('dialog', { name: 'Publish article' });
    const dateChoice = within(dialog).getByRole('radiogroup', { name: 'Date of the story' });
    expect((within(dateChoice).getByRole('radio', { name: 'Dated now' }) as HTMLInputElement).checked).toBe(true);
    const checklist = within(dialog).getByRole('region', { name: 'Pre-publish checklist' });
    expect(checklist.textContent).toMatch(/which has passed; it will go out now/);
    fireEvent.click(within(dateChoice).getByRole('radio', { name: /^Keep the original date/ }));
    expect(checklist.textContent).not.toMatch(/which has passed/);
    expect(checklist.textContent).toMatch(/Will be published now, dated /);
    for (const box of within(dialog).queryAllByRole('checkbox', { name: /^Override/ })) fireEvent.click(box);
    await act(async () => {
      fireEvent.click(publishButton());
    });
    expect(started[0]?.options).toMatchObject({ status: 'published', backdateTo: original });
  });

  it('publishing saves the article first, then shows photo progress and ends with the live URL', async () => {
    const release = deferred<void>();
    let saved = 0;
    const { stores } = renderDialog(completeArticle(), {
      'articles.save': () => {
        saved += 1;
        return { revision: 2, updatedAt: '2026-11-25T09:02:00.000Z' };
      },
      'publish.start': () => outboxJob({ state: 'running', progress: { step: 'upload-media', mediaDone: 1, mediaTotal: 3 } }),
      'outbox.get': async () => {
        await release.promise;
        return outboxJob({
          state: 'done',
          progress: { step: 'verify', mediaDone: 3, mediaTotal: 3 },
          result: {
            targetId: 't-wordpress1',
            targetKind: 'wordpress',
            remoteId: '42',
            url: 'https://news.example.com/2026/11/flood-closes-bridge/',
            status: 'published',
            contentHash: 'x',
            remoteModified: '2026-11-25T09:06:00Z',
            publishedAt: '2026-11-25T09:06:00Z',
            articleRevision: 2,
          },
        });
      },
    });
    act(() => stores.article.getState().updateFields({ subheadline: 'Traffic diverted' }));
    await screen.findByRole('dialog', { name: 'Publish article' });
    await act(async () => {
      fireEvent.click(publishButton());
    });
    expect(saved).toBe(1);
    // The Publish button went with the form; the keyboard stays in the dialog, on the job.
    expect(screen.getByRole('dialog', { name: 'Publish article' }).contains(document.activeElement)).toBe(true);
    expect(document.activeElement).not.toBe(document.body);
    const bar = await screen.findByRole('progressbar', { name: 'Uploading photo 2 of 3' });
    expect(bar.getAttribute('aria-valuenow')).toBe('1');
    expect(bar.getAttribute('aria-valuemax')).toBe('3');
    release.resolve();
    const link = await screen.findByRole('link', { name: 'https://news.example.com/2026/11/flood-closes-bridge/' });
    expect(screen.getByText('Published')).toBeTruthy();
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeTruthy();
    expect(stores.outbox.getState().jobs.map((j) => j.state)).toEqual(['done']);
  });

  it('a folder publication shows its path as selectable text next to the link', async () => {
    renderDialog(completeArticle(), {
      'publish.start': () =>
        outboxJob({
          state: 'done',
          result: {
            targetId: 't-folder0001',
            targetKind: 'folder',
            remoteId: 'x',
            url: 'file:///home/li/Documents/Published/flood-closes-bridge/index.html',
            status: 'published',
            contentHash: 'x',
            remoteModified: '',
            publishedAt: '2026-11-25T09:06:00Z',
            articleRevision: 2,
          },
        }),
    });
    await screen.findByRole('dialog', { name: 'Publish article' });
    await act(async () => {
      fireEvent.click(publishButton());
    });
    expect(await screen.findByText('/home/li/Documents/Published/flood-closes-bridge/index.html')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open' }).getAttribute('href')).toBe('file:///home/li/Documents/Published/flood-closes-bridge/index.html');
  });

  it('when the article cannot be saved, nothing is published and the save error is shown', async () => {
    const { stores, api } = renderDialog(completeArticle(), {
      'articles.save': () => {
        throw new ApiError('disk-full', 'ENOSPC writing article.json');
      },
    });
    act(() => stores.article.getState().updateFields({ subheadline: 'changed' }));
    await screen.findByRole('dialog', { name: 'Publish article' });
    await act(async () => {
      fireEvent.click(publishButton());
    });
    expect(screen.getByRole('alert').textContent).toMatch(/The disk is full/);
    expect(api.callsTo('publish.start')).toEqual([]);
  });

  it('a checklist-blocked rejection from the services lists its items', async () => {
    renderDialog(completeArticle(), {
      'publish.start': () => {
        throw new ApiError('checklist-blocked', 'The checklist has blockers.', {
          kind: 'checklist-blocked',
          items: [
            {
              id: 'photo-missing:1',
              level: 'blocker',
              field: 'photos',
              message: { key: 'publish.checklist.photo-not-in-library', params: { photos: '1', count: 1 } },
              defaultText: 'Photo 1 is missing from the photo library: remove it and insert it again.',
            },
          ],
        });
      },
    });
    await screen.findByRole('dialog', { name: 'Publish article' });
    await act(async () => {
      fireEvent.click(publishButton());
    });
    const blockers = screen.getByRole('list', { name: 'Fix before publishing' });
    expect(within(blockers).getByText(/Photo 1 is missing from the photo library/)).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/The pre-publish checklist found problems/);
    expect(publishButton().disabled).toBe(true);
  });

  it('a wrong application password ends in the specific remote-auth message, with Retry', async () => {
    const { api } = renderDialog(completeArticle(), {
      'publish.start': () => outboxJob({ state: 'queued' }),
      'outbox.get': () =>
        outboxJob({
          state: 'failed',
          attempts: 1,
          lastError: {
            code: 'remote-auth',
            message: 'HTTP 401 from /wp-json/wp/v2/users/me',
            status: 401,
            details: { kind: 'http-401', host: 'news.example.com', status: 401, retryable: false, mayHaveArrived: true },
          },
        }),
      'outbox.retry': () => outboxJob({ state: 'failed', attempts: 2, lastError: { code: 'remote-auth', message: 'HTTP 401 again', status: 401 } }),
    });
    await screen.findByRole('dialog', { name: 'Publish article' });
    await act(async () => {
      fireEvent.click(publishButton());
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/The site refused the login: check the username and the application password/);
    expect(alert.textContent).toMatch(/news\.example\.com refused the credentials \(HTTP 401\)/);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    });
    expect(api.callsTo('outbox.retry')).toEqual([{ jobId: 'job0000000001' }]);
  });

  it('an account that may only submit for review is refused publishing, and “Submit for review” sends it as pending', async () => {
    const started: OperationInput<'publish.start'>[] = [];
    const refused = outboxJob({
      state: 'failed',
      attempts: 1,
      options: { status: 'published', scheduledAt: null, overriddenWarnings: ['tags'] },
      lastError: {
        code: 'remote-forbidden',
        message: 'Your WordPress role (contributor) may not publish posts: this account can only submit articles for review. Nothing was sent',
        allowedStatuses: ['draft', 'submitted'],
        details: { kind: 'account-may-not-publish', reason: 'review-only', allowedStatuses: ['draft', 'submitted'] },
      },
    });
    const pending = outboxJob({ id: 'job0000000002', state: 'queued', options: { status: 'submitted', scheduledAt: null, overriddenWarnings: ['tags'] } });
    renderDialog(completeArticle(), {
      'publish.start': (input) => {
        started.push(input);
        return input.options.status === 'submitted' ? pending : outboxJob({ state: 'queued' });
      },
      'outbox.get': (input) => (input.jobId === refused.id ? refused : { ...pending, state: 'done', result: null }),
    });
    await screen.findByRole('dialog', { name: 'Publish article' });
    await act(async () => {
      fireEvent.click(publishButton());
    });
    expect((await screen.findByRole('alert')).textContent).toMatch(/This WordPress account may not publish/);
    expect(screen.getByText(/News site accepts this account’s stories only for review/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Submit for review' }));
    });
    expect(started.at(-1)).toEqual({ articleId: 'art0000000001', targetId: 't-wordpress1', options: { status: 'submitted', scheduledAt: null, overriddenWarnings: ['tags'] } });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Submit for review' })).toBeNull());
  });

  it('in Chinese, the refused contributor is offered 改为提交审核', async () => {
    useI18nStore.getState().setLocale('zh-CN');
    renderDialog(completeArticle(), {
      'publish.start': () => outboxJob({ state: 'queued' }),
      'outbox.get': () =>
        outboxJob({ state: 'failed', attempts: 1, lastError: { code: 'remote-forbidden', message: 'may not publish posts', allowedStatuses: ['draft', 'submitted'] } }),
    });
    await screen.findByRole('dialog');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '发布' }));
    });
    expect(await screen.findByRole('button', { name: '改为提交审核' })).toBeTruthy();
    expect(screen.getByText(/只接受此账号提交审核的稿件/)).toBeTruthy();
  });

  it('a refusal that is not about the role (a plain 403) offers no review', async () => {
    renderDialog(completeArticle(), {
      'publish.start': () => outboxJob({ state: 'queued' }),
      'outbox.get': () => outboxJob({ state: 'failed', attempts: 1, lastError: { code: 'remote-forbidden', message: 'HTTP 403', status: 403 } }),
    });
    await screen.findByRole('dialog', { name: 'Publish article' });
    await act(async () => {
      fireEvent.click(publishButton());
    });
    await screen.findByRole('alert');
    expect(screen.queryByRole('button', { name: 'Submit for review' })).toBeNull();
  });

  it('a conflict shows both versions as text; overwriting asks first, then resolves with overwrite', async () => {
    const conflictJob = outboxJob({
      state: 'conflict',
      conflict: {
        remote: {
          title: 'Flood closes bridge &amp; road',
          excerpt: '',
          contentHtml: '<!-- wp:paragraph --><p>Edited <b>on the server</b></p><!-- /wp:paragraph --><img src="x" onerror="alert(1)"><script>alert(2)</script>',
          modified: '2026-11-25T10:00:00Z',
          url: 'https://news.example.com/?p=42',
        },
        local: { title: 'Flood closes bridge', excerpt: 'The river rose overnight.', contentHtml: '<p>The old bridge is closed.</p>' },
        recordedModified: '2026-11-25T09:06:00Z',
      },
    });
    const resolutions: OperationInput<'outbox.resolveConflict'>[] = [];
    renderDialog(completeArticle(), {
      'publish.start': () => conflictJob,
      'outbox.resolveConflict': (input) => {
        resolutions.push(input);
        return outboxJob({ state: 'queued' });
      },
      'outbox.get': (): OutboxJob => outboxJob({ state: 'running', progress: { step: 'create-post', mediaDone: 0, mediaTotal: 0 } }),
    });
    const dialog = await screen.findByRole('dialog', { name: 'Publish article' });
    await act(async () => {
      fireEvent.click(publishButton());
    });
    const server = screen.getByRole('region', { name: 'On the server' });
    const mine = screen.getByRole('region', { name: 'Your version' });
    expect(within(server).getByText('Edited on the server')).toBeTruthy();
    expect(within(server).getByText('Flood closes bridge & road')).toBeTruthy();
    expect(within(mine).getByText('The old bridge is closed.')).toBeTruthy();
    expect(dialog.querySelector('img, script, b')).toBeNull();
    expect(server.textContent).not.toMatch(/alert/);

    fireEvent.click(screen.getByRole('button', { name: 'Overwrite with my version' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Overwrite the server’s version?' });
    expect(resolutions).toEqual([]);
    await act(async () => {
      fireEvent.click(within(confirm).getByRole('button', { name: 'Overwrite with my version' }));
    });
    expect(resolutions).toEqual([{ jobId: 'job0000000001', resolution: 'overwrite' }]);
    await waitFor(() => expect(screen.getByText('Creating the post')).toBeTruthy());
  });

  it('a Chinese-speaking editor sees the choices and checklist in Chinese', async () => {
    useI18nStore.getState().setLocale('zh-CN');
    renderDialog(completeArticle({ headline: '' }, { slug: 'x' }), {});
    const dialog = await screen.findByRole('dialog', { name: '发布稿件' });
    expect(within(dialog).getByRole('radio', { name: '定时发布' })).toBeTruthy();
    expect(within(dialog).getByRole('radio', { name: '提交审核' })).toBeTruthy();
    expect(within(dialog).getByRole('list', { name: '发布前必须修改' }).textContent).toMatch(/请填写标题/);
  });

  it('a story planned for later opens “Approve and publish” on scheduling at that time, and the checklist says so in the newsroom’s zone', async () => {
    const year = new Date().getFullYear() + 1;
    const planned = `${year}-06-01T09:30:00+08:00`;
    renderDialog(completeArticle({}, { plannedAt: planned }), {}, { approveFirst: true });
    const dialog = await screen.findByRole('dialog', { name: 'Approve and publish' });
    expect((within(dialog).getByRole('radio', { checked: true }) as HTMLInputElement).value).toBe('scheduled');
    expect(Date.parse(localInputToIso((within(dialog).getByLabelText('Publish at') as HTMLInputElement).value) ?? '')).toBe(Date.parse(planned));
    const checklist = within(dialog).getByRole('region', { name: 'Pre-publish checklist' });
    expect(checklist.textContent).toContain(`Will be scheduled for ${formatZonedTime(planned, 'en')}.`);
    expect(formatZonedTime(planned, 'en', 'Asia/Shanghai')).toMatch(/GMT\+8|CST/);
    expect(within(dialog).getByRole('button', { name: 'Approve and schedule' })).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Publish now' }));
    expect(checklist.textContent).toContain('Will be published now.');
    expect(within(dialog).getByRole('button', { name: 'Approve and publish' })).toBeTruthy();
    act(() => useI18nStore.getState().setLocale('zh-CN'));
    expect(checklist.textContent).toContain('将立即发布。');
  });

  it('schedules in the newsroom zone to the second, and names the zone beside the field', async () => {
    const started: OperationInput<'publish.start'>[] = [];
    const year = new Date().getFullYear() + 1;
    const planned = `${year}-06-01T12:01:52+08:00`;
    renderDialog(completeArticle({}, { plannedAt: planned }), { 'publish.start': (input) => (started.push(input), outboxJob()), 'outbox.get': () => outboxJob({ state: 'done', result: null }) }, { timeZone: 'Asia/Shanghai' });
    const dialog = await screen.findByRole('dialog', { name: 'Publish article' });
    const field = within(dialog).getByLabelText('Publish at') as HTMLInputElement;
    expect(field.value).toBe(`${year}-06-01T12:01:52`);
    expect(field.getAttribute('step')).toBe('1');
    expect(within(dialog).getByText('Asia/Shanghai')).toBeTruthy();
    for (const box of within(dialog).queryAllByRole('checkbox', { name: /^Override/ })) fireEvent.click(box);
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Schedule' }));
    });
    expect(started[0]?.options.scheduledAt).toBe(`${year}-06-01T04:01:52.000Z`);
  });

  it('“Approve and publish” says so and offers only going live or scheduling; a reporter may only hand over a copy that does not go live', async () => {
    renderDialog(completeArticle({}, {}), {}, { approveFirst: true });
    const approve = await screen.findByRole('dialog', { name: 'Approve and publish' });
    expect(within(approve).getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual(['published', 'scheduled']);
    expect(within(approve).getByRole('button', { name: 'Approve and publish' })).toBeTruthy();
    cleanup();
    renderDialog(completeArticle({}, {}), {}, { role: 'reporter' });
    const reporter = await screen.findByRole('dialog', { name: 'Send a copy' });
    expect(within(reporter).getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual(['draft', 'submitted']);
    expect((within(reporter).getByRole('radio', { checked: true }) as HTMLInputElement).value).toBe('draft');
    // The button says what it does: no "Publish" where nothing goes live.
    expect(within(reporter).queryByRole('button', { name: 'Publish' })).toBeNull();
    expect(within(reporter).getByRole('button', { name: 'Save as draft' })).toBeTruthy();
    fireEvent.click(within(reporter).getByRole('radio', { name: 'Submit for review' }));
    expect(within(reporter).getByRole('button', { name: 'Submit copy for review' })).toBeTruthy();
    expect(reporter.textContent).toContain('send yours to the desk from the Review tab');
  });
});

describe('publish dialog over the event stream', () => {
  const running = (mediaDone: number, at: string): OutboxJob =>
    outboxJob({ state: 'running', updatedAt: at, progress: { step: 'upload-media', mediaDone, mediaTotal: 3 } });
  const done = (): OutboxJob =>
    outboxJob({
      state: 'done',
      updatedAt: '2026-11-25T09:06:00.000Z',
      progress: { step: 'verify', mediaDone: 3, mediaTotal: 3 },
      result: { targetId: 't-wordpress1', targetKind: 'wordpress', remoteId: '42', url: 'https://news.example.com/flood/', status: 'published', contentHash: 'x', remoteModified: '2026-11-25T09:06:00Z', publishedAt: '2026-11-25T09:06:00Z', articleRevision: 2 },
    });

  async function startJob(events: TestEventConnection, get: () => OutboxJob) {
    const rendered = renderDialog(completeArticle(), { 'publish.start': () => running(1, '2026-11-25T09:05:01.000Z'), 'outbox.get': get }, { events });
    act(() => events.open());
    await screen.findByRole('dialog', { name: 'Publish article' });
    await act(async () => {
      fireEvent.click(publishButton());
    });
    await screen.findByRole('progressbar', { name: 'Uploading photo 2 of 3' });
    return rendered;
  }

  it('progress and the end of the job arrive as events; the job is never polled while the stream is live', async () => {
    const events = testEventConnection();
    const { api } = await startJob(events, () => running(1, '2026-11-25T09:05:01.000Z'));
    act(() => events.deliver({ name: 'job.changed', payload: { job: running(2, '2026-11-25T09:05:02.000Z') } }));
    await screen.findByRole('progressbar', { name: 'Uploading photo 3 of 3' });
    // An older copy arriving late does not take the bar back.
    act(() => events.deliver({ name: 'job.changed', payload: { job: running(1, '2026-11-25T09:05:01.500Z') } }));
    expect(screen.getByRole('progressbar', { name: 'Uploading photo 3 of 3' })).toBeTruthy();
    act(() => events.deliver({ name: 'job.changed', payload: { job: done() } }));
    await screen.findByRole('link', { name: 'https://news.example.com/flood/' });
    expect(api.callsTo('outbox.get')).toEqual([]);
  });

  it('while the stream is down the job is polled; after it reconnects the job is fetched once', async () => {
    const events = testEventConnection();
    let reconnected = false;
    let afterReconnect = 0;
    const { api } = await startJob(events, () => {
      if (!reconnected) return running(2, '2026-11-25T09:05:02.000Z');
      afterReconnect += 1;
      return done();
    });
    expect(api.callsTo('outbox.get')).toEqual([]);
    act(() => events.down());
    await screen.findByRole('progressbar', { name: 'Uploading photo 3 of 3' });
    expect(api.callsTo('outbox.get').length).toBeGreaterThan(0);
    act(() => {
      reconnected = true;
      events.open();
    });
    // The reconnect's one fetch brings the end the stream missed.
    await screen.findByRole('link', { name: 'https://news.example.com/flood/' });
    expect(afterReconnect).toBe(1);
  });
});
