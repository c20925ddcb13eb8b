import type { IncomingMessage } from 'node:http';

/**
 * What the server learns about one HTTP request while it runs: filled in by the edge (id, start),
 * the GraphQL layer (operation, caller, refusals) and the read layer and the ORM (statements),
 * then written to the access log and the metrics when the response is done.
 */
export interface RequestRecord {
  readonly requestId: string;
  /** process.hrtime.bigint() when the request arrived. */
  readonly startedAt: bigint;
  operationName: string | null;
  principal: { id: string; role: string } | null;
  /** SQL statements sent on behalf of this request. */
  statements: number;
  /** Why a request (or part of it) was refused by a limit, e.g. `LIMIT_EXCEEDED`. */
  refusals: string[];
  /** Whether the direct path for JSON posts answered it (http/direct-json-post.ts), not yoga's full handler. */
  answeredDirectly: boolean;
}

/**
 * Each request's record, found from the Node request that every later stage is handed (yoga's
 * server context carries it as `req`). Not an async-local store: with one enabled, Node 20 runs a
 * hook for every promise the process makes (4–6 % of a household page's CPU, test/bench session 37).
 */
const records = new WeakMap<IncomingMessage, RequestRecord>();

/** Makes `record` the record of `req`, for the stages after the edge. */
export function attachRequestRecord(req: IncomingMessage, record: RequestRecord): void {
  records.set(req, record);
}

/** The record of a Node request; none for in-process requests (tests), which have no Node request. */
export function requestRecordOf(req: IncomingMessage | undefined): RequestRecord | undefined {
  return req === undefined ? undefined : records.get(req);
}
