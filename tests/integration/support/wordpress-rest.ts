// Runs in: test processes. Just enough of a REST client for tests to look at a test WordPress
// directly (as one of its users), independent of the app's own WordPress adapter.

export type QueryValue = string | number | boolean | undefined;

export interface RestResponse<T = unknown> {
  status: number;
  headers: Headers;
  /** Parsed JSON, or null when the body is not JSON. */
  body: T;
  text: string;
}

/** The REST root from a `Link: <...>; rel="https://api.w.org/"` header, or null. */
export function parseRestLink(linkHeader: string): string | null {
  for (const part of linkHeader.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="https:\/\/api\.w\.org\/"/.exec(part.trim());
    if (match?.[1]) return match[1];
  }
  return null;
}

/** A route under a REST root, for both `/wp-json/` and `/?rest_route=/` roots. */
export function restUrl(restRoot: string, route: string, query: Record<string, QueryValue> = {}): string {
  const url = new URL(restRoot);
  const cleanRoute = route.replace(/^\/+/, '');
  if (url.searchParams.has('rest_route')) {
    url.searchParams.set('rest_route', `/${cleanRoute}`);
  } else {
    url.pathname = `${url.pathname.replace(/\/?$/, '/')}${cleanRoute}`;
  }
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}

export function basicAuth(user: { login: string; appPassword: string }): string {
  return `Basic ${Buffer.from(`${user.login}:${user.appPassword}`).toString('base64')}`;
}

export interface RestRequest {
  method?: string;
  query?: Record<string, QueryValue>;
  json?: unknown;
  body?: Uint8Array | string;
  headers?: Record<string, string>;
  authorization?: string | null;
}

export async function restRequest<T = unknown>(restRoot: string, route: string, request: RestRequest = {}): Promise<RestResponse<T>> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.authorization) headers.authorization = request.authorization;
  let body: Uint8Array<ArrayBuffer> | string | undefined = typeof request.body === 'string' ? request.body : request.body && new Uint8Array(request.body);
  if (request.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.json);
  }
  const response = await fetch(restUrl(restRoot, route, request.query), {
    method: request.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
    signal: AbortSignal.timeout(120_000),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: parseJson(text) as T, text };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
