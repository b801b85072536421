// Runs in: vitest (Node). The renderer's Content-Security-Policy: WebSockets reach the configured newsroom server only.
import { describe, expect, it } from 'vitest';
import { staticFileHeaders } from './response-headers';

function directives(policy: string | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (policy ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) {
      expect(map.has(name), `directive ${name} appears twice`).toBe(false);
      map.set(name, sources);
    }
  }
  return map;
}

const STRICT = new Map([
  ['default-src', ["'none'"]],
  ['script-src', ["'self'"]],
  ['style-src', ["'self'", "'unsafe-inline'"]],
  ['img-src', ["'self'", 'data:', 'blob:']],
  ['font-src', ["'self'"]],
  ['connect-src', ["'self'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  ['frame-ancestors', ["'none'"]],
  ['object-src', ["'none'"]],
]);

describe('the renderer page policy', () => {
  it("lets nothing but 'self' connect when no newsroom server is configured", () => {
    expect(directives(staticFileHeaders('/app/index.html')['Content-Security-Policy'])).toEqual(STRICT);
    expect(directives(staticFileHeaders('/app/index.html', null)['Content-Security-Policy'])).toEqual(STRICT);
  });

  it('adds the ws: origin of an http server and the wss: origin of an https server, nothing else', () => {
    const plain = directives(staticFileHeaders('/app/index.html', 'http://127.0.0.1:4455')['Content-Security-Policy']);
    expect(plain).toEqual(new Map([...STRICT, ['connect-src', ["'self'", 'ws://127.0.0.1:4455']]]));
    const secure = directives(staticFileHeaders('/app/index.html', 'https://newsroom.example.org:4455/')['Content-Security-Policy']);
    expect(secure).toEqual(new Map([...STRICT, ['connect-src', ["'self'", 'wss://newsroom.example.org:4455']]]));
  });

  it('keeps the strict policy for an address that would inject sources or directives', () => {
    for (const address of ["https://evil.example;script-src 'unsafe-inline'", 'https://evil.example; connect-src *', "https://a'unsafe-eval'.example", 'not an address', 'https://*.example.org']) {
      expect(directives(staticFileHeaders('/app/index.html', address)['Content-Security-Policy']), address).toEqual(STRICT);
    }
  });

  it('puts no policy on scripts and styles', () => {
    expect(staticFileHeaders('/app/assets/app.js', 'https://newsroom.example.org')['Content-Security-Policy']).toBeUndefined();
  });
});
