import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a caller may send as its own request id: short, and safe to write into a log line. */
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request id of this request: the caller's `x-request-id` when it is acceptable (so a
 * frontend or a proxy can follow one request through the logs), otherwise a fresh UUID. It is
 * echoed in the response's `x-request-id`, on refusals too.
 */
export function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  const offered = req.headers['x-request-id'];
  const requestId = typeof offered === 'string' && ACCEPTABLE.test(offered) ? offered : randomUUID();
  res.setHeader('x-request-id', requestId);
  return requestId;
}
