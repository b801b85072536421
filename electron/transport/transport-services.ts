// Runs in: main and host (Node). The part of the services a transport needs: running an operation and photo lookup.
import type { Envelope } from '../../common/contract';

export interface TransportServices {
  /**
   * Runs one contract operation on input nobody has checked yet. Whoever runs the handlers validates
   * it, once: the services process, or dispatchOperation for services in this process.
   */
  invoke(name: unknown, input: unknown): Promise<Envelope<unknown>>;
  /** Absolute path of a library photo, or null when the id is malformed or unknown. */
  mediaFilePath(id: string): string | null;
  /** Absolute path of a photo's thumbnail, made on first ask; null when the photo is unknown or has none. */
  thumbnailFilePath(id: string): Promise<string | null>;
}
