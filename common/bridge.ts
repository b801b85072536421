// Runs in: preload and renderer. The narrow object preload exposes as `window.dateline`.
import { COMMAND_IDS, isCommandId, type CommandId } from './commands/command-table';
import type { DatelineEvent } from './contract-events';
import type { Envelope } from './contract';
import type { DeepLink } from './desktop/deep-link';
import type { OpenArticleReport, OsNotificationRequest } from './desktop/desktop-messages';

/** Commands the native menu sends to the renderer (the renderer's own shortcuts run the same): the command table's ids. */
export const MENU_COMMANDS = COMMAND_IDS;
export type MenuCommand = CommandId;

export function isMenuCommand(value: unknown): value is MenuCommand {
  return isCommandId(value);
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
  /** Prints the window as a proof to a PDF the person chooses (webContents.printToPDF); absent in older builds. */
  printProof?(suggestedName?: string): Promise<void>;
  /** Asks main to show an OS notification. */
  notify(request: OsNotificationRequest): void;
}

/** The custom protocol the packaged app loads from; media lives under its /media/ path. */
export const APP_PROTOCOL = 'dateline';
export const APP_ORIGIN = `${APP_PROTOCOL}://app`;
