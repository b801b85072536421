// Runs in: vitest (node). Which Chromium the tests drive, on any machine.
import { describe, expect, it } from 'vitest';
import { chooseChromium, DEBIAN_CHROMIUM } from '../support/chromium-executable';

const PLAYWRIGHT = '/home/dev/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';
const on = (...present: string[]) => (path: string) => present.includes(path);

describe('choosing the tests’ Chromium', () => {
  it('takes Playwright’s own Chromium where it is installed, even beside Debian’s', () => {
    expect(chooseChromium({ explicit: undefined, playwrightPath: PLAYWRIGHT, exists: on(PLAYWRIGHT, DEBIAN_CHROMIUM) })).toEqual({ found: true, path: PLAYWRIGHT, source: 'playwright' });
  });

  it('falls back to Debian’s Chromium where Playwright’s was never downloaded', () => {
    expect(chooseChromium({ explicit: undefined, playwrightPath: PLAYWRIGHT, exists: on(DEBIAN_CHROMIUM) })).toEqual({ found: true, path: DEBIAN_CHROMIUM, source: 'debian' });
    expect(chooseChromium({ explicit: '', playwrightPath: null, exists: on(DEBIAN_CHROMIUM) })).toEqual({ found: true, path: DEBIAN_CHROMIUM, source: 'debian' });
  });

  it('lets DATELINE_CHROMIUM choose explicitly, over both', () => {
    const mine = 'C:\\Chromium\\chrome.exe';
    expect(chooseChromium({ explicit: mine, playwrightPath: PLAYWRIGHT, exists: on(mine, PLAYWRIGHT, DEBIAN_CHROMIUM) })).toEqual({ found: true, path: mine, source: 'DATELINE_CHROMIUM' });
  });

  it('reports a DATELINE_CHROMIUM that does not exist instead of quietly using another browser', () => {
    expect(chooseChromium({ explicit: '/opt/nowhere/chrome', playwrightPath: PLAYWRIGHT, exists: on(PLAYWRIGHT, DEBIAN_CHROMIUM) })).toEqual({ found: false, explicit: '/opt/nowhere/chrome', tried: ['/opt/nowhere/chrome'] });
  });

  it('names every place it looked when there is no Chromium at all (macOS, Windows, a bare Debian)', () => {
    expect(chooseChromium({ explicit: undefined, playwrightPath: PLAYWRIGHT, exists: on() })).toEqual({ found: false, explicit: null, tried: [PLAYWRIGHT, DEBIAN_CHROMIUM] });
  });
});
