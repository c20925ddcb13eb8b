import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { TuopinContext } from '@tuopin/core';
import { normalizeNodeRequest } from '@whatwg-node/server';
import type { ExecutionResult, GraphQLError } from 'graphql';
import { processRegularResult, type GraphQLParams, type YogaServerInstance } from 'graphql-yoga';
import { recordRefusals } from '../observability/request-record-plugin.js';
import { requestRecordOf } from '../observability/request-record.js';
import type { ServerContext } from './app.js';
import type { ReadRecordHandOver } from './audit-reads-plugin.js';
import type { ErrorMasker } from './mask-error.js';
import { replyTo, type DirectReply } from './plain-reply.js';

/**
 * The direct path for the request almost every client sends: a POST of one JSON object
 * (`query`, `variables`, `operationName`, `extensions`) from a client that takes a JSON answer.
 *
 * yoga answers it in three stages. Its server adapter turns the Node request into a Fetch
 * `Request` and runs the `onRequest` hooks; its request parsers, one hook each, find the one for
 * JSON and read the body; its result processors choose the answer's media type by `Accept`.
 * Between the second and the third, `getResultForParams` does the GraphQL work: the `onParams`
 * hooks (yoga's check of the params, our trusted documents and request record), envelop with our
 * plugins, execution, error masking. The first and last stages were two fifths of what a
 * `{ __typename }` request allocated (session 35), the hook machinery most of it.
 *
 * Here the body is read and parsed once, `getResultForParams` runs as yoga runs it, and the
 * result is made into the answer yoga's own `processRegularResult` gives, with the media type
 * yoga's processors would have chosen (`directMediaType`): a plain reply where the result alone
 * decides it (plain-reply.ts), yoga's `Response` otherwise. Everything else goes to yoga's full
 * handler, unchanged: another method or content type, an `Accept` that asks for something else, a
 * body that is not one JSON object, and a request whose `onParams` hooks throw (bad params, a
 * trusted-documents refusal: nothing has run yet) is answered again by yoga with the body already
 * read, so that its error is yoga's own. Our schemas define no subscriptions and no `@defer`, so
 * a result here is never a stream. `test/server/direct-json-post.test.ts` compares the two paths
 * answer by answer.
 */

/** One platform's yoga, as app.ts builds it. */
export type PlatformYoga = YogaServerInstance<ServerContext, TuopinContext>;

/** The two media types of yoga's regular result processor. */
export type DirectMediaType = 'application/graphql-response+json' | 'application/json';

const REGULAR_MEDIA_TYPES: readonly DirectMediaType[] = ['application/graphql-response+json', 'application/json'];

/**
 * The media type yoga would answer a single (not streamed) result with, when its regular
 * processor is the one chosen; null when another (server-sent events, multipart) or none would be.
 * As yoga's processors choose: entries with a charset other than utf-8 are skipped; the regular
 * processor, tried last, wins whenever any entry matches it, with the media type of the first
 * such entry, `application/json` where that entry covers both (`*\/*`, `application/*`).
 */
export function directMediaType(accept: string | null | undefined): DirectMediaType | null {
  const entries = (accept || '*/*').replace(/\s/g, '').toLowerCase().split(',');
  for (const entry of entries) {
    const [mediaType = '', ...parameters] = entry.split(';');
    const charset = parameters.find((parameter) => parameter.includes('charset=')) ?? 'charset=utf-8';
    if (charset !== 'charset=utf-8') continue;
    let chosen: DirectMediaType | null = null;
    for (const candidate of REGULAR_MEDIA_TYPES) if (mediaTypeMatches(candidate, mediaType)) chosen = candidate;
    if (chosen) return chosen;
  }
  return null;
}

/** Whether `asked` (which may hold `*`) covers the processor's `offered` media type. */
function mediaTypeMatches(offered: string, asked: string): boolean {
  const [offeredType, offeredSubtype] = offered.split('/');
  const [askedType, askedSubtype] = asked.split('/');
  return (askedType === '*' || askedType === offeredType) && (askedSubtype === '*' || askedSubtype === offeredSubtype);
}

/** yoga's JSON request parser takes `application/json` exactly (case and all), with or without parameters. */
export function isJsonContentType(contentType: string | null | undefined): boolean {
  const first = contentType?.split(',')[0];
  return first === 'application/json' || first?.startsWith('application/json;') === true;
}

/** The params of a body that is one JSON object; null for anything else (invalid JSON, a batch, a scalar), which yoga answers. */
export function paramsOf(body: string): GraphQLParams | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as GraphQLParams) : null;
}

/**
 * The answer to these params as yoga gives it, or null when an `onParams` hook threw: the caller
 * then hands the request, body and all, to yoga's full handler.
 *
 * A request whose reads are recorded has its response made first and waits for its record after,
 * holding nothing but the response (`ReadRecordHandOver`): not the result, and not the request's
 * context, on which its loaders, rows and entity manager hang. So this function is not async and
 * keeps no reference to `serverContext` (which yoga makes the request's context) past the
 * execution, and the caller passes it without keeping it in a variable of its own.
 *
 * A record that could not be written fails the request: its response is dropped, and the answer is
 * the failure, masked by `mask` as yoga's own handling would mask it (the same body, an unexpected
 * error with a correlation id), so no response carries personal data whose read is not on record.
 * The request is not handed to yoga then: that would run its operation a second time, a
 * mutation's writes included.
 */
export function answerDirectly(
  yoga: PlatformYoga,
  params: GraphQLParams,
  request: Request,
  serverContext: ServerContext,
  mediaType: DirectMediaType,
  mask: ErrorMasker,
): Promise<DirectReply | null> {
  const req = serverContext.req;
  return executeDirectly(yoga, params, request, serverContext, mediaType).then((answer) => {
    if (!answer) return null;
    const record = answer.readRecord;
    if (!record?.written) return respond(answer, req);
    return record.written.then(
      () => respond(answer, req),
      (error: unknown) => respond(failureAnswer(yoga, mask(error, record.requestId), mediaType), req),
    );
  });
}

/** The answer to a request that failed after its execution: the masked error alone, no data. */
function failureAnswer(yoga: PlatformYoga, error: Error, mediaType: DirectMediaType): DirectAnswer {
  const errors = [error as GraphQLError];
  return { reply: processRegularResult({ errors } as never, yoga.fetchAPI, mediaType) as Response, errors };
}

/** A result's reply, its errors for the request record, and the read record it must wait for: all that is kept of an execution. */
interface DirectAnswer {
  reply: DirectReply;
  errors?: ExecutionResult['errors'];
  readRecord?: ReadRecordHandOver;
}

async function executeDirectly(yoga: PlatformYoga, params: GraphQLParams, request: Request, serverContext: ServerContext, mediaType: DirectMediaType): Promise<DirectAnswer | null> {
  const handOver: ReadRecordHandOver = {};
  serverContext.readRecordHandOver = handOver;
  let result: unknown;
  try {
    result = await yoga.getResultForParams({ params, request }, serverContext);
  } catch {
    return null;
  }
  // The answer, its text and all, is made synchronously, as yoga's regular processor makes it.
  return { reply: replyTo(result, yoga, mediaType), errors: (result as ExecutionResult).errors, readRecord: handOver };
}

function respond(answer: DirectAnswer, req: IncomingMessage | undefined): DirectReply {
  // What yoga's result processing would have told the request record (our onResultProcess hook).
  const record = requestRecordOf(req);
  recordRefusals(answer, record);
  if (record) record.answeredDirectly = true;
  return answer.reply;
}

/**
 * The Fetch request yoga's hooks see on the direct path: the URL, method and headers yoga's adapter
 * (`normalizeNodeRequest`) would give them, without its two costs. The adapter makes an
 * AbortController for every request (to abort it when the response closes, when it is given the
 * response): making its signal was an eighth of a `{ __typename }` request's CPU (session 36's
 * profile), and its peak memory fell by half without it. And with the body already on
 * `req.body` it takes `Object.keys` of the Buffer, a string per byte, to tell a parsed body from a
 * raw one. Here the params are parsed already, so the request carries no body, and nothing on this
 * path reads `request.signal` (yoga's execution cancellation is not enabled): the request's own
 * getter makes a signal on first read, which never aborts.
 */
export function directRequest(req: IncomingMessage, fetchAPI: PlatformYoga['fetchAPI']): Request {
  // Without a Host header (HTTP/1.0) the adapter's URL comes from the socket's address: its rule, not a copy of it.
  if (req.headers.host === undefined) return normalizeNodeRequest(req, fetchAPI);
  const protocol = (req.socket as TLSSocket | undefined)?.encrypted ? 'https' : 'http';
  return new fetchAPI.Request(`${protocol}://${req.headers.host}${req.url ?? '/graphql'}`, {
    method: 'POST',
    headers: req.headers as Record<string, string>,
  });
}

/** The whole body of a Node request, or null when the client went away before sending it. */
export function readNodeBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.once('error', () => resolve(null));
    req.once('close', () => resolve(null)); // after 'end' this changes nothing: a promise settles once
  });
}
