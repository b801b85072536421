// Runs in: preload and renderer. The narrow object preload exposes as `window.dateline`.
import type { DatelineEvent } from './contract-events';
import type { Envelope } from './contract';
import type { DeepLink } from './desktop/deep-link';
import type { OpenArticleReport, OsNotificationRequest } from './desktop/desktop-messages';

/** Commands the native menu sends to the renderer (the renderer's own shortcuts run the same). */
export const MENU_COMMANDS = [
  /** Sent by main before a window closes: save pending edits now (no revision snapshot). */
  'app.flush',
  'article.new',
  'article.save',
  'article.duplicate',
  'article.trash',
  'article.export-html',
  'article.export-markdown',
  'article.revisions',
  'article.insert-photo',
  'view.library',
  'view.trash',
  'view.review-queue',
  'format.bold',
  'format.italic',
  'format.underline',
  'format.strike',
  'format.link',
  'format.heading-2',
  'format.heading-3',
  'format.paragraph',
  'format.blockquote',
  'format.bullet-list',
  'format.ordered-list',
  'format.horizontal-rule',
  'language.en',
  'language.zh-CN',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

export interface DatelineBridge {
  /** Calls one contract operation; main validates the input and the sender. */
  invoke(operation: string, input: unknown): Promise<Envelope<unknown>>;
  /** Subscribes to native menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Tells main which UI locale to build native menus in. */
  setMenuLocale(locale: 'en' | 'zh-CN'): void;
  /** Answers main's `app.flush` before a window closes: true once pending edits are saved. */
  reportFlushed(ok: boolean): void;
  /** Subscribes to the services' events, each checked against its schema; returns the unsubscribe function. */
  onEvent(listener: (event: DatelineEvent) => void): () => void;
  /** Subscribes to deep links (the OS, Open Recent, a notification click), each parsed strictly; returns the unsubscribe function. */
  onOpenLink(listener: (link: DeepLink) => void): () => void;
  /** Tells main which article is open, for Open Recent. */
  reportOpenArticle(report: OpenArticleReport): void;
  /** Asks main to show an OS notification. */
  notify(request: OsNotificationRequest): void;
}

/** The custom protocol the packaged app loads from; media lives under its /media/ path. */
export const APP_PROTOCOL = 'dateline';
export const APP_ORIGIN = `${APP_PROTOCOL}://app`;
