// Runs in: preload (pure, no electron import). Builds the narrow window.dateline object over an ipcRenderer-like port.
import { isMenuCommand, type DatelineBridge, type MenuCommand } from '../../common/bridge';
import { isOperationName, type Envelope } from '../../common/contract';
import { parseDatelineEvent, type DatelineEvent } from '../../common/contract-events';
import { parseDeepLink, type DeepLink } from '../../common/desktop/deep-link';
import { openArticleReportSchema, osNotificationRequestSchema, type OpenArticleReport, type OsNotificationRequest } from '../../common/desktop/desktop-messages';
import {
  EVENT_CHANNEL,
  FLUSHED_CHANNEL,
  INVOKE_CHANNEL,
  PRINT_PROOF_CHANNEL,
  MENU_COMMAND_CHANNEL,
  MENU_LOCALE_CHANNEL,
  NOTIFY_CHANNEL,
  OPEN_ARTICLE_CHANNEL,
  OPEN_LINK_CHANNEL,
} from '../transport/ipc-channels';

/** The slice of Electron's ipcRenderer the bridge uses. */
export interface IpcPort {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createBridge(ipc: IpcPort): DatelineBridge {
  return {
    async invoke(operation: string, input: unknown): Promise<Envelope<unknown>> {
      if (!isOperationName(operation)) {
        return { ok: false, error: { code: 'invalid-input', message: `Unknown operation ${JSON.stringify(String(operation).slice(0, 100))}.`, details: { kind: 'unknown-operation' } } };
      }
      return (await ipc.invoke(INVOKE_CHANNEL, operation, input)) as Envelope<unknown>;
    },
    onMenuCommand(listener: (command: MenuCommand) => void): () => void {
      // The IPC event never reaches the page: it carries the sender and could leak ipcRenderer.
      const handle = (_event: unknown, command: unknown): void => {
        if (isMenuCommand(command)) listener(command);
      };
      ipc.on(MENU_COMMAND_CHANNEL, handle);
      return () => {
        ipc.removeListener(MENU_COMMAND_CHANNEL, handle);
      };
    },
    setMenuLocale(locale: 'en' | 'zh-CN'): void {
      if (locale === 'en' || locale === 'zh-CN') ipc.send(MENU_LOCALE_CHANNEL, locale);
    },
    reportFlushed(ok: boolean): void {
      ipc.send(FLUSHED_CHANNEL, ok === true);
    },
    onEvent(listener: (event: DatelineEvent) => void): () => void {
      const handle = (_event: unknown, value: unknown): void => {
        const event = parseDatelineEvent(value);
        if (event !== null) listener(event);
      };
      ipc.on(EVENT_CHANNEL, handle);
      return () => {
        ipc.removeListener(EVENT_CHANNEL, handle);
      };
    },
    onOpenLink(listener: (link: DeepLink) => void): () => void {
      const handle = (_event: unknown, value: unknown): void => {
        const link = parseDeepLink(value);
        if (link !== null) listener(link);
      };
      ipc.on(OPEN_LINK_CHANNEL, handle);
      return () => {
        ipc.removeListener(OPEN_LINK_CHANNEL, handle);
      };
    },
    reportOpenArticle(report: OpenArticleReport): void {
      const parsed = openArticleReportSchema.safeParse(report);
      if (parsed.success) ipc.send(OPEN_ARTICLE_CHANNEL, parsed.data);
    },
    async printProof(suggestedName?: string): Promise<void> {
      await ipc.invoke(PRINT_PROOF_CHANNEL, typeof suggestedName === 'string' ? suggestedName.slice(0, 200) : '');
    },
    notify(request: OsNotificationRequest): void {
      const parsed = osNotificationRequestSchema.safeParse(request);
      if (parsed.success) ipc.send(NOTIFY_CHANNEL, parsed.data);
    },
  };
}
