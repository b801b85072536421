// Runs in: main (Electron). Serves dateline://app/ from the built renderer, dateline://app/media/<id> from the
// library and dateline://app/thumbnails/<id> (the editor's thumbnails, which the services make on first ask).
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_ORIGIN, APP_PROTOCOL } from '../../common/bridge';
import { MEDIA_PREFIX, THUMBNAIL_PREFIX } from '../../common/http-protocol';
import { appFileHeaders } from '../transport/app-file-headers';
import { mediaFileHeaders } from '../transport/response-headers';
import { resolveStaticPath } from '../transport/static-path';
import type { TransportServices } from '../transport/transport-services';

/** Must run before app is ready: gives the scheme an origin, secure context and fetch. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_PROTOCOL, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}

async function fileResponse(filePath: string, headers: Record<string, string>): Promise<Response> {
  try {
    const bytes = await readFile(filePath);
    return new Response(new Uint8Array(bytes), { status: 200, headers });
  } catch {
    return plain(404, 'Not found');
  }
}

export interface AppProtocolOptions {
  rendererDir: string;
  mediaFilePath(id: string): string | null;
  thumbnailFilePath(id: string): Promise<string | null>;
  /** The services, asked for the newsroom server in Settings each time a page is served (its policy names it). */
  services: Pick<TransportServices, 'invoke'>;
}

function idAfter(prefix: string, pathname: string): string | null {
  try {
    return decodeURIComponent(pathname.slice(prefix.length));
  } catch {
    return null;
  }
}

export function handleAppProtocol(options: AppProtocolOptions): void {
  const appHost = new URL(APP_ORIGIN).host;
  protocol.handle(APP_PROTOCOL, async (request) => {
    const url = new URL(request.url);
    if (url.host !== appHost) return plain(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    if (url.pathname.startsWith(THUMBNAIL_PREFIX)) {
      const id = idAfter(THUMBNAIL_PREFIX, url.pathname);
      const filePath = id === null ? null : await options.thumbnailFilePath(id);
      return filePath === null ? plain(404, 'Not found') : fileResponse(filePath, mediaFileHeaders(filePath));
    }
    if (url.pathname.startsWith(MEDIA_PREFIX)) {
      const id = idAfter(MEDIA_PREFIX, url.pathname);
      const filePath = id === null ? null : options.mediaFilePath(id);
      return filePath === null ? plain(404, 'Not found') : fileResponse(filePath, mediaFileHeaders(filePath));
    }
    const filePath = resolveStaticPath(options.rendererDir, url.pathname);
    return filePath === null ? plain(400, 'Bad path') : fileResponse(filePath, await appFileHeaders(filePath, options.services));
  });
}
