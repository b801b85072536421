// Runs in: services. The short-lived token Ghost's Admin API takes instead of a password: a JWT
// (HS256) signed with the hex-decoded secret half of the `id:secret` Admin API key, with the key id
// as `kid`, audience `/admin/` and an expiry Ghost accepts (at most five minutes ahead).
import { createHmac } from 'node:crypto';
import { ghostAdminKeySchema } from '../../../../common/publish/publish-target-config';

/** Ghost refuses tokens that live longer than five minutes; stay inside that. */
export const TOKEN_LIFETIME_SECONDS = 4 * 60;

export interface GhostAdminKey {
  id: string;
  secret: string;
}

/** The key's two halves, or null when it is not shaped like a Ghost Admin API key. */
export function parseGhostAdminKey(key: string): GhostAdminKey | null {
  const parsed = ghostAdminKeySchema.safeParse(key);
  if (!parsed.success) return null;
  const [id = '', secret = ''] = parsed.data.split(':');
  return { id, secret };
}

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

export function ghostAdminToken(key: GhostAdminKey, nowMs: number = Date.now()): string {
  const iat = Math.floor(nowMs / 1000);
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: key.id }));
  const payload = base64url(JSON.stringify({ iat, exp: iat + TOKEN_LIFETIME_SECONDS, aud: '/admin/' }));
  const signature = createHmac('sha256', Buffer.from(key.secret, 'hex')).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}
