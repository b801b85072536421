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
