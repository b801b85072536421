// Runs in: renderer. Picks the transport once: IPC inside Electron, HTTP in a browser.
import type { DatelineBridge } from '../../common/bridge';
import type { DatelineApi } from '../../common/contract';
import { createHttpApi } from './http-api';
import { createIpcApi } from './ipc-api';

declare global {
  interface Window {
    dateline?: DatelineBridge;
  }
}

let cached: DatelineApi | null = null;

export function getApi(): DatelineApi {
  cached ??= window.dateline ? createIpcApi(window.dateline) : createHttpApi(location.origin);
  return cached;
}
