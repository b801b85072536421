// Runs in: main and host (plain Node, no electron import). The services as a transport sees them
// when they run in their own process: each operation is a call through the watchdog, and photos
// are found on disk directly.
import { isOperationName, type OperationHandlers } from '../../common/contract';
import { envelopeValue } from '../../common/rpc/envelope-value';
import { unknownOperation } from '../transport/dispatch-operation';
import type { TransportServices } from '../transport/transport-services';
import { libraryMediaPath, libraryRootOf } from '../services/media/library-media-path';
import { thumbnailFilePathVia } from '../services/media/thumbnail-file-path-via';
import type { ServicesWatchdog } from './services-watchdog';

export function remoteServices(watchdog: Pick<ServicesWatchdog, 'call'>, dataDir: string): TransportServices {
  const libraryRoot = libraryRootOf(dataDir);
  const thumbnails: Pick<OperationHandlers, 'media.thumbnail'> = {
    'media.thumbnail': async (input) => envelopeValue(await watchdog.call('media.thumbnail', input)) as { thumbnailId: string },
  };
  return {
    // The services process validates the input; checking it here too would parse every request twice.
    invoke: (name, input) => (isOperationName(name) ? watchdog.call(name, input) : Promise.resolve(unknownOperation(name))),
    mediaFilePath: (id) => libraryMediaPath(libraryRoot, id),
    thumbnailFilePath: (id) => thumbnailFilePathVia(thumbnails, libraryRoot, id),
  };
}
