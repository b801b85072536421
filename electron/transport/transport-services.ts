// Runs in: main and host (Node). The part of the services a transport needs: the handlers and photo lookup.
import type { OperationHandlers } from '../../common/contract';

export interface TransportServices {
  /** One handler per contract operation; the transport validates input before calling. */
  handlers: OperationHandlers;
  /** Absolute path of a library photo, or null when the id is malformed or unknown. */
  mediaFilePath(id: string): string | null;
  /** Absolute path of a photo's thumbnail, made on first ask; null when the photo is unknown or has none. */
  thumbnailFilePath(id: string): Promise<string | null>;
}
