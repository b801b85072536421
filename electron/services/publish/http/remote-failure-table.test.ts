// Runs in: vitest (node). The failure table row by row: each way a backend can fail, produced the
// way it really arrives (a status, a WordPress error body, an undici error, a body), gets the code
// and the retry-or-give-up verdict written here, through the classifiers every adapter uses.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../common/app-error';
import { ghostHttpError } from '../ghost/ghost-error';
import { wordpressHttpError } from '../../wordpress/wordpress-error';
import { bodyExcerpt } from './body-excerpt';
import { classifyHttpStatus, isRetryableRemoteError } from './classify-http-failure';
import { REMOTE_FAILURE_KINDS, REMOTE_FAILURE_TABLE } from './remote-failure-table';

import { ROWS, ctx, wpCtx, upload, write, wpBody, ghostBody, ghostCtx } from '../../../../tests/support/remote-failure-rows';


describe('the failure table, row by row', () => {
  it('every row of the table is tried here', () => {
    expect(ROWS.map((r) => r.kind).sort()).toEqual([...REMOTE_FAILURE_KINDS].sort());
  });

  it.each(ROWS)('$kind → $code, retry $retry', async (row) => {
    expect(REMOTE_FAILURE_TABLE[row.kind]).toMatchObject({ code: row.code, retry: row.retry });
    const error = await row.make();
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe(row.code);
    expect(appError.failure.details).toMatchObject({ kind: row.kind });
    expect(isRetryableRemoteError(appError)).toBe(row.retry);
  });
});

describe('Ghost’s error answers', () => {
  it('a wrong key is a credentials failure that says which key and where to get it, with what Ghost said', () => {
    const error = ghostHttpError(401, ghostBody('UnauthorizedError', 'Invalid token: invalid signature', ''), ghostCtx);
    expect(error.code).toBe('remote-auth');
    expect(error.message).toContain('refused the Admin API key');
    expect(error.message).toContain('Invalid token: invalid signature');
    expect(error.message).toContain('Settings → Integrations');
  });

  it('a 5xx is retried and a 404 names the address', () => {
    expect(isRetryableRemoteError(ghostHttpError(503, ghostBody('InternalServerError', 'Boom', ''), ghostCtx))).toBe(true);
    const missing = ghostHttpError(404, ghostBody('NotFoundError', 'Resource not found error, cannot read post.', 'Post not found.'), ghostCtx);
    expect(missing.code).toBe('remote-not-found');
    expect(missing.message).toContain(ghostCtx.url);
  });

  it('an error type the table knows with an unexpected status goes by the status', () => {
    expect(ghostHttpError(500, ghostBody('UpdateCollisionError', 'odd', ''), ghostCtx).code).toBe('remote-server-error');
  });
});

describe('the upload limits of PHP, as WordPress reports them', () => {
  it('post_max_size: "No Content-Disposition supplied" names the photo and the limit, not a role', () => {
    const error = wordpressHttpError(400, wpBody('rest_upload_no_content_disposition', 'No Content-Disposition supplied.', 400), upload, wpCtx);
    expect(error.message).toContain('The photo "harbour.jpg" is 3 MB, larger than the site accepts in one request');
    expect(error.message).toContain('post_max_size');
    expect(error.message).not.toMatch(/role|capabilit/i);
  });

  it('upload_max_filesize: the HTTP 500 is not retried, and the site is named once', () => {
    const error = wordpressHttpError(500, wpBody('rest_upload_unknown_error', 'The uploaded file exceeds the upload_max_filesize directive in php.ini.', 500), upload, wpCtx);
    expect(error.message).toContain('upload_max_filesize');
    expect(error.message).not.toContain('WordPress at The WordPress site');
    expect(error.message).not.toMatch(/role|capabilit/i);
  });

  it('"no file" on a request that carried no photo is an ordinary invalid request', () => {
    const error = wordpressHttpError(400, wpBody('rest_upload_no_data', 'No data supplied.', 400), write, wpCtx);
    expect(error.code).toBe('invalid-input');
  });

  it('a server error names the site once', () => {
    const error = wordpressHttpError(500, wpBody('db_insert_error', 'Could not insert post into the database.', 500), write, wpCtx);
    expect(error.message).toMatch(/^The WordPress site news\.example\.com failed while trying to create posts/);
  });
});

describe('an HTML error page is never quoted raw', () => {
  const page = '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title><style>body{}</style></head><body><h1>Bad Gateway</h1><script>alert(1)</script></body></html>';

  it('is named as an HTML page with its title', () => {
    expect(bodyExcerpt(page)).toBe('an HTML page ("502 Bad Gateway")');
    const error = classifyHttpStatus(502, { ...ctx, bodySnippet: page });
    expect(error.message).toContain('It answered with an HTML page ("502 Bad Gateway")');
    expect(error.message).not.toMatch(/<|>/);
    expect(JSON.stringify(error.details)).not.toMatch(/<(html|script|head|body)/i);
  });

  it('without a title it is just "an HTML page"', () => {
    expect(bodyExcerpt('<html><body><p>Oops</p></body></html>')).toBe('an HTML page');
  });

  it('in a WordPress error answer that is not JSON (a PHP fatal error page)', () => {
    const error = wordpressHttpError(500, '<html><head><title>WordPress › Error</title></head><body><p>There has been a critical error on this website.</p></body></html>', write, wpCtx);
    expect(error.code).toBe('remote-server-error');
    expect(error.message).not.toMatch(/<|>/);
  });

  it('JSON that quotes markup is quoted as text, not called a page', () => {
    expect(bodyExcerpt('{"error":"<p>bad key</p>"}')).toBe('{"error":"<p>bad key</p>"}');
  });

  it('markup inside a WordPress error message is stripped', () => {
    const error = wordpressHttpError(400, wpBody('rest_invalid_param', '<strong>Error:</strong> bad <a href="x">status</a>', 400), write, wpCtx);
    expect(error.message).toContain('Error: bad status');
    expect(error.message).not.toMatch(/<|>/);
  });
});
