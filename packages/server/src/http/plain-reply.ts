import type { ServerResponse } from 'node:http';
import type { ExecutionResult } from 'graphql';
import { processRegularResult } from 'graphql-yoga';
import type { DirectMediaType, PlatformYoga } from './direct-json-post.js';

/**
 * A result's answer on the direct path (direct-json-post.ts) without a Fetch `Response` in
 * between, where yoga's answer is fully decided by the result: no errors and no `extensions.http`.
 * Then yoga's `processRegularResult` gives status 200, the media type with `charset=utf-8`, and
 * the result as JSON (`result.stringify` when the executor supplied one, as yoga's stringifier
 * takes it). Every other result is yoga's own `Response`.
 *
 * Why: the `Response` made the answer's text pass through whatwg-node's body and header objects
 * (its byte length taken twice) and then `sendNodeResponse`, which writes the text and ends the
 * response in two calls. A plain reply is one `writeHead` and one `end` on Node's response, the
 * way the raw floor answers. `test/server/direct-json-post.test.ts` compares both paths' answers,
 * byte for byte.
 */
export interface PlainReply {
  readonly kind: 'plain';
  readonly contentType: string;
  readonly body: string;
}

/** A direct answer's reply: plain where yoga's answer is decided by the result alone, otherwise yoga's `Response`. */
export type DirectReply = PlainReply | Response;

/** The reply yoga's regular result processor would give `result`, as a plain reply where it can be one. */
export function replyTo(result: unknown, yoga: PlatformYoga, mediaType: DirectMediaType): DirectReply {
  const regular = result as ExecutionResult & { stringify?: (value: unknown) => string };
  if (isPlainResult(regular)) {
    const stringify = regular.stringify ?? JSON.stringify;
    return { kind: 'plain', contentType: `${mediaType}; charset=utf-8`, body: stringify(regular) };
  }
  return processRegularResult(result as never, yoga.fetchAPI, mediaType) as Response;
}

function isPlainResult(result: ExecutionResult | null | undefined): boolean {
  if (typeof result !== 'object' || result === null || Array.isArray(result) || Symbol.asyncIterator in result) return false;
  return !result.errors?.length && !(result.extensions as { http?: unknown } | undefined)?.http;
}

export function isPlainReply(reply: DirectReply): reply is PlainReply {
  return (reply as PlainReply).kind === 'plain';
}

/** Writes a plain reply as yoga's Node adapter writes the same answer: status 200, its media type and length, the text's bytes. */
export function writePlainReply(reply: PlainReply, res: ServerResponse): void {
  // As sendNodeResponse: a response the client has closed, or one already ended, is left alone.
  if (res.closed || res.destroyed || res.writableEnded) return;
  // Bytes, not the text: Node prepends the head to a text body, copying the whole answer once
  // more before encoding it, and the length would be one more pass over it. The bytes go out
  // beside the head in one write.
  const bytes = Buffer.from(reply.body, 'utf8');
  res.writeHead(200, { 'Content-Type': reply.contentType, 'content-length': String(bytes.length) });
  res.end(bytes);
}

/** The Fetch `Response` of a reply, for the in-process path (tests). */
export function responseOf(reply: DirectReply, fetchAPI: PlatformYoga['fetchAPI']): Response {
  if (!isPlainReply(reply)) return reply;
  return new fetchAPI.Response(reply.body, { status: 200, headers: { 'Content-Type': reply.contentType } });
}
