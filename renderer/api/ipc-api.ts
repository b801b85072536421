// Runs in: renderer. The API client over Electron IPC: window.dateline.invoke(name, input) → Envelope.
import { APP_ORIGIN, type DatelineBridge } from '../../common/bridge';
import type { DatelineApi, OperationName, OperationInput, OperationResult } from '../../common/contract';
import { MEDIA_PREFIX, THUMBNAIL_PREFIX } from '../../common/http-protocol';
import { preparedJsonForIpc } from '../../common/prepared-json';
import { ApiError, unwrapEnvelope } from './api-error';

export function createIpcApi(bridge: DatelineBridge): DatelineApi {
  return {
    transport: 'ipc',
    async call<K extends OperationName>(name: K, input: OperationInput<K>): Promise<OperationResult<K>> {
      let envelope: unknown;
      try {
        // A prepared value (a long body kept encoded) is cloned as one block of bytes, not a tree of objects.
        envelope = await bridge.invoke(name, preparedJsonForIpc(input));
      } catch (error) {
        throw new ApiError('internal', `Dateline could not reach its services (${describe(error)}).`, { kind: 'services-unreachable' });
      }
      return unwrapEnvelope<OperationResult<K>>(envelope, name);
    },
    mediaUrl: (id) => `${APP_ORIGIN}${MEDIA_PREFIX}${encodeURIComponent(id)}`,
    thumbnailUrl: (id) => `${APP_ORIGIN}${THUMBNAIL_PREFIX}${encodeURIComponent(id)}`,
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
