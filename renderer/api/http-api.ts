// Runs in: renderer (browser mode). The API client over the loopback HTTP host (common/http-protocol.ts).
import type { DatelineApi, OperationName, OperationInput, OperationResult } from '../../common/contract';
import { API_PREFIX, CSRF_HEADER, MEDIA_PREFIX, THUMBNAIL_PREFIX } from '../../common/http-protocol';
import { decodeWire, encodeWireParts } from '../../common/wire-codec';
import { ApiError, unwrapEnvelope } from './api-error';
import { wireBody } from './wire-body';

export const SESSION_EXPIRED_MESSAGE = 'The Dateline session expired: reopen the link printed by npm run serve.';

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export function createHttpApi(baseUrl: string = location.origin, fetchImpl: FetchLike = (input, init) => fetch(input, init)): DatelineApi {
  const root = baseUrl.replace(/\/+$/, '');
  return {
    transport: 'http',
    async call<K extends OperationName>(name: K, input: OperationInput<K>): Promise<OperationResult<K>> {
      let response: Response;
      // Text, or bytes when a prepared value (a long body kept encoded) was spliced in; long either way is made a Blob slice by slice.
      const body = await wireBody(encodeWireParts(input));
      try {
        response = await fetchImpl(`${root}${API_PREFIX}${name}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
          body,
        });
      } catch (error) {
        throw new ApiError('io-error', `Dateline could not reach its local server (${error instanceof Error ? error.message : String(error)}). Is npm run serve still running?`, {
          kind: 'local-server-unreachable',
        });
      }
      if (response.status === 401 || response.status === 403) {
        throw new ApiError('unauthorized', SESSION_EXPIRED_MESSAGE, { kind: 'session-expired' });
      }
      const text = await response.text();
      let envelope: unknown;
      try {
        envelope = decodeWire(text);
      } catch {
        throw new ApiError('internal', `The local server answered ${name} with HTTP ${response.status} and an unreadable body.`, { kind: 'reply-not-understood' });
      }
      return unwrapEnvelope<OperationResult<K>>(envelope, name);
    },
    mediaUrl: (id) => `${MEDIA_PREFIX}${encodeURIComponent(id)}`,
    thumbnailUrl: (id) => `${THUMBNAIL_PREFIX}${encodeURIComponent(id)}`,
  };
}
