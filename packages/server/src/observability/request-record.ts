import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What the server learns about one HTTP request while it runs: filled in by the edge (id, start),
 * the GraphQL layer (operation, caller, refusals) and the ORM (statements), then written to the
 * access log and the metrics when the response is done.
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

const storage = new AsyncLocalStorage<RequestRecord>();

/** Runs `work` with `record` as the current request, through every await it makes. */
export function runWithRequestRecord<T>(record: RequestRecord, work: () => T): T {
  return storage.run(record, work);
}

/** The request being served on this async path, if any (none in in-process tests and CLI commands). */
export function currentRequest(): RequestRecord | undefined {
  return storage.getStore();
}

/** Counts one SQL statement against the current request; the ORM calls it for every statement it sends. */
export function countStatement(): void {
  const record = storage.getStore();
  if (record) record.statements++;
}
