import type { IncomingMessage, ServerResponse } from 'node:http';

/** Headers a browser on an allowed origin may send: the credential, the body type, a request id, a mutation's idempotency key, persisted-operation hashes. */
const ALLOWED_HEADERS = 'authorization, content-type, x-request-id, idempotency-key, graphql-client-name, graphql-client-version';
/** Headers a browser script may read from a response. */
const EXPOSED_HEADERS = 'x-request-id, retry-after';

/**
 * Cross-origin access by an allowlist of origins (`http.corsOrigins` in the configuration).
 * An allowed origin is echoed; any other origin gets no CORS header at all, so the browser keeps
 * the response from its script. Credentials travel in the Authorization header, never in cookies,
 * so `allow-credentials` is never sent. Preflights are answered here, before authentication: a
 * browser never sends credentials with them.
 *
 * Returns true when the request was a preflight and has been answered.
 */
export function handleCors(allowedOrigins: ReadonlySet<string>, req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin;
  // Caches must not give one origin's answer to another. With no origin allowed, every origin gets
  // the same answer, and the header would only cost every request its writing.
  if (allowedOrigins.size > 0) res.setHeader('vary', 'Origin');
  const allowed = origin !== undefined && allowedOrigins.has(origin);
  if (allowed) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
  }
  const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
  if (!preflight) return false;
  if (allowed) {
    res.setHeader('access-control-allow-methods', 'GET, POST');
    res.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
    res.setHeader('access-control-max-age', '600');
  }
  res.statusCode = 204;
  res.end();
  return true;
}

/** `https://county.example.cn` → itself; a trailing slash, a path or a wildcard is a configuration mistake. */
export function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}
