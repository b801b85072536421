// Runs in: main (Electron). The one invoke channel to the services, open only to the app's own
// top-level page. Main checks the sender and the operation name and forwards the call to the
// services process, which validates the input against the contract before any handler runs.
import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { isOperationName, type Envelope, type OperationName } from '../../common/contract';
import { openArticleReportSchema, osNotificationRequestSchema, type OpenArticleReport, type OsNotificationRequest } from '../../common/desktop/desktop-messages';
import { unknownOperation } from '../transport/dispatch-operation';
import { FLUSHED_CHANNEL, INVOKE_CHANNEL, MENU_LOCALE_CHANNEL, NOTIFY_CHANNEL, OPEN_ARTICLE_CHANNEL, PRINT_PROOF_CHANNEL } from '../transport/ipc-channels';
import { isMenuLocale, type MenuLocale } from './menu-labels';
import { isTrustedSender } from './trusted-sender';

export interface IpcOptions {
  /** Runs one operation in the services process; `input` is still unvalidated. */
  invoke(name: OperationName, input: unknown): Promise<Envelope<unknown>>;
  /** True for the webContents of a window this app created. */
  isOurWindow(contents: WebContents): boolean;
  onMenuLocale(locale: MenuLocale): void;
  /** The page's answer to `app.flush` before its window closes. */
  onFlushed(contents: WebContents, ok: boolean): void;
  /** The article the page has open (Open Recent); also tells main the page is ready for deep links. */
  onOpenArticle(report: OpenArticleReport): void;
  /** An OS notification the page asks for. */
  onNotify(request: OsNotificationRequest): void;
  /** File → Print Proof: print the sender's page into a PDF; `suggestedName` is only a proposal. */
  onPrintProof(contents: WebContents, suggestedName: string): Promise<void>;
}

function fromTrustedSender(event: IpcMainEvent | IpcMainInvokeEvent, isOurWindow: (contents: WebContents) => boolean): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.isDestroyed()) return false;
  return isTrustedSender(frame.url, frame.parent === null) && isOurWindow(event.sender);
}

/** Registers the handlers; the returned function removes them. */
export function registerIpc(options: IpcOptions): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, name: unknown, input: unknown): Promise<Envelope<unknown>> => {
    if (!fromTrustedSender(event, options.isOurWindow)) {
      return { ok: false, error: { code: 'forbidden-sender', message: 'Only the Dateline window may call the services.', details: { kind: 'forbidden-sender' } } };
    }
    if (!isOperationName(name)) return unknownOperation(name);
    return options.invoke(name, input);
  });
  const handleLocale = (event: IpcMainEvent, locale: unknown): void => {
    if (fromTrustedSender(event, options.isOurWindow) && isMenuLocale(locale)) options.onMenuLocale(locale);
  };
  ipcMain.on(MENU_LOCALE_CHANNEL, handleLocale);
  const handleFlushed = (event: IpcMainEvent, ok: unknown): void => {
    if (fromTrustedSender(event, options.isOurWindow) && typeof ok === 'boolean') options.onFlushed(event.sender, ok);
  };
  ipcMain.on(FLUSHED_CHANNEL, handleFlushed);
  const handleOpenArticle = (event: IpcMainEvent, report: unknown): void => {
    const parsed = openArticleReportSchema.safeParse(report);
    if (fromTrustedSender(event, options.isOurWindow) && parsed.success) options.onOpenArticle(parsed.data);
  };
  ipcMain.on(OPEN_ARTICLE_CHANNEL, handleOpenArticle);
  const handleNotify = (event: IpcMainEvent, request: unknown): void => {
    const parsed = osNotificationRequestSchema.safeParse(request);
    if (fromTrustedSender(event, options.isOurWindow) && parsed.success) options.onNotify(parsed.data);
  };
  ipcMain.on(NOTIFY_CHANNEL, handleNotify);
  ipcMain.handle(PRINT_PROOF_CHANNEL, async (event, suggestedName: unknown): Promise<void> => {
    if (!fromTrustedSender(event, options.isOurWindow)) return;
    await options.onPrintProof(event.sender, typeof suggestedName === 'string' ? suggestedName.slice(0, 200) : '');
  });
  return () => {
    ipcMain.removeHandler(PRINT_PROOF_CHANNEL);
    ipcMain.removeListener(OPEN_ARTICLE_CHANNEL, handleOpenArticle);
    ipcMain.removeListener(NOTIFY_CHANNEL, handleNotify);
    ipcMain.removeHandler(INVOKE_CHANNEL);
    ipcMain.removeListener(MENU_LOCALE_CHANNEL, handleLocale);
    ipcMain.removeListener(FLUSHED_CHANNEL, handleFlushed);
  };
}
