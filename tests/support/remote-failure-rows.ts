// Runs in: vitest (node). Every row of the remote failure table, produced the way it really
// arrives (a status, a WordPress error body, an undici error, a body) through the classifiers every
// adapter uses; shared by the table's own test and the test that reads them in Chinese.
import type { AppError, AppErrorCode } from '../../common/app-error';
import { wordpressHttpError } from '../../electron/services/wordpress/wordpress-error';
import { classifyHttpStatus, classifyNetworkError } from '../../electron/services/publish/http/classify-http-failure';
import { ghostHttpError } from '../../electron/services/publish/ghost/ghost-error';
import { BodyTooLargeError } from '../../electron/services/publish/http/read-capped-body';
import type { RemoteFailureKind } from '../../electron/services/publish/http/remote-failure-table';
import { WordPressClient } from '../../electron/services/wordpress/wordpress-client';

const URL_ = 'https://news.example.com/wp-json/wp/v2/media';
const LABEL = 'The WordPress site news.example.com';
export const ctx = { url: URL_, targetLabel: LABEL };
export const wpCtx = { url: URL_, targetLabel: LABEL, username: 'editor', role: 'editor' };
export const upload = { action: 'upload photos', subject: 'the photo "harbour.jpg"', upload: { bytes: 3 * 1_048_576 } };
export const write = { action: 'create posts' };

const withCode = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });
export const ghostBody = (type: string, message: string, context: string) => JSON.stringify({ errors: [{ message, context, type, details: null, property: null, help: null, code: null, id: 'x' }] });
export const ghostCtx = { url: 'http://127.0.0.1:2368/ghost/api/admin/posts/', targetLabel: 'The Ghost site 127.0.0.1:2368', action: 'create the post' };
export const wpBody = (code: string, message: string, status: number) => JSON.stringify({ code, message, data: { status } });

/** Serves one 2xx body through a WordPress client and returns how it failed. */
async function replyFailure(body: string, contentType: string): Promise<unknown> {
  const index = JSON.stringify({ name: 'News', namespaces: ['wp/v2'] });
  const client = new WordPressClient({
    siteUrl: 'https://news.example.com',
    username: 'editor',
    password: 'abcd',
    targetLabel: LABEL,
    fetchImpl: async (url) =>
      url === 'https://news.example.com' ? new Response('', { status: 200 }) : url.endsWith('/wp-json/') ? new Response(index) : new Response(body, { headers: { 'content-type': contentType } }),
  });
  return client.request('GET', 'wp/v2/posts', { purpose: { action: 'read posts' } }).then(
    () => null,
    (error: unknown) => error,
  );
}

export interface Row {
  kind: RemoteFailureKind;
  code: AppErrorCode;
  retry: boolean;
  /** The failure as it arrives. */
  make(): AppError | Promise<unknown>;
}

export const ROWS: Row[] = [
  { kind: 'tls', code: 'remote-tls', retry: false, make: () => classifyNetworkError(withCode('CERT_HAS_EXPIRED'), ctx) },
  { kind: 'timeout', code: 'remote-timeout', retry: true, make: () => classifyNetworkError(withCode('UND_ERR_HEADERS_TIMEOUT'), ctx) },
  { kind: 'not-sent', code: 'remote-unreachable', retry: true, make: () => classifyNetworkError(withCode('ECONNREFUSED'), ctx) },
  { kind: 'connection-broken', code: 'remote-unreachable', retry: true, make: () => classifyNetworkError(withCode('ECONNRESET'), ctx) },
  { kind: 'network-other', code: 'remote-unreachable', retry: true, make: () => classifyNetworkError(new TypeError('fetch failed'), ctx) },
  { kind: 'http-redirect', code: 'remote-bad-response', retry: false, make: () => classifyHttpStatus(302, ctx) },
  { kind: 'http-400', code: 'remote-bad-response', retry: false, make: () => classifyHttpStatus(400, ctx) },
  { kind: 'http-401', code: 'remote-auth', retry: false, make: () => classifyHttpStatus(401, ctx) },
  { kind: 'http-403', code: 'remote-forbidden', retry: false, make: () => classifyHttpStatus(403, ctx) },
  { kind: 'http-404', code: 'remote-not-found', retry: false, make: () => classifyHttpStatus(404, ctx) },
  { kind: 'http-408', code: 'remote-timeout', retry: true, make: () => classifyHttpStatus(408, ctx) },
  { kind: 'http-413', code: 'remote-too-large', retry: false, make: () => classifyHttpStatus(413, ctx) },
  { kind: 'http-429', code: 'remote-server-error', retry: true, make: () => classifyHttpStatus(429, ctx) },
  { kind: 'http-4xx', code: 'remote-bad-response', retry: false, make: () => classifyHttpStatus(418, ctx) },
  { kind: 'http-5xx', code: 'remote-server-error', retry: true, make: () => classifyHttpStatus(502, ctx) },
  { kind: 'http-other', code: 'remote-bad-response', retry: false, make: () => classifyHttpStatus(199, ctx) },
  { kind: 'wp-auth', code: 'remote-auth', retry: false, make: () => wordpressHttpError(400, wpBody('incorrect_password', 'The password is wrong.', 400), write, wpCtx) },
  {
    kind: 'wp-forbidden',
    code: 'remote-forbidden',
    retry: false,
    make: () => wordpressHttpError(403, wpBody('rest_cannot_publish', 'Sorry, you are not allowed to publish posts as this user.', 403), write, wpCtx),
  },
  { kind: 'wp-not-found', code: 'remote-not-found', retry: false, make: () => wordpressHttpError(404, wpBody('rest_post_invalid_id', 'Invalid post ID.', 404), write, wpCtx) },
  { kind: 'wp-invalid-request', code: 'invalid-input', retry: false, make: () => wordpressHttpError(400, wpBody('rest_invalid_param', 'Invalid parameter(s): status', 400), write, wpCtx) },
  {
    kind: 'wp-upload-too-large',
    code: 'remote-too-large',
    retry: false,
    make: () => wordpressHttpError(500, wpBody('rest_upload_unknown_error', 'The uploaded file exceeds the upload_max_filesize directive in php.ini.', 500), upload, wpCtx),
  },
  {
    kind: 'wp-upload-dropped',
    code: 'remote-too-large',
    retry: false,
    make: () => wordpressHttpError(400, wpBody('rest_upload_no_content_disposition', 'No Content-Disposition supplied.', 400), upload, wpCtx),
  },
  { kind: 'wp-upload-no-space', code: 'remote-too-large', retry: false, make: () => wordpressHttpError(400, wpBody('rest_upload_limited_space', 'Not enough space to upload.', 400), upload, wpCtx) },
  { kind: 'wp-server-error', code: 'remote-server-error', retry: true, make: () => wordpressHttpError(500, wpBody('db_insert_error', 'Could not insert post into the database.', 500), write, wpCtx) },
  {
    kind: 'ghost-invalid-request',
    code: 'invalid-input',
    retry: false,
    make: () => ghostHttpError(422, ghostBody('ValidationError', 'Validation error, cannot save post.', 'Validation failed for custom_excerpt.'), ghostCtx),
  },
  {
    kind: 'ghost-update-collision',
    code: 'remote-conflict',
    retry: false,
    make: () => ghostHttpError(409, ghostBody('UpdateCollisionError', 'Saving failed! Someone else is editing this post.', 'Saving failed! Someone else is editing this post.'), ghostCtx),
  },
  { kind: 'bad-json', code: 'remote-bad-response', retry: false, make: () => replyFailure('{"id": 12, "title": ', 'application/json') },
  { kind: 'html-instead-of-json', code: 'remote-bad-response', retry: false, make: () => replyFailure('<!DOCTYPE html><html><head><title>Log in</title></head><body>…</body></html>', 'text/html') },
  { kind: 'body-too-large', code: 'remote-too-large', retry: false, make: () => classifyNetworkError(new BodyTooLargeError(10 * 1_048_576, 400 * 1_048_576, 0), ctx) },
];
