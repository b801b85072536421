// Runs in: vitest (node), against a real WordPress on 127.0.0.1 (Debian's packages, started by the
// fixture; if it cannot start, these tests fail). A reporter with only a Contributor account sends a
// story for review through WordPress, an editor reviews it there, approves it, and the publishing
// job publishes that very post, and the publish is recorded on top of the job's change; two people
// saving at once never overwrite each other; a contributor reads no package of a post it may not
// edit, and a photo planted under Dateline's marker slug is not reused. Then the same without the
// companion plugin: posts written in WordPress are read from their HTML, photos linked from
// elsewhere are never fetched, and a publish is recorded after the job replaced the post.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../common/app-error';
import { newArticle, type Article, type DocNode } from '../../common/article';
import { docText } from '../../common/doc-text';
import { textStats } from '../../common/text/text-stats';
import type { Actor } from '../../common/workflow/newsroom-profile';
import { addComment, type ReviewComment } from '../../common/workflow/review-comment';
import type { WorkflowEvent } from '../../common/workflow/workflow-event';
import { transition } from '../../common/workflow/workflow-machine';
import { MediaStore } from '../../electron/services/media/media-store';
import { PendingRemoteStore } from '../../electron/services/publish/pending-remote-store';
import { DESK } from '../../electron/services/review/review-package';
import { WordPressHub } from '../../electron/services/review/wordpress-hub';
import { SUGGESTED_BODY } from '../fixtures/suggested-body';
import { makePng } from '../support/test-photos';
import { newArticleId, startHarness, type Harness } from './publishing-harness';
import { findFreePort } from './support/free-port';
import { plantMedia } from './support/plant-media';
import { startWordPress, type WordPressSite, type WordPressUser, type WpMedia, type WpPost } from './support/wordpress-fixture';

const reporter: Actor = { name: '王小明', role: 'reporter' };
const editor: Actor = { name: 'Edith Editor', role: 'editor' };
const otherEditor: Actor = { name: 'Arthur Author', role: 'editor' };

let eventCounter = 0;
let commentCounter = 0;

async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string; details: unknown }> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message, details: error.details };
    throw error;
  }
  throw new Error('expected the promise to be rejected');
}

function act(article: Article, history: WorkflowEvent[], action: 'submit' | 'request-changes' | 'approve' | 'publish', actor: Actor, note?: string) {
  const owner = history.find((e) => e.action === 'submit')?.by.name ?? null;
  const { status, event } = transition({ status: article.status, owner }, action, actor, { id: `ev-${++eventCounter}`, at: new Date().toISOString(), note, revision: article.revision });
  return { article: { ...article, status }, history: [...history, event] };
}

function comment(comments: ReviewComment[], author: Actor, body: string): ReviewComment[] {
  return addComment(comments, { id: `c-${++commentCounter}`, author, createdAt: new Date().toISOString(), body });
}

const paragraph = (text: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });

function hubFor(site: WordPressSite, user: { login: string; appPassword: string }, media: MediaStore, extra: Partial<ConstructorParameters<typeof WordPressHub>[0]> = {}): WordPressHub {
  return new WordPressHub({
    targetId: `${user.login}-wp`,
    siteUrl: site.url,
    username: user.login,
    password: user.appPassword,
    targetLabel: `The WordPress site 127.0.0.1:${site.port}`,
    media,
    timeoutMs: 60_000,
    ...extra,
  });
}

async function newLibrary(root: string, name: string): Promise<MediaStore> {
  const media = new MediaStore(join(root, name, 'library'));
  await media.open();
  return media;
}

async function postsOfArticle(site: WordPressSite, articleId: string): Promise<WpPost[]> {
  return (await site.listAllPosts()).filter((p) => p.meta.dateline_document === articleId);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Test only: lists posts in the edit context to anyone who may read them, as WordPress before 6.x (and some plugins) did. */
const EDIT_LISTING_PLUGIN = `<?php
add_action( 'rest_api_init', static function () {
	register_rest_route( 'dateline-test/v1', '/posts', array(
		'methods'             => 'GET',
		'permission_callback' => static function () {
			return current_user_can( 'edit_posts' );
		},
		'callback'            => static function ( $request ) {
			$controller = new WP_REST_Posts_Controller( 'post' );
			$inner      = new WP_REST_Request( 'GET', '/wp/v2/posts' );
			$inner->set_param( 'context', 'edit' );
			$out = array();
			foreach ( array_map( 'intval', explode( ',', (string) $request->get_param( 'include' ) ) ) as $id ) {
				$post = get_post( $id );
				if ( $post && $controller->check_read_permission( $post ) ) {
					$out[] = $controller->prepare_response_for_collection( $controller->prepare_item_for_response( $post, $inner ) );
				}
			}
			return $out;
		},
	) );
} );
`;

describe('the WordPress review hub with the companion plugin', () => {
  let site: WordPressSite;
  let h: Harness;
  let dir: string;
  let pending: PendingRemoteStore;
  let reporterMedia: MediaStore;
  let reporterHub: WordPressHub;
  let editorHub: WordPressHub;

  beforeAll(async () => {
    site = await startWordPress({ prettyPermalinks: true });
    dir = await mkdtemp(join(tmpdir(), 'dateline-wp-hub-'));
    h = await startHarness();
    await h.addWordPress('editor-wp', site.url, site.users.editor);
    // The editor's machine: the publishing harness's library, where the outbox reads pending posts.
    const probe = await h.photo(79_999);
    const libraryRoot = dirname(dirname((await h.media.path(probe)) as string));
    pending = new PendingRemoteStore(libraryRoot);
    reporterMedia = await newLibrary(dir, 'reporter');
    reporterHub = hubFor(site, site.users.contributor, reporterMedia);
    editorHub = hubFor(site, site.users.editor, h.media, {
      targetId: 'editor-wp',
      offerPost: (articleId, postId) => pending.set('editor-wp', articleId, { remoteId: postId, jobId: 'review-hub', since: new Date().toISOString() }),
    });
  }, 240_000);

  afterAll(async () => {
    await h?.close();
    await site?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  it('a contributor’s Chinese story goes through review, approval and publishing as one post', async () => {
    const photo = await reporterMedia.import('江边.png', makePng(820, 480));
    const id = newArticleId('hub');
    const tricky = 'C:\\新闻\\稿件 "引号" \'单引号\' & <b>不是粗体</b> 😀👩‍💻 \\u0041 \\\\';
    const draft: Article = {
      ...newArticle(id, new Date().toISOString(), 'zh-CN'),
      headline: '暴雨袭击武汉：市区多处积水',
      summary: '武汉今天遭遇暴雨，市区多处积水。',
      meta: { ...newArticle(id, new Date().toISOString(), 'zh-CN').meta, slug: 'wuhan-rainstorm', section: '社会', tags: ['暴雨', '武汉'], bylines: [{ name: '王小明', role: '记者' }], dateline: '武汉' },
      body: {
        type: 'doc',
        content: [
          { type: 'figure', attrs: { mediaId: photo.id, alt: '积水的街道', credit: '王小明 摄', lead: true }, content: [{ type: 'text', text: '江汉路积水。' }] },
          paragraph('新华社武汉7月5日电 今天上午，武汉遭遇强降雨，市区多处积水。'),
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '交通受阻' }] },
          paragraph(tricky),
        ],
      },
    };
    const first = act(draft, [], 'submit', reporter);
    const comments = comment([], reporter, '照片是今天早上拍的。');
    const submitted = await reporterHub.submit(first.article, { by: reporter, to: DESK, history: first.history, comments, baseHubRevision: null });
    expect(submitted.hubRevision).toBe(1);
    expect(submitted.keepsComments).toBe(true);

    // WordPress holds one pending post by the contributor, who may not publish it.
    const [post] = await postsOfArticle(site, id);
    expect(await postsOfArticle(site, id)).toHaveLength(1);
    expect(post?.status).toBe('pending');
    expect(post?.author).toBe(site.users.contributor.id);
    expect(post?.title.raw).toBe('暴雨袭击武汉：市区多处积水');
    expect(post?.excerpt.raw).toBe('武汉今天遭遇暴雨，市区多处积水。');
    expect(post?.content.raw).toContain('<!-- wp:image');
    expect(post?.content.raw).toContain('dateline-byline');
    const postId = post?.id as number;
    const publishTry = await site.request(`/wp/v2/posts/${postId}`, { as: 'contributor', json: { status: 'publish' } });
    expect(publishTry.status).toBe(403);
    expect((await site.getPost(postId)).status).toBe('pending');

    // The editor's queue: counts as the folder hub counts, the age from the submission.
    const queue = await editorHub.list({ to: editor.name });
    const entry = queue.entries.find((e) => e.articleId === id);
    const stats = textStats(docText(first.article.body));
    expect(entry).toMatchObject({
      headline: '暴雨袭击武汉：市区多处积水',
      status: 'submitted',
      submittedBy: reporter,
      submittedTo: DESK,
      hubRevision: 1,
      words: stats.words,
      cjkChars: stats.cjkChars,
      openComments: 1,
    });
    expect(stats.cjkChars).toBeGreaterThan(30);
    expect(Date.now() - Date.parse(entry?.submittedAt ?? '')).toBeLessThan(120_000);
    expect((await editorHub.list({ status: ['approved'] })).entries.find((e) => e.articleId === id)).toBeUndefined();

    // Opened losslessly: the article to the last backslash, the photo to the last byte.
    const opened = await editorHub.open(id);
    expect(opened.article).toEqual(first.article);
    expect(opened.history).toEqual(first.history);
    expect(opened.comments).toEqual(comments);
    expect(opened.hubRevision).toBe(1);
    expect(await h.media.read(photo.id)).toEqual(await reporterMedia.read(photo.id));
    expect(await pending.get('editor-wp', id)).toMatchObject({ remoteId: String(postId) });

    // The editor sends it back with a note and a comment: the post goes back to draft.
    const returned = act(opened.article, opened.history, 'request-changes', editor, '请补充伤亡情况。');
    const returnedComments = comment(opened.comments, editor, '第二段需要消息来源。');
    const r2 = await editorHub.update(id, { article: returned.article, history: returned.history, comments: returnedComments, by: editor, baseHubRevision: opened.hubRevision });
    expect(r2.hubRevision).toBe(2);
    expect((await site.getPost(postId)).status).toBe('draft');

    // The reporter opens it, fixes it and resubmits.
    const mine = await reporterHub.open(id);
    expect(mine.article.status).toBe('changes_requested');
    expect(mine.history.map((e) => e.action)).toEqual(['submit', 'request-changes']);
    expect(mine.comments.map((c) => c.body)).toEqual(['照片是今天早上拍的。', '第二段需要消息来源。']);
    const fixedBody: DocNode = { ...mine.article.body, content: [...(mine.article.body.content ?? []), paragraph('据武汉市应急管理局消息，暂无人员伤亡。')] };
    const fixed = act({ ...mine.article, body: fixedBody, revision: mine.article.revision + 1 }, mine.history, 'submit', reporter);
    const r3 = await reporterHub.submit(fixed.article, { by: reporter, to: DESK, history: fixed.history, comments: mine.comments, baseHubRevision: mine.hubRevision });
    expect(r3.hubRevision).toBe(3);
    expect((await site.getPost(postId)).status).toBe('pending');

    const again = await editorHub.open(id);
    expect(again.article).toEqual(fixed.article);
    expect(again.previousSubmission).toEqual(returned.article);
    // The photo went up once, for all three writes.
    const marker = `dateline-${photo.id.slice(0, 16)}`;
    expect((await site.listAllMedia()).filter((m: WpMedia) => String(m.slug).startsWith(marker))).toHaveLength(1);

    // Approved, then published by the editor's publishing job: the same post, no twin.
    const approved = act(again.article, again.history, 'approve', editor);
    const r4 = await editorHub.update(id, { article: approved.article, history: approved.history, by: editor, baseHubRevision: again.hubRevision });
    expect(r4.hubRevision).toBe(4);
    h.articles.set(id, approved.article);
    const job = await h.publishAndWait(id, 'editor-wp', 'published');
    expect(job.lastError).toBeNull();
    expect(job.state).toBe('done');
    expect(job.result?.remoteId).toBe(String(postId));
    const live = await site.getPost(postId);
    expect(live.status).toBe('publish');
    expect(await site.countPosts({ title: '暴雨袭击武汉：市区多处积水' })).toBe(1);
    expect(await postsOfArticle(site, id)).toHaveLength(1);
    expect((await site.listAllMedia()).filter((m: WpMedia) => String(m.slug).startsWith(marker))).toHaveLength(1);

    // The publish is recorded in the package on top of the job's change, from the revision the hub holds now.
    const published = act(approved.article, approved.history, 'publish', editor);
    const now = await editorHub.currentRevision(id);
    expect(now).toBe(r4.hubRevision);
    const recorded = await editorHub.update(id, { article: published.article, history: published.history, by: editor, baseHubRevision: now as number });
    expect(recorded.hubRevision).toBe(5);
    expect((await site.getPost(postId)).status).toBe('publish');
    expect((await editorHub.open(id)).history.map((e) => e.action)).toEqual(['submit', 'request-changes', 'submit', 'approve', 'publish']);
    expect(await editorHub.currentRevision(newArticleId('none'))).toBeNull();

    // Visitors of the published post never see the review package.
    const publicView = await site.request<WpPost>(`/wp/v2/posts/${postId}`, { as: null });
    expect(publicView.status).toBe(200);
    expect(publicView.body.meta).not.toHaveProperty('dateline_review');
    expect(publicView.body.meta).not.toHaveProperty('dateline_hub_revision');
  });

  it('the desk’s pending suggestions reach the reporter unchanged; the post itself shows the text as if rejected', async () => {
    const id = newArticleId('suggest');
    const sent = act({ ...newArticle(id, new Date().toISOString()), headline: 'Council passes budget', body: { type: 'doc', content: [paragraph('The council approved the budget.')] } }, [], 'submit', reporter);
    const first = await reporterHub.submit(sent.article, { by: reporter, to: DESK, history: sent.history, comments: [], baseHubRevision: null });
    const opened = await editorHub.open(id);
    const suggested = act({ ...opened.article, body: SUGGESTED_BODY, revision: opened.article.revision + 1 }, opened.history, 'request-changes', editor, 'See my suggestions.');
    await editorHub.update(id, { article: suggested.article, history: suggested.history, comments: [], by: editor, baseHubRevision: first.hubRevision });
    const back = await reporterHub.open(id);
    expect(back.article.body).toEqual(SUGGESTED_BODY);
    const [post] = await postsOfArticle(site, id);
    const content = (await site.getPost(post?.id as number)).content.raw;
    expect(content).toContain('The council approved the <strong>budget</strong>.');
    expect(content).toContain('市议会周二通过预算。');
    expect(content).not.toMatch(/suggestion|narrowly|昨天|Sam Editor/);
  });

  it('a contributor reads no review package of a post it may not edit; the owner and the editor do', async () => {
    const author: Actor = { name: 'Arthur Author', role: 'reporter' };
    const story = (prefix: string, headline: string, by: Actor) => {
      const id = newArticleId(prefix);
      return act({ ...newArticle(id, new Date().toISOString()), headline, body: { type: 'doc', content: [paragraph(`${headline}: the editor’s notes are private.`)] } }, [], 'submit', by);
    };
    // Another author's story, sent for review and then published by that author.
    const authorHub = hubFor(site, site.users.author, await newLibrary(dir, 'author-own'));
    const theirs = story('theirs', 'Author’s own story', author);
    await authorHub.submit(theirs.article, { by: author, to: DESK, history: theirs.history, comments: comment([], author, 'Private note to the desk'), baseHubRevision: null });
    const [theirPost] = await postsOfArticle(site, theirs.article.id);
    expect((await site.request(`/wp/v2/posts/${theirPost?.id}`, { as: 'author', json: { status: 'publish' } })).status).toBe(200);
    // The contributor's own story, published by the editor (a contributor may not edit a published post).
    const mine = story('mine', 'Contributor’s published story', reporter);
    await reporterHub.submit(mine.article, { by: reporter, to: DESK, history: mine.history, comments: [], baseHubRevision: null });
    const [minePost] = await postsOfArticle(site, mine.article.id);
    expect((await site.request(`/wp/v2/posts/${minePost?.id}`, { as: 'editor', json: { status: 'publish' } })).status).toBe(200);
    // And one still pending, which the contributor may edit.
    const pendingStory = story('pend', 'Contributor’s pending story', reporter);
    await reporterHub.submit(pendingStory.article, { by: reporter, to: DESK, history: pendingStory.history, comments: [], baseHubRevision: null });
    const [pendingPost] = await postsOfArticle(site, pendingStory.article.id);

    // WordPress 6.1 leaves posts a person may not edit out of edit-context listings; older versions
    // (the plugin supports 5.6+) and plugins that list posts did not. A route that lists the way they
    // did shows what the companion plugin itself hides.
    await writeFile(join(site.docroot, 'wp-content', 'mu-plugins', 'dateline-test-edit-listing.php'), EDIT_LISTING_PLUGIN);
    const seenBy = async (as: 'contributor' | 'author' | 'editor', postId: number | undefined) => {
      const reply = await site.request<WpPost[]>('/dateline-test/v1/posts', { as, query: { include: String(postId) } });
      expect(reply.status).toBe(200);
      expect(reply.body.map((p) => p.id)).toEqual([postId]);
      return reply.body[0]?.meta ?? {};
    };
    for (const postId of [theirPost?.id, minePost?.id]) {
      const seen = await seenBy('contributor', postId);
      expect(seen).not.toHaveProperty('dateline_review');
      expect(seen).not.toHaveProperty('dateline_hub_revision');
      expect(seen.dateline_document).toBeTruthy();
      expect(String((await seenBy('editor', postId)).dateline_review).length).toBeGreaterThan(100);
      // Nor through WordPress's own listing.
      const core = await site.request<WpPost[]>('/wp/v2/posts', { as: 'contributor', query: { context: 'edit', include: String(postId), status: 'publish', dateline_review: 'with' } });
      expect(core.body.every((p) => !('dateline_review' in (p.meta ?? {})))).toBe(true);
    }
    expect(String((await seenBy('author', theirPost?.id)).dateline_review).length).toBeGreaterThan(100);
    const own = await seenBy('contributor', pendingPost?.id);
    expect(String(own.dateline_review).length).toBeGreaterThan(100);
    expect(own.dateline_hub_revision).toBe(1);
    // Through the hub too: the editor opens the author's story with its note; the contributor's queue never shows it.
    expect((await editorHub.open(theirs.article.id)).comments.map((c) => c.body)).toEqual(['Private note to the desk']);
    expect((await reporterHub.list()).entries.map((e) => e.articleId)).not.toContain(theirs.article.id);
  });

  it('a photo someone planted under Dateline’s marker slug is not reused: the plugin stores the real one', async () => {
    const real = makePng(660, 410, (x, y) => (x * 3 + y * 5) % 256);
    const mediaId = `${sha256(real)}.png`;
    const marker = `dateline-${mediaId.slice(0, 16)}`;
    const planted = await plantMedia(site, marker, makePng(660, 410));
    const photo = await reporterMedia.import('planted.png', real);
    expect(photo.id).toBe(mediaId);
    const id = newArticleId('plant');
    const start = act(
      { ...newArticle(id, new Date().toISOString()), headline: 'Real harbour', body: { type: 'doc', content: [{ type: 'figure', attrs: { mediaId, alt: 'Harbour', credit: '', lead: false }, content: [] }] } },
      [],
      'submit',
      reporter,
    );
    await reporterHub.submit(start.article, { by: reporter, to: DESK, history: start.history, comments: [], baseHubRevision: null });
    const copies = (await site.listAllMedia()).filter((m) => String(m.slug).startsWith(marker));
    expect(copies).toHaveLength(2);
    expect(copies.map((m) => m.id)).toContain(planted.id);
    const media = await newLibrary(dir, `plant-check-${id}`);
    const opened = await hubFor(site, site.users.editor, media).open(id);
    expect(opened.article.body.content?.[0]?.attrs?.mediaId).toBe(mediaId);
    expect(await media.read(mediaId)).toEqual(real);
    // A second submission of the same photo finds the real copy (by its hash), not a third one.
    const again = act({ ...newArticle(newArticleId('plant2'), new Date().toISOString()), headline: 'Same photo', body: start.article.body }, [], 'submit', reporter);
    await hubFor(site, site.users.contributor, reporterMedia).submit(again.article, { by: reporter, to: DESK, history: again.history, comments: [], baseHubRevision: null });
    expect((await site.listAllMedia()).filter((m) => String(m.slug).startsWith(marker))).toHaveLength(2);
  });

  it('two editors saving from the same revision: exactly one wins, the other is told it is a conflict', async () => {
    const id = newArticleId('race');
    const start = act({ ...newArticle(id, new Date().toISOString()), headline: 'Council votes on budget', body: { type: 'doc', content: [paragraph('The council met.')] } }, [], 'submit', reporter);
    await reporterHub.submit(start.article, { by: reporter, to: DESK, history: start.history, comments: [], baseHubRevision: null });
    // A second editor's machine (the Author role may not see other people's pending posts; an administrator may).
    const secondMachine = hubFor(site, site.users.admin, await newLibrary(dir, `admin-${id}`));
    const [a, b] = await Promise.all([editorHub.open(id), secondMachine.open(id)]);
    expect(a.hubRevision).toBe(b.hubRevision);
    const results = await Promise.allSettled([
      editorHub.update(id, { comments: comment(a.comments, editor, 'First editor’s note'), by: editor, baseHubRevision: a.hubRevision }),
      secondMachine.update(id, { comments: comment(b.comments, otherEditor, 'Second editor’s note'), by: otherEditor, baseHubRevision: b.hubRevision }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(isAppError(lost[0]?.reason) && lost[0]?.reason.code).toBe('conflict');
    expect(String(lost[0]?.reason.message)).toContain('Someone else changed “Council votes on budget” in WordPress since you opened it');

    // Exactly the winner's note is there; the loser reopens and saves on top.
    const after = await editorHub.open(id);
    expect(after.comments).toHaveLength(1);
    const loserHub = results[0]?.status === 'rejected' ? editorHub : secondMachine;
    const retried = await loserHub.update(id, { comments: comment(after.comments, editor, 'Retried note'), by: editor, baseHubRevision: after.hubRevision });
    expect(retried.hubRevision).toBe(after.hubRevision + 1);
    expect((await editorHub.open(id)).comments).toHaveLength(2);

    // A stale resubmission is refused too, and the post is untouched by it.
    const stale = await rejection(reporterHub.submit({ ...start.article, headline: 'Stale' }, { by: reporter, to: DESK, history: start.history, comments: [], baseHubRevision: a.hubRevision }));
    expect(stale.code).toBe('conflict');
    expect((await postsOfArticle(site, id))[0]?.title.raw).toBe('Council votes on budget');
  });

  it('two first submissions of one article at once make one post, not two', async () => {
    const id = newArticleId('twin');
    const start = act({ ...newArticle(id, new Date().toISOString()), headline: 'Twin check', body: { type: 'doc', content: [paragraph('Once.')] } }, [], 'submit', reporter);
    const laptop = hubFor(site, site.users.contributor, reporterMedia);
    const results = await Promise.allSettled([
      reporterHub.submit(start.article, { by: reporter, to: DESK, history: start.history, comments: [], baseHubRevision: null }),
      laptop.submit(start.article, { by: reporter, to: DESK, history: start.history, comments: [], baseHubRevision: null }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(isAppError(failure?.reason) && failure?.reason.code).toBe('conflict');
    expect(await postsOfArticle(site, id)).toHaveLength(1);
  });

  it('a photo replaced in WordPress is refused on opening; an unreadable package is listed as a problem', async () => {
    const photo = await reporterMedia.import('tampered.png', makePng(700, 420, (x, y) => (x * 7 + y) % 256));
    const id = newArticleId('tamp');
    const start = act(
      {
        ...newArticle(id, new Date().toISOString()),
        headline: 'Harbour photo',
        body: { type: 'doc', content: [{ type: 'figure', attrs: { mediaId: photo.id, alt: 'Harbour', credit: 'Desk', lead: false }, content: [] }] },
      },
      [],
      'submit',
      reporter,
    );
    await reporterHub.submit(start.article, { by: reporter, to: DESK, history: start.history, comments: [], baseHubRevision: null });
    const item = (await site.listAllMedia()).find((m) => String(m.slug) === `dateline-${photo.id.slice(0, 16)}`);
    expect(item).toBeDefined();
    await writeFile(join(site.docroot, new URL(item?.source_url as string).pathname), makePng(700, 420));
    const freshEditor = hubFor(site, site.users.editor, await newLibrary(dir, `fresh-${id}`));
    const refused = await rejection(freshEditor.open(id));
    expect(refused.code).toBe('media-corrupt');
    expect(refused.message).toContain('is not the photo 王小明 sent');

    const [post] = await postsOfArticle(site, id);
    await site.php(`update_post_meta(${post?.id}, 'dateline_review', base64_encode('not json'));`);
    const listing = await editorHub.list();
    expect(listing.problems.find((p) => p.articleId === id)?.message).toContain('cannot be read');
    expect(listing.entries.find((e) => e.articleId === id)).toBeUndefined();
    expect(listing.entries.length).toBeGreaterThan(0);
  });

  it('a wrong password, a missing password, a dead address and a site that is not WordPress each say so', async () => {
    const media = await newLibrary(dir, 'errors');
    const wrong = hubFor(site, { login: 'editor', appPassword: 'abcd efgh ijkl mnop qrst uvwx' }, media);
    const auth = await rejection(wrong.list());
    expect(auth.code).toBe('remote-auth');
    expect(auth.message).toContain('WordPress refused the application password for editor');

    const none = new WordPressHub({ targetId: 'x', siteUrl: site.url, username: 'editor', password: null, targetLabel: 'Newsroom WordPress', media });
    const missing = await rejection(none.list());
    expect(missing.code).toBe('remote-auth');
    expect(missing.message).toContain('No application password is saved for editor on Newsroom WordPress');

    const port = await findFreePort();
    const dead = new WordPressHub({ targetId: 'x', siteUrl: `http://127.0.0.1:${port}/`, username: 'editor', password: site.users.editor.appPassword, targetLabel: 'Newsroom WordPress', media, timeoutMs: 5_000 });
    const unreachable = await rejection(dead.open('abcdefghij12'));
    expect(unreachable.code).toBe('remote-unreachable');

    const server: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>Shop</title><p>Not a blog</p>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const shop = new WordPressHub({ targetId: 'x', siteUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, username: 'editor', password: 'abcd efgh', targetLabel: 'Newsroom WordPress', media });
      const notWp = await rejection(shop.list());
      expect(notWp.code).toBe('remote-not-wordpress');
      expect(notWp.message).toContain('No WordPress site answers at');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('the companion plugin logged no PHP warning or error through all of the above', async () => {
    const log = await readFile(site.phpErrorLog, 'utf8').catch(() => '');
    expect(log.split('\n').filter((line) => line.includes('dateline-companion'))).toEqual([]);
  });
});

describe('the WordPress review hub without the companion plugin (plain permalinks)', () => {
  let site: WordPressSite;
  let dir: string;
  let h: Harness;
  let pending: PendingRemoteStore;
  const offered: [string, string][] = [];

  beforeAll(async () => {
    site = await startWordPress({ prettyPermalinks: false, companionPlugin: false });
    dir = await mkdtemp(join(tmpdir(), 'dateline-wp-hub-plain-'));
    h = await startHarness();
    await h.addWordPress('plain-wp', site.url, site.users.editor);
    const probe = await h.photo(79_998);
    pending = new PendingRemoteStore(dirname(dirname((await h.media.path(probe)) as string)));
  }, 240_000);

  afterAll(async () => {
    await h?.close();
    await site?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  const hub = async (user: WordPressUser, name: string, offer = false) =>
    hubFor(site, user, await newLibrary(dir, name), offer ? { offerPost: async (articleId, postId) => void offered.push([articleId, postId]) } : {});

  it('a post written in WordPress as block HTML is listed and opened as an article, its photo downloaded', async () => {
    const bytes = makePng(900, 600, (x, y) => (x ^ y) & 0xff);
    const upload = await site.request<WpMedia>('/wp/v2/media', {
      as: 'author',
      body: bytes,
      headers: { 'content-type': 'image/png', 'content-disposition': 'attachment; filename="flood-map.png"' },
    });
    expect(upload.status).toBe(201);
    const image = upload.body;
    // WordPress shows an author's name to colleagues once the author has published something.
    expect((await site.request('/wp/v2/posts', { as: 'author', json: { title: 'Earlier story', content: 'Published before.', status: 'publish' } })).status).toBe(201);
    const content = [
      '<!-- wp:paragraph -->',
      '<p>The river rose <strong>two metres</strong> overnight, <a href="https://example.com/river">the agency said</a>.</p>',
      '<!-- /wp:paragraph -->',
      '',
      '<!-- wp:heading -->',
      '<h2 class="wp-block-heading">What we know</h2>',
      '<!-- /wp:heading -->',
      '',
      '<!-- wp:list -->',
      '<ul><!-- wp:list-item --><li>Schools are closed</li><!-- /wp:list-item --><!-- wp:list-item --><li>Trains run late</li><!-- /wp:list-item --></ul>',
      '<!-- /wp:list -->',
      '',
      '<!-- wp:quote -->',
      '<blockquote class="wp-block-quote"><!-- wp:paragraph --><p>We were ready.</p><!-- /wp:paragraph --></blockquote>',
      '<!-- /wp:quote -->',
      '',
      `<!-- wp:image {"id":${image.id},"sizeSlug":"full"} -->`,
      `<figure class="wp-block-image size-full"><img src="${image.source_url}" alt="Map of the flood" class="wp-image-${image.id}"/><figcaption class="wp-element-caption">Flooded districts</figcaption></figure>`,
      '<!-- /wp:image -->',
    ].join('\n');
    const created = await site.request<WpPost>('/wp/v2/posts', {
      as: 'author',
      json: { title: 'River floods the old town', excerpt: 'Water rose overnight.', content, status: 'pending', featured_media: image.id },
    });
    expect(created.status).toBe(201);
    const postId = created.body.id;

    const editorHub = await hub(site.users.editor, 'editor-plain', true);
    const listing = await editorHub.list();
    const entry = listing.entries.find((e) => e.headline === 'River floods the old town');
    expect(entry).toBeDefined();
    expect(entry?.articleId).toMatch(/^wp[0-9a-f]{8}p\d+$/);
    expect(entry?.status).toBe('submitted');
    expect(entry?.submittedBy.name).toBe('Arthur Author');
    expect(entry?.words).toBeGreaterThan(10);

    const opened = await editorHub.open(entry?.articleId as string);
    expect(opened.article.headline).toBe('River floods the old town');
    expect(opened.article.summary).toBe('Water rose overnight.');
    const types = (opened.article.body.content ?? []).map((n) => n.type);
    expect(types).toEqual(['paragraph', 'heading', 'bulletList', 'blockquote', 'figure']);
    const first = opened.article.body.content?.[0];
    expect(first?.content?.find((n) => n.marks?.some((m) => m.type === 'link'))?.marks).toEqual([{ type: 'link', attrs: { href: 'https://example.com/river' } }]);
    const figure = opened.article.body.content?.[4];
    expect(figure?.attrs).toMatchObject({ alt: 'Map of the flood', lead: true });
    expect(figure?.attrs?.mediaId).toBe(`${sha256(bytes)}.png`);
    expect(figure?.content).toEqual([{ type: 'text', text: 'Flooded districts' }]);
    expect(offered).toContainEqual([entry?.articleId, String(postId)]);
  });

  it('edits from the same revision: the second is a conflict; comments and photos from a contributor need the plugin', async () => {
    const contributorMedia = await newLibrary(dir, 'contrib-plain');
    const contributorHub = hubFor(site, site.users.contributor, contributorMedia);
    const id = newArticleId('plain');
    const start = act({ ...newArticle(id, new Date().toISOString()), headline: 'Bridge reopens', body: { type: 'doc', content: [paragraph('Traffic flows again.')] } }, [], 'submit', reporter);
    const sent = await contributorHub.submit(start.article, { by: reporter, to: DESK, history: start.history, comments: [], baseHubRevision: null });
    const [post] = (await site.listAllPosts()).filter((p) => p.content.raw.includes(`<!-- dateline-article:${id} `));
    expect(post?.status).toBe('pending');

    const a = await hub(site.users.editor, 'plain-a');
    const b = await hub(site.users.admin, 'plain-b');
    // The editor's queue names it by the reporter's article id, found from the marker in its content.
    expect((await a.list()).entries.find((e) => e.articleId === id)).toMatchObject({ headline: 'Bridge reopens', status: 'submitted', hubRevision: sent.hubRevision });
    const [openA, openB] = await Promise.all([a.open(id), b.open(id)]);
    expect(openA.hubRevision).toBe(sent.hubRevision);
    expect(openB.hubRevision).toBe(sent.hubRevision);
    expect(openA.article.id).toBe(id);
    // Without the plugin the hub says up front that it keeps no comments (the panel tells the person).
    expect([sent.keepsComments, openA.keepsComments]).toEqual([false, false]);

    // Both save at the same moment: one wins, the other is told, and WordPress holds the winner's.
    const results = await Promise.allSettled([
      a.update(id, { article: { ...openA.article, headline: 'Bridge reopens after repairs' }, by: editor, baseHubRevision: openA.hubRevision }),
      b.update(id, { article: { ...openB.article, headline: 'Bridge reopens on Monday' }, by: otherEditor, baseHubRevision: openB.hubRevision }),
    ]);
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(lost).toHaveLength(1);
    expect(isAppError(lost[0]?.reason) && lost[0]?.reason.code).toBe('conflict');
    const winner = results[0]?.status === 'fulfilled' ? 'Bridge reopens after repairs' : 'Bridge reopens on Monday';
    expect((await site.getPost(post?.id as number)).title.raw).toBe(winner);

    // One after the other from the same revision: the second is refused before it writes.
    const [again, stale] = await Promise.all([a.open(id), b.open(id)]);
    const savedA = await a.update(id, { article: { ...again.article, headline: 'Bridge reopens after long repairs' }, by: editor, baseHubRevision: again.hubRevision });
    expect(savedA.hubRevision).toBeGreaterThan(again.hubRevision);
    const refused = await rejection(b.update(id, { article: { ...stale.article, headline: 'Bridge reopens next week' }, by: otherEditor, baseHubRevision: stale.hubRevision }));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toContain('Someone else changed “Bridge reopens next week” in WordPress since you opened it');
    expect((await site.getPost(post?.id as number)).title.raw).toBe('Bridge reopens after long repairs');

    const withComment = await rejection(a.update(id, { comments: comment([], editor, 'Check the date'), by: editor, baseHubRevision: savedA.hubRevision }));
    expect(withComment.code).toBe('invalid-input');
    expect(withComment.message).toContain('Dateline Companion plugin is not installed');

    const photo = await contributorMedia.import('bridge.png', makePng(640, 400));
    const id2 = newArticleId('plainph');
    const withPhoto = act(
      { ...newArticle(id2, new Date().toISOString()), headline: 'Bridge photo', body: { type: 'doc', content: [{ type: 'figure', attrs: { mediaId: photo.id, alt: 'Bridge', credit: '', lead: false } }] } },
      [],
      'submit',
      reporter,
    );
    const noUpload = await rejection(contributorHub.submit(withPhoto.article, { by: reporter, to: DESK, history: withPhoto.history, comments: [], baseHubRevision: null }));
    expect(noUpload.code).toBe('remote-forbidden');
    expect(noUpload.message).toContain('may not upload photos');
    expect(noUpload.message).toContain('Dateline Companion plugin');
  });

  it('a photo a post links from another address (here a local server) is never fetched: a note stands in its place', async () => {
    let hits = 0;
    const lan: Server = createServer((_req, res) => {
      hits++;
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.from(makePng(10, 10)));
    });
    await new Promise<void>((resolve) => lan.listen(0, '127.0.0.1', resolve));
    try {
      const address = `http://127.0.0.1:${(lan.address() as AddressInfo).port}/internal/secret.png`;
      const content = [
        '<!-- wp:paragraph --><p>Look at this.</p><!-- /wp:paragraph -->',
        `<!-- wp:image --><figure class="wp-block-image"><img src="${address}" alt="Internal"/></figure><!-- /wp:image -->`,
      ].join('\n');
      const created = await site.request<WpPost>('/wp/v2/posts', { as: 'contributor', json: { title: 'Linked photo', content, status: 'pending' } });
      expect(created.status).toBe(201);
      const editorHub = await hub(site.users.editor, 'plain-ssrf');
      const entry = (await editorHub.list()).entries.find((e) => e.headline === 'Linked photo');
      const opened = await editorHub.open(entry?.articleId as string);
      expect(hits).toBe(0);
      const nodes = opened.article.body.content ?? [];
      expect(nodes.map((n) => n.type)).toEqual(['paragraph', 'paragraph']);
      expect(nodes[1]?.content?.[0]?.text).toContain(`“Internal” is at 127.0.0.1:${(lan.address() as AddressInfo).port}`);
      expect(nodes[1]?.content?.[0]?.text).toContain('Dateline did not download it');
    } finally {
      await new Promise<void>((resolve) => lan.close(() => resolve()));
    }
  });

  it('after the editor’s publishing job, the publish is recorded from the revision currentRevision gives', async () => {
    const contributorHub = hubFor(site, site.users.contributor, await newLibrary(dir, 'contrib-publish'));
    const id = newArticleId('plainpub');
    const base = newArticle(id, new Date().toISOString());
    const draft: Article = {
      ...base,
      headline: 'Library opens a new wing',
      summary: 'The city library opened its new wing.',
      meta: { ...base.meta, slug: `library-wing-${id}`, section: 'Local', tags: ['library'], bylines: [{ name: reporter.name, role: 'Reporter' }] },
      body: { type: 'doc', content: [paragraph('The new wing holds 40,000 books.'), paragraph('It opens daily at nine.')] },
    };
    const first = act(draft, [], 'submit', reporter);
    await contributorHub.submit(first.article, { by: reporter, to: DESK, history: first.history, comments: [], baseHubRevision: null });
    const [post] = (await site.listAllPosts()).filter((p) => p.content.raw.includes(`<!-- dateline-article:${id} `));
    const postId = post?.id as number;

    const editorHub = hubFor(site, site.users.editor, h.media, {
      targetId: 'plain-wp',
      offerPost: (articleId, remoteId) => pending.set('plain-wp', articleId, { remoteId, jobId: 'review-hub', since: new Date().toISOString() }),
    });
    const opened = await editorHub.open(id);
    const approved = act(opened.article, opened.history, 'approve', editor);
    const written = await editorHub.update(id, { article: approved.article, history: approved.history, by: editor, baseHubRevision: opened.hubRevision });
    h.articles.set(id, approved.article);
    const job = await h.publishAndWait(id, 'plain-wp', 'published');
    expect(job.lastError).toBeNull();
    expect(job.state).toBe('done');
    expect(job.result?.remoteId).toBe(String(postId));
    const live = await site.getPost(postId);
    expect(live.status).toBe('publish');
    // The job wrote its own content: Dateline's marker is gone, the modified time moved on.
    expect(live.content.raw).not.toContain('dateline-article:');

    const published = act(approved.article, approved.history, 'publish', editor);
    const stale = await rejection(editorHub.update(id, { article: published.article, history: published.history, by: editor, baseHubRevision: written.hubRevision }));
    expect(stale.code).toBe('conflict');
    const now = await editorHub.currentRevision(id);
    expect(now).not.toBeNull();
    expect(now).not.toBe(written.hubRevision);
    const recorded = await editorHub.update(id, { article: published.article, history: published.history, by: editor, baseHubRevision: now as number });
    expect(recorded.hubRevision).toBe(now);
    expect((await site.getPost(postId)).content.raw).toBe(live.content.raw);
    expect(await editorHub.currentRevision(newArticleId('none'))).toBeNull();

    // After a restart the in-memory memory of the post is gone; the publication record finds it again.
    const restarted = hubFor(site, site.users.editor, h.media, { targetId: 'plain-wp' });
    expect(await restarted.currentRevision(id)).toBeNull();
    const withRecord = hubFor(site, site.users.editor, h.media, { targetId: 'plain-wp', knownPostId: async (articleId) => (articleId === id ? String(postId) : null) });
    expect(await withRecord.currentRevision(id)).toBe(now);
  });
});
