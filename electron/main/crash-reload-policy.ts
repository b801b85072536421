// Runs in: main (pure, no electron import). What to do when the page's process dies: reload it,
// unless it already died too often in the last minute (then an error page with a Reload button).
import { APP_ORIGIN } from '../../common/bridge';

export const MAX_CRASH_RELOADS = 3;
export const CRASH_WINDOW_MS = 60_000;

/** The page the renderer loads after a crash: it reopens the story it had open and says so. */
export const RECOVERED_PAGE_URL = `${APP_ORIGIN}/index.html?recovered=1`;

export type CrashDecision = { action: 'reload'; url: string } | { action: 'error-page'; html: string } | { action: 'ignore' };

/** `render-process-gone` reasons that are not a crash of ours to recover from. */
const NOT_A_CRASH = new Set(['clean-exit']);

export class CrashReloadPolicy {
  private reloads: number[] = [];

  constructor(private readonly now: () => number) {}

  onProcessGone(reason: string, locale: 'en' | 'zh-CN'): CrashDecision {
    if (NOT_A_CRASH.has(reason)) return { action: 'ignore' };
    const now = this.now();
    this.reloads = this.reloads.filter((at) => now - at < CRASH_WINDOW_MS);
    if (this.reloads.length >= MAX_CRASH_RELOADS) return { action: 'error-page', html: crashErrorPage(locale) };
    this.reloads.push(now);
    return { action: 'reload', url: RECOVERED_PAGE_URL };
  }

  /** The person pressed Reload on the error page: start counting afresh. */
  reset(): void {
    this.reloads = [];
  }
}

const TEXT = {
  en: {
    title: 'Dateline stopped working',
    body: 'The editor window crashed several times in a row. Your text is saved up to the last autosave.',
    reload: 'Reload',
  },
  'zh-CN': {
    title: 'Dateline 停止了工作',
    body: '编辑窗口连续多次崩溃。您的文字已保存到最近一次自动保存。',
    reload: '重新加载',
  },
} as const;

/** A static page with no script: its only link goes back to the app. */
export function crashErrorPage(locale: 'en' | 'zh-CN'): string {
  const t = TEXT[locale];
  return [
    '<!doctype html>',
    `<html lang="${locale}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${t.title}</title>`,
    '<style>body{font:16px system-ui,sans-serif;margin:4em auto;max-width:32em;padding:0 1em}a{display:inline-block;padding:.5em 1em;border:1px solid #888;border-radius:4px;text-decoration:none;color:inherit}</style>',
    `</head><body><h1>${t.title}</h1><p>${t.body}</p>`,
    `<p><a id="reload" href="${RECOVERED_PAGE_URL}">${t.reload}</a></p>`,
    '</body></html>',
  ].join('');
}
