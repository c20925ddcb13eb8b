import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { TuopinClientError, toTuopinError } from './errors.js';

/** A document generated with `tuopinCodegenConfig`: its text, its types and, in `__meta__`, its hash. */
export type TuopinDocument<Result, Variables> = DocumentTypeDecoration<Result, Variables> & {
  toString(): string;
  __meta__?: { hash?: string; [key: string]: unknown };
};

export interface TuopinClientOptions {
  /** The API endpoint, e.g. `https://tuopin.example.cn/graphql`. */
  url: string;
  /** The bearer credential (a JWT or a partner API key), or a function returning the current one. */
  token?: string | null | (() => string | null | undefined);
  /**
   * How an operation travels. `auto` (the default) sends a generated document's hash and, only
   * if the server has no document registered under it, the text; `hash` sends the hash alone (a
   * deployment that requires trusted documents accepts nothing else); `document` sends the text.
   */
  send?: 'auto' | 'hash' | 'document';
  /** The fetch implementation; the global one by default. */
  fetch?: typeof fetch;
  /** Extra headers on every request (e.g. `x-request-id`); a request's own `headers` win over them. */
  headers?: () => Record<string, string>;
}

/** What one request may add: its own headers and a way to give up on it. */
export interface TuopinRequestOptions {
  /**
   * Headers of this request alone, over the client's: above all the form submission's
   * `Idempotency-Key`, so that a retry of the same submission cannot write twice
   * (`{ 'idempotency-key': submissionKey }`). When `auto` offers the text after the hash, both
   * posts carry them: the server ran nothing for the first.
   */
  headers?: Record<string, string>;
  /** Aborts the request (a page left, a timeout); the promise then rejects with the fetch's `AbortError`. */
  signal?: AbortSignal;
}

export interface TuopinClient {
  /**
   * Runs an operation and returns its data, typed by the generated document. Throws
   * `TuopinClientError` for refusals and for any error in the response. Typed mutation errors
   * (`ValidationError`, `ConflictError`…) are data, not thrown: select them in the payload union.
   */
  request<Result, Variables>(
    document: TuopinDocument<Result, Variables>,
    ...rest: {} extends Variables ? [variables?: Variables, options?: TuopinRequestOptions] : [variables: Variables, options?: TuopinRequestOptions]
  ): Promise<Result>;
}

/** A small fetch client for tuopin's GraphQL API. */
export function createTuopinClient(options: TuopinClientOptions): TuopinClient {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const currentToken = () => (typeof options.token === 'function' ? options.token() : options.token) ?? null;

  const post = async (body: Record<string, unknown>, request: TuopinRequestOptions): Promise<never> => {
    const token = currentToken();
    const response = await doFetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...options.headers?.(),
        ...request.headers,
      },
      body: JSON.stringify(body),
      signal: request.signal,
    });
    const requestId = response.headers.get('x-request-id');
    let payload: { data?: unknown; errors?: { message?: unknown; path?: unknown; extensions?: unknown }[] };
    try {
      payload = await response.json();
    } catch {
      throw new TuopinClientError(response.status, [toTuopinError({ message: `HTTP ${response.status}: the response is not JSON` })], null, requestId);
    }
    if (payload.errors?.length || !response.ok || payload.data == null) {
      throw new TuopinClientError(response.status, (payload.errors ?? []).map(toTuopinError), payload.data ?? null, requestId);
    }
    return payload.data as never;
  };

  return {
    async request(document, ...rest) {
      const variables = rest[0] ?? {};
      const request = rest[1] ?? {};
      const send = options.send ?? 'auto';
      const hash = send === 'document' ? undefined : document.__meta__?.hash;
      if (!hash) return post({ query: document.toString(), variables }, request);
      try {
        return await post({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }, request);
      } catch (error) {
        if (send !== 'auto' || !(error instanceof TuopinClientError) || error.code !== 'PERSISTED_QUERY_NOT_FOUND') throw error;
        return post({ query: document.toString(), variables }, request);
      }
    },
  };
}
