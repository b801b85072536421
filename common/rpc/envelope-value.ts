// Runs in: main, host and services process (pure). The value an Envelope carries, or the AppError
// it reports, with code, message and details as the far side sent them.
import { AppError, relayedDetails } from '../app-error';
import type { Envelope } from '../contract';

export function envelopeValue<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new AppError(envelope.error.code, envelope.error.message, relayedDetails(envelope.error.details));
}
