// Runs in: test processes. Calls contract operations on a running loopback host over HTTP, the
// way the browser renderer does (session cookie, same-origin Origin, CSRF header). Like a browser,
// it opens the launch link once and keeps the session cookie the host sets.
import type { Envelope, OperationInput, OperationName, OperationResult } from '../../common/contract';
import { API_PREFIX, CSRF_HEADER } from '../../common/http-protocol';
import { decodeWire, encodeWire } from '../../common/wire-codec';

export interface HostClient {
  call<K extends OperationName>(name: K, input: OperationInput<K>): Promise<OperationResult<K>>;
  envelope<K extends OperationName>(name: K, input: OperationInput<K>): Promise<Envelope<OperationResult<K>>>;
}

/** `launchUrl` is the `DATELINE_URL=` line the host prints: origin plus `?token=`. */
async function signIn(launchUrl: string): Promise<string> {
  const response = await fetch(launchUrl, { redirect: 'manual' });
  const pair = response.headers.getSetCookie()[0]?.split(';')[0];
  if (response.status !== 303 || !pair) throw new Error(`The launch link ${launchUrl} answered HTTP ${response.status} without a session cookie.`);
  return pair;
}

export function hostClient(launchUrl: string): HostClient {
  const url = new URL(launchUrl);
  let session: Promise<string> | null = null;
  const envelope = async <K extends OperationName>(name: K, input: OperationInput<K>) => {
    session ??= signIn(launchUrl);
    const response = await fetch(`${url.origin}${API_PREFIX}${name}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: url.origin,
        cookie: await session,
        [CSRF_HEADER]: '1',
      },
      body: encodeWire(input),
    });
    if (response.status !== 200) throw new Error(`${name}: HTTP ${response.status} ${await response.text()}`);
    return decodeWire(await response.text()) as Envelope<OperationResult<K>>;
  };
  return {
    envelope,
    async call(name, input) {
      const result = await envelope(name, input);
      if (!result.ok) throw Object.assign(new Error(`${name}: ${result.error.code}: ${result.error.message}`), { code: result.error.code });
      return result.value;
    },
  };
}
