// Runs in: the benchmark script (Node). The tests' Chromium started by hand with a DevTools port and
// driven over a bare CDP connection (cdp-connection.ts), for measurements that DevTools itself must
// not disturb: Playwright enables the Network domain on every page, and its agent keeps the body of
// every request the page sends (each autosave) in the page's renderer.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { chromiumExecutablePath } from '../support/chromium-executable';
import { waitUntil } from '../support/wait-until';
import { BENCH_VIEWPORT } from './bench-browser';
import { connectCdp, type CdpConnection, type CdpSession } from './cdp-connection';
import type { ProcessInfo } from './renderer-pid';

const START_TIMEOUT_MS = 60_000;

export interface PlainPage {
  cdp: CdpSession;
  /** Evaluates an expression in the page (awaiting a promise) and returns its value. */
  evaluate<T = unknown>(expression: string): Promise<T>;
  /** Navigates and waits until the document has loaded. */
  goto(url: string): Promise<void>;
  /** Presses and releases one key: a letter, 'Space' or 'Enter'. */
  press(key: string): Promise<void>;
}

export interface PlainChromium {
  connection: CdpConnection;
  processes(): Promise<ProcessInfo[]>;
  newPage(): Promise<PlainPage>;
  close(): Promise<void>;
}

/** What Input.dispatchKeyEvent needs for the keys the soak types. */
export function keyEvent(key: string): { key: string; code: string; text: string; windowsVirtualKeyCode: number } {
  if (key === 'Enter') return { key: 'Enter', code: 'Enter', text: '\r', windowsVirtualKeyCode: 13 };
  if (key === 'Space') return { key: ' ', code: 'Space', text: ' ', windowsVirtualKeyCode: 32 };
  if (!/^[a-z]$/.test(key)) throw new Error(`no key event for ${JSON.stringify(key)}`);
  return { key, code: `Key${key.toUpperCase()}`, text: key, windowsVirtualKeyCode: key.toUpperCase().charCodeAt(0) };
}

function plainPage(cdp: CdpSession): PlainPage {
  const evaluate = async <T>(expression: string): Promise<T> => {
    const { result, exceptionDetails } = await cdp.send<{ result: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } }>('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  };
  return {
    cdp,
    evaluate,
    goto: async (url) => {
      await cdp.send('Page.navigate', { url });
      await waitUntil(async () => (await evaluate<string>('location.href')) !== 'about:blank' && (await evaluate<string>('document.readyState')) === 'complete', `${url} to load`, START_TIMEOUT_MS);
    },
    press: async (key) => {
      const event = keyEvent(key);
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...event, unmodifiedText: event.text });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: event.key, code: event.code, windowsVirtualKeyCode: event.windowsVirtualKeyCode });
    },
  };
}

export async function launchPlainChromium(): Promise<PlainChromium> {
  const executable = chromiumExecutablePath();
  if (!executable) throw new Error('no Chromium to run: set DATELINE_CHROMIUM or install Debian\'s chromium');
  const userDataDir = await mkdtemp(join(tmpdir(), 'dateline-plain-chromium-'));
  const child: ChildProcess = spawn(
    executable,
    [
      ...CHROMIUM_ARGS,
      '--headless',
      '--no-sandbox',
      '--remote-debugging-port=0',
      `--user-data-dir=${userDataDir}`,
      `--window-size=${BENCH_VIEWPORT.width},${BENCH_VIEWPORT.height}`,
      '--lang=en-US',
      '--hide-scrollbars',
      '--mute-audio',
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  let endpoint = '';
  try {
    await waitUntil(
      async () => {
        const lines = (await readFile(join(userDataDir, 'DevToolsActivePort'), 'utf8').catch(() => '')).split('\n');
        if (lines.length < 2 || !lines[1]) return false;
        endpoint = `ws://127.0.0.1:${lines[0]}${lines[1]}`;
        return true;
      },
      'Chromium to open its DevTools port',
      START_TIMEOUT_MS,
    );
  } catch (error) {
    child.kill();
    throw error;
  }
  const connection = await connectCdp(endpoint);
  // The start-up tab would be one more renderer beside the pages the bench opens: it is closed once the
  // first page is open (closing the last tab first would close the browser's only window).
  const { targetInfos } = await connection.send<{ targetInfos: { targetId: string; type: string }[] }>('Target.getTargets');
  let startupTabs = targetInfos.filter((target) => target.type === 'page').map((target) => target.targetId);
  return {
    connection,
    processes: async () => (await connection.send<{ processInfo: ProcessInfo[] }>('SystemInfo.getProcessInfo')).processInfo,
    newPage: async () => {
      const { targetId } = await connection.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank', newWindow: false });
      for (const startup of startupTabs) await connection.send('Target.closeTarget', { targetId: startup });
      startupTabs = [];
      const { sessionId } = await connection.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
      const cdp = connection.session(sessionId);
      await cdp.send('Emulation.setDeviceMetricsOverride', { ...BENCH_VIEWPORT, deviceScaleFactor: 1, mobile: false });
      await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true });
      await cdp.send('Page.bringToFront');
      return plainPage(cdp);
    },
    close: async () => {
      await connection.send('Browser.close').catch(() => undefined);
      connection.close();
      const exited = child.exitCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await Promise.race([exited, waitUntil(() => child.exitCode !== null, 'Chromium to exit', 10_000).catch(() => child.kill('SIGKILL'))]);
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
