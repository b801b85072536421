// Runs in: main (pure, no electron import). Why an update check or download failed, as data.

export type UpdateErrorKind =
  /** No answer: DNS, refused connection, TLS, timeout. */
  | 'unreachable'
  /** The feed answered with an HTTP error status. */
  | 'refused'
  /** The answer was larger than allowed. */
  | 'too-large'
  /** latest.yml is not a feed we understand. */
  | 'bad-feed'
  /** The downloaded file does not match the feed's sha512 (or its size). */
  | 'bad-checksum';

export class UpdateError extends Error {
  constructor(
    readonly kind: UpdateErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'UpdateError';
  }
}
