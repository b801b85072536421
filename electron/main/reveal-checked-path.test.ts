// Runs in: vitest (node). Main reveals only what the services accepted, and only for `app.reveal`.
import { describe, expect, it } from 'vitest';
import { revealCheckedPath } from './reveal-checked-path';

describe('revealCheckedPath', () => {
  it('reveals the path the services checked; a refusal or another operation reveals nothing', () => {
    const revealed: string[] = [];
    const reveal = (path: string): void => void revealed.push(path);
    const accepted = revealCheckedPath('app.reveal', { ok: true, value: { path: '/exports/fire/index.html', revealed: false } }, reveal);
    expect(accepted).toEqual({ ok: true, value: { path: '/exports/fire/index.html', revealed: true } });
    const refused = { ok: false as const, error: { code: 'invalid-input' as const, message: 'Only a file Dateline wrote can be shown in its folder' } };
    expect(revealCheckedPath('app.reveal', refused, reveal)).toBe(refused);
    revealCheckedPath('app.info', { ok: true, value: { path: '/etc/passwd' } }, reveal);
    expect(revealed).toEqual(['/exports/fire/index.html']);
  });
});
