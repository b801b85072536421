// Runs in: main and host (plain Node, no electron import). The services as a transport sees them
// when they run in their own process: each handler is a call through the watchdog, and photos
// are found on disk directly.
import { operations, type OperationHandlers, type OperationName } from '../../common/contract';
import { envelopeValue } from '../../common/rpc/envelope-value';
import type { TransportServices } from '../transport/transport-services';
import { libraryMediaPath, libraryRootOf } from '../services/media/library-media-path';
import { thumbnailFilePathVia } from '../services/media/thumbnail-file-path-via';
import type { ServicesWatchdog } from './services-watchdog';

export function remoteServices(watchdog: Pick<ServicesWatchdog, 'call'>, dataDir: string): TransportServices {
  const handlers: Partial<Record<OperationName, (input: unknown) => Promise<unknown>>> = {};
  for (const name of Object.keys(operations) as OperationName[]) {
    // The services process validates the input again: it trusts no caller.
    handlers[name] = async (input) => envelopeValue(await watchdog.call(name, input));
  }
  const libraryRoot = libraryRootOf(dataDir);
  return {
    handlers: handlers as unknown as OperationHandlers,
    mediaFilePath: (id) => libraryMediaPath(libraryRoot, id),
    thumbnailFilePath: (id) => thumbnailFilePathVia(handlers as unknown as OperationHandlers, libraryRoot, id),
  };
}
