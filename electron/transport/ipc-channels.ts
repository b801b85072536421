// Runs in: main and preload. The only IPC channels between the shell and the page.
/** Renderer → main, invoke: one contract operation. */
export const INVOKE_CHANNEL = 'dateline:invoke';
/** Main → renderer, send: a native menu command. */
export const MENU_COMMAND_CHANNEL = 'dateline:menu-command';
/** Renderer → main, send: the UI locale the native menus should use. */
export const MENU_LOCALE_CHANNEL = 'dateline:menu-locale';
/** Main → renderer, send: one services event (common/contract-events.ts); preload checks it again. */
export const EVENT_CHANNEL = 'dateline:event';
/** Renderer → main, send: whether the pending save went through after an `app.flush` command. */
export const FLUSHED_CHANNEL = 'dateline:flushed';
/** Main → renderer, send: a deep link to open (dateline://article/… or review/…); preload checks it again. */
export const OPEN_LINK_CHANNEL = 'dateline:open-link';
/** Renderer → main, send: the article now open, or null (File → Open Recent). */
export const OPEN_ARTICLE_CHANNEL = 'dateline:open-article';
/** Renderer → main, invoke: print the page as a proof into a PDF the person chooses (the story's slug is proposed). */
export const PRINT_PROOF_CHANNEL = 'dateline:print-proof';
/** Renderer → main, send: an OS notification to show. */
export const NOTIFY_CHANNEL = 'dateline:notify';
