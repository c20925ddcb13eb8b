/** Codes the server puts in `extensions.code`; other strings may appear as the server grows. */
export type TuopinErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION_FAILED'
  | 'CONFLICT'
  | 'RULE_VIOLATION'
  | 'LIMIT_EXCEEDED'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'PERSISTED_QUERY_ONLY'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'INTERNAL_SERVER_ERROR'
  | (string & {});

/** One error of a response, with tuopin's extensions lifted out. */
export interface TuopinGraphQLError {
  message: string;
  code: TuopinErrorCode | null;
  /** The input field or argument at fault, when there is one. */
  field: string | null;
  messageZh: string | null;
  messageEn: string | null;
  /** For unexpected errors: quote it to the operators, who find the details in the server log. */
  correlationId: string | null;
  path: readonly (string | number)[] | null;
  extensions: Record<string, unknown>;
}

/**
 * A request that did not return clean data: refused at the door (HTTP 401, 413, 429…), refused
 * by GraphQL (bad arguments, limits, unregistered operation), or failed. `data` holds whatever
 * part of the answer came back.
 */
export class TuopinClientError extends Error {
  constructor(
    readonly status: number,
    readonly errors: readonly TuopinGraphQLError[],
    readonly data: unknown,
    /** The response's `x-request-id`, which the server's access log carries. */
    readonly requestId: string | null,
  ) {
    super(errors.map((error) => error.message).join('; ') || `HTTP ${status}`);
    this.name = 'TuopinClientError';
  }

  /** The first error's code, e.g. `UNAUTHENTICATED`. */
  get code(): TuopinErrorCode | null {
    return this.errors[0]?.code ?? null;
  }
}

/** Lifts tuopin's extensions out of a GraphQL response error. */
export function toTuopinError(raw: { message?: unknown; path?: unknown; extensions?: unknown }): TuopinGraphQLError {
  const extensions = (typeof raw.extensions === 'object' && raw.extensions !== null ? raw.extensions : {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    message: text(raw.message) ?? 'unknown error',
    code: text(extensions.code),
    field: text(extensions.field),
    messageZh: text(extensions.messageZh),
    messageEn: text(extensions.messageEn),
    correlationId: text(extensions.correlationId),
    path: Array.isArray(raw.path) ? raw.path : null,
    extensions,
  };
}
