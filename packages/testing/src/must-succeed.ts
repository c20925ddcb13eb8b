import { TYPED_ERRORS } from '@tuopin/core';
import type { ExecutionResult } from 'graphql';

/** The `__typename`s of the typed errors every mutation's result union holds. */
const ERROR_TYPENAMES: ReadonlySet<string> = new Set(TYPED_ERRORS.map((error) => error.name));

/** A mutation result without its typed errors (every typed error's name ends in `Error`): the payload. */
export type PayloadOf<Result> = Exclude<NonNullable<Result>, { __typename: `${string}Error` }>;

/** What `HttpTestServer.post` returns: the HTTP status and the parsed JSON body. */
export interface HttpResponseOf<Body> {
  status: number;
  body: Body;
}

/**
 * Checks a setup mutation's result and returns its payload, so that a test cannot pass when its
 * setup failed. Give it the mutation field's value (the union of payload and typed errors), the
 * whole response of a one-field mutation, or an HTTP test server's response to one (then the
 * status must be 200 too). It fails the test, with the error's code, field and messages as far
 * as the document selects them, when the response carries GraphQL errors, when the result is a
 * typed error, or when the document does not select `__typename` (without it a typed error
 * cannot be told from the payload).
 *
 * @example
 * const { household } = mustSucceed(await server.execute(RegisterHousehold, { input }));
 * mustSucceed((await server.execute(UpdateHousehold, { input })).data?.updateHousehold);
 * const { apiKey } = mustSucceed(await server.post({ query: CREATE_KEY, variables }, headers));
 */
export function mustSucceed<Body>(response: HttpResponseOf<Body>): any;
export function mustSucceed<Data extends Record<string, unknown>>(response: ExecutionResult<Data>): PayloadOf<Data[keyof Data]>;
export function mustSucceed<Result extends { __typename?: string }>(result: Result | null | undefined): PayloadOf<Result>;
export function mustSucceed(value: unknown): unknown {
  const response = isHttpResponse(value) ? bodyOf(value) : value;
  const result = isExecutionResult(response) ? onlyField(response) : response;
  if (result === null || typeof result !== 'object') throw new Error(`setup mutation returned no result: ${JSON.stringify(value)}`);
  const typename = (result as { __typename?: unknown }).__typename;
  if (typeof typename !== 'string') throw new Error('setup mutation: select __typename in the document, so that its result can be checked');
  if (ERROR_TYPENAMES.has(typename)) throw new Error(`setup mutation failed: ${describeError(typename, result as Record<string, unknown>)}`);
  return result;
}

function isHttpResponse(value: unknown): value is HttpResponseOf<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { status?: unknown }).status === 'number' && 'body' in value;
}

function bodyOf(response: HttpResponseOf<unknown>): unknown {
  if (response.status !== 200) throw new Error(`setup request failed with HTTP status ${response.status}: ${JSON.stringify(response.body).slice(0, 500)}`);
  return response.body;
}

function isExecutionResult(value: unknown): value is ExecutionResult<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !('__typename' in value) && ('data' in value || 'errors' in value);
}

function onlyField(response: ExecutionResult<Record<string, unknown>>): unknown {
  if (response.errors?.length) throw new Error(`setup mutation failed with GraphQL errors: ${response.errors.map((error) => error.message).join('; ')}`);
  const fields = Object.keys(response.data ?? {});
  if (fields.length !== 1) throw new Error(`mustSucceed takes a response with one mutation field, got ${fields.length} (${fields.join(', ')}); pass the field's value instead`);
  return response.data![fields[0]];
}

function describeError(typename: string, error: Record<string, unknown>): string {
  const parts = [typename];
  if (error.code !== undefined) parts.push(`code ${String(error.code)}`);
  if (error.field !== undefined && error.field !== null) parts.push(`field ${String(error.field)}`);
  for (const key of ['message', 'messageZh', 'messageEn']) if (error[key] !== undefined) parts.push(String(error[key]));
  if (Array.isArray(error.issues)) parts.push(...error.issues.map((issue: Record<string, unknown>) => `${String(issue.field)}: ${String(issue.messageZh ?? '')} ${String(issue.messageEn ?? '')}`.trim()));
  if (parts.length === 1) parts.push('(select code, field and message on the errors to see why)');
  return parts.join(' — ');
}
