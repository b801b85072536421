// Runs in: main (pure Node, no electron import). GET a URL from the update feed with a time limit and a
// byte cap enforced while streaming: the feed is outside input.
import { UpdateError } from './update-error';

export interface FetchCappedOptions {
  maxBytes: number;
  timeoutMs: number;
}

export async function fetchCapped(url: string, options: FetchCappedOptions): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(options.timeoutMs) });
  } catch (error) {
    throw new UpdateError('unreachable', `The update server at ${new URL(url).host} could not be reached (${describe(error)})`);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new UpdateError('refused', `The update server answered HTTP ${response.status} for ${new URL(url).pathname}`, response.status);
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > options.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new UpdateError('too-large', `${new URL(url).pathname} is ${declared} bytes; at most ${options.maxBytes} are accepted`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of response.body ?? []) {
      total += chunk.byteLength;
      if (total > options.maxBytes) throw new UpdateError('too-large', `${new URL(url).pathname} is larger than ${options.maxBytes} bytes`);
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof UpdateError) throw error;
    throw new UpdateError('unreachable', `The download of ${new URL(url).pathname} was cut off (${describe(error)})`);
  }
  return Buffer.concat(chunks);
}

function describe(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}
