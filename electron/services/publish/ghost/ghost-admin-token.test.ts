// Runs in: vitest (node). The Admin API token is a JWT Ghost can verify: HS256 over the header and
// payload with the hex-decoded secret, the key id as kid, audience /admin/, at most five minutes.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ghostAdminToken, parseGhostAdminKey } from './ghost-admin-token';

const KEY = `${'a1'.repeat(12)}:${'0f'.repeat(32)}`;

function decode(part: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('the Ghost Admin API token', () => {
  it('is signed with the hex-decoded secret and names the key, the audience and a short expiry', () => {
    const key = parseGhostAdminKey(KEY);
    if (!key) throw new Error('the key should parse');
    const now = Date.UTC(2026, 11, 6, 12, 0, 0);
    const [header = '', payload = '', signature = ''] = ghostAdminToken(key, now).split('.');
    expect(decode(header)).toEqual({ alg: 'HS256', typ: 'JWT', kid: 'a1'.repeat(12) });
    const claims = decode(payload);
    expect(claims.aud).toBe('/admin/');
    expect(claims.iat).toBe(now / 1000);
    expect(Number(claims.exp) - Number(claims.iat)).toBeLessThanOrEqual(300);
    expect(Number(claims.exp)).toBeGreaterThan(Number(claims.iat));
    const expected = createHmac('sha256', Buffer.from('0f'.repeat(32), 'hex')).update(`${header}.${payload}`).digest('base64url');
    expect(signature).toBe(expected);
  });

  it('refuses keys that are not id:secret in hex', () => {
    for (const bad of ['', 'abc', `${'a1'.repeat(12)}${'0f'.repeat(32)}`, `${'a1'.repeat(12)}:${'zz'.repeat(32)}`, `${'a1'.repeat(11)}:${'0f'.repeat(32)}`]) {
      expect([bad, parseGhostAdminKey(bad)]).toEqual([bad, null]);
    }
  });
});
