// Runs in: vitest (Node). Neither transport serves a file from outside the built app, however the path is encoded.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from '../../electron/transport/static-path';

const ROOT = '/srv/dateline/renderer';

describe('resolveStaticPath', () => {
  it('maps app paths inside the root', () => {
    expect(resolveStaticPath(ROOT, '/')).toBe(join(ROOT, 'index.html'));
    expect(resolveStaticPath(ROOT, '/assets/index-abc123.js')).toBe(join(ROOT, 'assets', 'index-abc123.js'));
    expect(resolveStaticPath(ROOT, '/assets/%E6%96%B0%E9%97%BB.png')).toBe(join(ROOT, 'assets', '新闻.png'));
  });

  it.each(['/../secret', '/..%2f..%2fetc/passwd', '/%2e%2e/secret', '/assets/%2E%2E/%2e%2e/x', '/..%5cwin.ini', '/a%00b', '/%zz', '/.env', '/C:%5cwindows'])(
    'refuses %s',
    (path) => {
      expect(resolveStaticPath(ROOT, path)).toBeNull();
    },
  );
});
