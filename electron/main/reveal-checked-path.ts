// Runs in: main (pure, no electron import). After the services accepted an `app.reveal` path (inside
// the library or the export folder), main shows it in the file manager; every other answer passes through.
import type { Envelope, OperationName, OperationResult } from '../../common/contract';

export function revealCheckedPath(name: OperationName, envelope: Envelope<unknown>, reveal: (path: string) => void): Envelope<unknown> {
  if (name !== 'app.reveal' || !envelope.ok) return envelope;
  const value = envelope.value as OperationResult<'app.reveal'>;
  reveal(value.path);
  return { ok: true, value: { path: value.path, revealed: true } };
}
