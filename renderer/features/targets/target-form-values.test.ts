// An editor sets up the newsroom's WordPress: an http:// address on the network is refused with
// its own reason (the application password would travel unencrypted); https works.
import { describe, expect, it } from 'vitest';
import { parseTargetForm, emptyFormValues } from './target-form-values';

describe('parseTargetForm', () => {
  const wordpress = (siteUrl: string) => ({ ...emptyFormValues('wordpress'), name: 'Newsroom', siteUrl, username: 'ana', secret: 'abcd efgh ijkl mnop' });

  it('refuses a WordPress site over plain http on the network, saying why', () => {
    const result = parseTargetForm(wordpress('http://news.example.com'), false);
    expect(result).toMatchObject({ ok: false, errors: { siteUrl: 'targets.error.insecureUrl' } });
  });

  it('accepts https, and http only for a site on this computer', () => {
    expect(parseTargetForm(wordpress('https://news.example.com'), false).ok).toBe(true);
    expect(parseTargetForm(wordpress('http://127.0.0.1:8080'), false).ok).toBe(true);
  });
});

// An editor adds the newsroom's Ghost: the site address and the Admin API key, checked before saving.
describe('parseTargetForm for Ghost', () => {
  const key = `${'6b15f294c061255615f03f5b'}:${'c6'.repeat(32)}`;
  const ghost = (siteUrl: string, secret: string) => ({ ...emptyFormValues('ghost'), name: 'Ghost', siteUrl, secret });

  it('keeps the address in the config and the Admin API key apart, for the SecretStore', () => {
    const result = parseTargetForm(ghost('https://news.example.com', key), false);
    expect(result).toMatchObject({ ok: true, secret: key, config: { kind: 'ghost', siteUrl: 'https://news.example.com' } });
    expect(JSON.stringify(result.ok ? result.config : null)).not.toContain(key);
  });

  it('refuses a key that is not id:secret, and a missing key, each with its own message', () => {
    expect(parseTargetForm(ghost('https://news.example.com', 'c6'.repeat(32)), false)).toMatchObject({ ok: false, errors: { secret: 'targets.error.ghostAdminKey' } });
    expect(parseTargetForm(ghost('https://news.example.com', ''), false)).toMatchObject({ ok: false, errors: { secret: 'targets.error.secret' } });
    expect(parseTargetForm(ghost('https://news.example.com', ''), true).ok).toBe(true);
  });

  it('refuses plain http on the network, since the key would travel unencrypted', () => {
    expect(parseTargetForm(ghost('http://news.example.com', key), false)).toMatchObject({ ok: false, errors: { siteUrl: 'targets.error.insecureUrl' } });
    expect(parseTargetForm(ghost('http://127.0.0.1:2368', key), false).ok).toBe(true);
  });
});
