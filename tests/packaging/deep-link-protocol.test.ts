// Runs in: vitest (Node). The installers register the scheme the app's deep links use, so the OS
// routes dateline://… to Dateline; the runtime registration claims the same scheme.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { APP_PROTOCOL } from '../../common/bridge';
import { articleDeepLink, DEEP_LINK_SCHEME, parseDeepLink, reviewDeepLink } from '../../common/desktop/deep-link';

const ROOT = join(__dirname, '..', '..');
const YML = join(ROOT, 'electron-builder.yml');

interface ProtocolEntry {
  name?: unknown;
  schemes?: unknown;
}

function declaredSchemes(): string[] {
  const raw = load(readFileSync(YML, 'utf8')) as { protocols?: ProtocolEntry | ProtocolEntry[] };
  const entries = raw.protocols === undefined ? [] : Array.isArray(raw.protocols) ? raw.protocols : [raw.protocols];
  return entries.flatMap((entry) => (Array.isArray(entry.schemes) ? entry.schemes.map(String) : []));
}

describe('the dateline: protocol in electron-builder.yml', () => {
  it('declares exactly the scheme the deep links are built and parsed with', () => {
    expect(declaredSchemes()).toEqual([DEEP_LINK_SCHEME]);
    const id = '0b9e5a527c1e4a7e9d7e';
    for (const link of [articleDeepLink(id), reviewDeepLink('folder', id)]) {
      expect(link.startsWith(`${declaredSchemes()[0]}://`)).toBe(true);
      expect(parseDeepLink(link)).not.toBeNull();
    }
  });

  it('is the scheme the app claims at run time (setAsDefaultProtocolClient)', () => {
    expect(APP_PROTOCOL).toBe(DEEP_LINK_SCHEME);
  });

  it('names the protocol and passes electron-builder schema validation', async () => {
    const config = await getConfig(ROOT, YML, null);
    const protocols = Array.isArray(config.protocols) ? config.protocols : [config.protocols];
    expect(protocols).toEqual([{ name: 'Dateline link', schemes: [DEEP_LINK_SCHEME] }]);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });
});
