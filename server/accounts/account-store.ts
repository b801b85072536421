// Runs in: the newsroom server. Accounts: a name, a role and a token. Only the token's SHA-256 is
// stored (a token is 32 random bytes, so a plain hash is enough: nothing to brute-force), and the
// token itself is shown once, when the account is made.
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../common/app-error';
import { serverRoleSchema, type ServerRole } from '../../common/collab/story-access';
import { newsroomProfileSchema } from '../../common/workflow/newsroom-profile';
import type { SqlDatabase } from '../db/sql-database';

export interface Account {
  name: string;
  role: ServerRole;
}

const TOKEN_PREFIX = 'dln_';
/** Longer than any token we make; refuses junk before hashing it. */
const MAX_TOKEN_CHARS = 200;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function nameKey(name: string): string {
  return name.trim().normalize('NFKC').toLocaleLowerCase('en');
}

export async function addAccount(db: SqlDatabase, name: string, role: string): Promise<{ account: Account; token: string }> {
  const profile = newsroomProfileSchema.shape.name.safeParse(name);
  if (!profile.success) throw new AppError('invalid-input', 'An account needs a name of 1 to 200 characters.', { kind: 'account-name-invalid' });
  const parsedRole = serverRoleSchema.safeParse(role === 'desk' ? 'editor' : role);
  if (!parsedRole.success) throw new AppError('invalid-input', 'The role must be reporter, editor (or desk) or admin.', { kind: 'account-role-invalid', role: role.slice(0, 50) });
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const rows = await db.query<{ name: string }>(
    'INSERT INTO accounts (name, name_key, role, token_hash) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING name',
    [profile.data, nameKey(profile.data), parsedRole.data, hashToken(token)],
  );
  if (rows.length === 0) throw new AppError('conflict', `There is already an account named ${profile.data}.`, { kind: 'account-name-taken', name: profile.data });
  return { account: { name: profile.data, role: parsedRole.data }, token };
}

export async function listAccounts(db: SqlDatabase): Promise<Account[]> {
  return db.query<Account>('SELECT name, role FROM accounts ORDER BY name_key');
}

export async function removeAccount(db: SqlDatabase, name: string): Promise<boolean> {
  const rows = await db.query<{ name: string }>('DELETE FROM accounts WHERE name_key = $1 RETURNING name', [nameKey(name)]);
  return rows.length > 0;
}

/** The account a token belongs to, or null (no token, a malformed one or an unknown one). */
export async function accountForToken(db: SqlDatabase, token: unknown): Promise<Account | null> {
  if (typeof token !== 'string' || !token.startsWith(TOKEN_PREFIX) || token.length > MAX_TOKEN_CHARS) return null;
  const rows = await db.query<Account>('SELECT name, role FROM accounts WHERE token_hash = $1', [hashToken(token)]);
  return rows[0] ?? null;
}
