// Runs in: test processes. Calls contract operations on a running loopback host over HTTP, the
// way the browser renderer does (session cookie, same-origin Origin, CSRF header).
import type { Envelope, OperationInput, OperationName, OperationResult } from '../../common/contract';
import { API_PREFIX, CSRF_HEADER, SESSION_COOKIE } from '../../common/http-protocol';
import { decodeWire, encodeWire } from '../../common/wire-codec';

export interface HostClient {
  call<K extends OperationName>(name: K, input: OperationInput<K>): Promise<OperationResult<K>>;
  envelope<K extends OperationName>(name: K, input: OperationInput<K>): Promise<Envelope<OperationResult<K>>>;
}

/** `launchUrl` is the `DATELINE_URL=` line the host prints: origin plus `?token=`. */
export function hostClient(launchUrl: string): HostClient {
  const url = new URL(launchUrl);
  const token = url.searchParams.get('token') ?? '';
  const envelope = async <K extends OperationName>(name: K, input: OperationInput<K>) => {
    const response = await fetch(`${url.origin}${API_PREFIX}${name}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: url.origin,
        cookie: `${SESSION_COOKIE}=${token}`,
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
