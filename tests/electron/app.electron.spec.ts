// Runs in: Playwright (_electron). Smoke test of the packaged shell: it opens, shows the library and creates an
// article; Help → Show Logs, Help → Check for Updates and File → Open Recent do what they say; the services
// run in a utility process that comes back when killed.
// Needs the real Electron binary (downloaded by the electron package on first use) and, on Linux, a display:
// run it as `xvfb-run -a npx playwright test tests/electron` on headless machines.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from '../support/electron-binary';

const ROOT = join(import.meta.dirname, '..', '..');

const binary = electronBinary(ROOT);

test.describe('Dateline desktop app', () => {
  test.skip(binary === null, 'SKIPPED: the Electron binary is not installed on this machine (cannot be downloaded here); this smoke test runs where it exists');

  test('a reporter opens the app on a fresh library and starts a new article', async () => {
    expect(existsSync(join(ROOT, 'dist', 'electron', 'main.cjs')), 'run `npm run build` first').toBe(true);
    const dataDir = mkdtempSync(join(tmpdir(), 'dateline-e2e-data-'));
    const userDataDir = mkdtempSync(join(tmpdir(), 'dateline-e2e-profile-'));
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      args: [ROOT],
      env: { ...process.env, DATELINE_DATA_DIR: dataDir, DATELINE_USER_DATA_DIR: userDataDir, ELECTRON_RUN_AS_NODE: '' },
    });
    try {
      const page = await app.firstWindow();
      await expect(page).toHaveTitle(/Dateline/);
      expect(page.url()).toBe('dateline://app/index.html');

      const isolated = await page.evaluate(() => typeof (globalThis as { require?: unknown }).require === 'undefined' && typeof (globalThis as { process?: unknown }).process === 'undefined');
      expect(isolated).toBe(true);

      const helpItems = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.find((item) => item.role === 'help')?.submenu?.items.map((item) => item.label) ?? []);
      expect(helpItems).toContain('Show Logs');
      expect(helpItems).toContain('Check for Updates…');

      const newArticle = page.getByRole('button', { name: 'New article' });
      await expect(newArticle).toBeVisible();
      await newArticle.click();

      await expect
        .poll(async () => page.evaluate(async () => {
          const bridge = (window as unknown as { dateline: { invoke(op: string, input: unknown): Promise<{ ok: boolean; value?: { total: number } }> } }).dateline;
          const listed = await bridge.invoke('library.list', {});
          return listed.ok ? listed.value?.total : -1;
        }))
        .toBe(1);

      // File → Open Recent lists the story just opened, as a link that opens it again.
      const recentLabels = () =>
        app.evaluate(({ Menu }) => {
          const file = Menu.getApplicationMenu()?.items.find((item) => item.label === 'File');
          const openRecent = file?.submenu?.items.find((item) => item.label === 'Open Recent');
          return openRecent?.submenu?.items.map((item) => item.label) ?? [];
        });
      await expect.poll(recentLabels).toEqual(['Untitled', '', 'Clear Menu']);

      // Help → Show Logs opens the log folder, and Help → Check for Updates answers (an unpackaged
      // app has no feed, and says so). The shell and dialog calls are recorded instead of shown.
      await app.evaluate(({ dialog, shell }) => {
        const seen = globalThis as unknown as { openedPaths: string[]; messages: string[] };
        seen.openedPaths = [];
        seen.messages = [];
        shell.openPath = async (path: string) => {
          seen.openedPaths.push(path);
          return '';
        };
        const record = async (...args: unknown[]) => {
          const box = args.find((arg): arg is { message: string } => typeof arg === 'object' && arg !== null && 'message' in arg);
          seen.messages.push(box?.message ?? '');
          return { response: 0, checkboxChecked: false };
        };
        dialog.showMessageBox = record as typeof dialog.showMessageBox;
      });
      const clickHelp = (label: string) =>
        app.evaluate(({ Menu }, wanted) => {
          const item = Menu.getApplicationMenu()?.items.find((entry) => entry.role === 'help')?.submenu?.items.find((entry) => entry.label === wanted);
          if (!item) throw new Error(`no Help → ${wanted}`);
          item.click();
        }, label);
      await clickHelp('Show Logs');
      // <userData>/logs, or ~/Library/Logs/Dateline on macOS (electron-log's choice).
      await expect.poll(() => app.evaluate(() => (globalThis as unknown as { openedPaths: string[] }).openedPaths)).toEqual([expect.stringMatching(/[\\/](logs|Logs[\\/]Dateline)$/)]);
      await clickHelp('Check for Updates…');
      await expect.poll(() => app.evaluate(() => (globalThis as unknown as { messages: string[] }).messages)).toEqual(['Updates are checked only in the installed app.']);

      // File → Open Recent opens the story again: give it a headline (an untouched draft is removed
      // on Back), go back to the library, then pick it from the menu.
      await page.getByRole('textbox', { name: 'Headline' }).fill('Smoke test story');
      await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible({ timeout: 20_000 });
      await page.getByRole('button', { name: 'Back to library' }).click();
      await expect(newArticle).toBeVisible();
      await expect.poll(async () => (await recentLabels())[0]).toBe('Smoke test story');
      await app.evaluate(({ Menu }) => {
        const file = Menu.getApplicationMenu()?.items.find((item) => item.label === 'File');
        const first = file?.submenu?.items.find((item) => item.label === 'Open Recent')?.submenu?.items[0];
        if (!first) throw new Error('Open Recent is empty');
        first.click();
      });
      await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue('Smoke test story');

      // The services run in their own utility process, not in main; killed, they come back.
      const servicesPid = () =>
        app.evaluate(({ app: shell }) => shell.getAppMetrics().find((metric) => metric.type === 'Utility' && metric.name === 'Dateline services')?.pid ?? null);
      const killed = await servicesPid();
      expect(killed).not.toBeNull();
      expect(killed).not.toBe(await app.evaluate(() => process.pid));
      process.kill(killed as number, 'SIGKILL');
      await expect.poll(async () => {
        const pid = await servicesPid();
        return pid !== null && pid !== killed;
      }).toBe(true);
      await expect
        .poll(async () => page.evaluate(async () => {
          const bridge = (window as unknown as { dateline: { invoke(op: string, input: unknown): Promise<{ ok: boolean; value?: { total: number } }> } }).dateline;
          const listed = await bridge.invoke('library.list', {});
          return listed.ok ? listed.value?.total : -1;
        }))
        .toBe(1);

      // A crashed page comes back with its story open, and says so.
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.forcefullyCrashRenderer());
      await expect
        .poll(async () =>
          app.evaluate(async ({ BrowserWindow }) => {
            const contents = BrowserWindow.getAllWindows()[0]?.webContents;
            if (!contents || contents.isCrashed() || contents.isLoading()) return '';
            return String(await contents.executeJavaScript('document.body.innerText'));
          }),
        )
        .toContain('Dateline stopped unexpectedly and reopened');
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(userDataDir, { recursive: true, force: true });
    }
  });
});
