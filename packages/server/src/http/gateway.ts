import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Authenticator } from '../auth/authenticate.js';
import type { ApiLimits } from '../deployment-config.js';
import type { Logger } from '../log.js';
import { describeErrorForLog } from '../log-redaction.js';
import { requestRecordOf } from '../observability/request-record.js';
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE, isDatabaseUnavailable } from '../database/database-unavailable.js';
import type { ServerContext, TuopinApp } from './app.js';
import { createCallerLimits, principalKey, refusalError } from './caller-limits.js';
import { createTokenBuckets } from './rate-limiter.js';

/**
 * The edge of the server. Without credentials only /health and /ready answer (and, outside
 * production, the GraphiQL page, which holds no data); every GraphQL request is authenticated,
 * size-checked and limited here before the app sees it, so no resolver ever runs for an unknown
 * caller: failed authentications per client address, and per caller (the whole principal)
 * requests per minute, requests at once and server time per minute; the app spends each query's
 * estimated cost from the caller's budget (query-cost.ts).
 */
export function createGateway(options: {
  app: TuopinApp;
  authenticate: Authenticator;
  limits: ApiLimits;
  production: boolean;
  log: Logger;
  /** Whether the database answers (`/ready`). */
  ready: () => Promise<boolean>;
}) {
  const callers = createCallerLimits(options.limits);
  // Guessing credentials is limited by client address, before any credential is checked.
  const authFailures = createTokenBuckets(options.limits.authFailuresPerMinute);
  const serve = (req: IncomingMessage, res: ServerResponse, context: ServerContext) => options.app.requestListener(req, res, context);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = pathOf(req);
    // Answered here rather than by yoga plugins, which would test every /graphql request's URL against them.
    if (path === '/health') return answerStatus(res, 200);
    if (path === '/ready') return answerStatus(res, (await options.ready()) ? 200 : 503);
    if (path !== '/graphql') {
      return refuse(res, 404, 'NOT_FOUND', '只有 /graphql、/health 和 /ready', 'Only /graphql, /health and /ready are served');
    }
    const wantsPage = req.method === 'GET' && (req.headers.accept ?? '').includes('text/html') && !req.headers.authorization;
    if (wantsPage && !options.production) {
      await serve(req, res, { principal: null });
      return;
    }

    const length = req.headers['content-length'];
    if (req.method === 'POST' && length === undefined) {
      return refuse(res, 411, 'LENGTH_REQUIRED', '请求须带 Content-Length', 'Send the request with a Content-Length header');
    }
    if (Number(length ?? 0) > options.limits.maxBodyBytes) {
      return refuse(res, 413, 'PAYLOAD_TOO_LARGE', `请求体超过上限${options.limits.maxBodyBytes}字节`, `The request body is over the limit of ${options.limits.maxBodyBytes} bytes`, {
        limit: 'bodyBytes',
        actual: Number(length),
        maximum: options.limits.maxBodyBytes,
      });
    }

    const address = req.socket.remoteAddress ?? 'unknown';
    const guessing = authFailures.check(address);
    if (!guessing.allowed) {
      res.setHeader('retry-after', String(guessing.retryAfterSeconds));
      const maximum = options.limits.authFailuresPerMinute;
      return refuse(res, 429, 'RATE_LIMITED', `认证失败次数过多，每分钟上限${maximum}次，请稍后再试`, `Too many failed authentications from this address: the limit is ${maximum} a minute`, {
        limit: 'authFailuresPerMinute',
        maximum,
        retryAfterSeconds: guessing.retryAfterSeconds,
      });
    }

    let authentication: Awaited<ReturnType<Authenticator>>;
    try {
      authentication = await options.authenticate(req.headers.authorization);
    } catch (error) {
      // API keys are looked up in the database; without it no caller can be told apart.
      return refuseFailedCheck(res, error, options.log, requestRecordOf(req)?.requestId);
    }
    if (!authentication.ok) {
      authFailures.take(address);
      res.setHeader('www-authenticate', 'Bearer realm="tuopin"');
      return refuse(
        res,
        401,
        'UNAUTHENTICATED',
        `需要身份认证：请在请求头中发送 Authorization: Bearer <令牌或 API 密钥>（${authentication.reason}）`,
        `Authentication required: send "Authorization: Bearer <token or API key>" (${authentication.reason})`,
        { reason: authentication.reason },
      );
    }
    const key = principalKey(authentication.principal);
    const admission = callers.admit(key);
    if (!admission.admitted) {
      const { zh, en, details } = refusalError(admission.refusal);
      res.setHeader('retry-after', String(admission.refusal.retryAfterSeconds));
      return refuse(res, 429, 'RATE_LIMITED', zh, en, details);
    }
    try {
      await serve(req, res, { principal: authentication.principal, budget: admission });
    } finally {
      admission.done();
    }
  };
}

/** The path of a request's URL, without its query string. */
export function pathOf(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}

/** An empty answer with a status: `/health` (the process is up) and `/ready` (the database answers). */
function answerStatus(res: ServerResponse, status: number): void {
  res.statusCode = status;
  res.setHeader('cache-control', 'no-store');
  res.end();
}

/** A credential check that failed for want of the database (503, retry later) or unexpectedly (500, logged). */
function refuseFailedCheck(res: ServerResponse, error: unknown, log: Logger, requestId: string | undefined): void {
  const correlationId = randomUUID();
  const request = requestId === undefined ? {} : { requestId };
  if (isDatabaseUnavailable(error)) {
    log.warn('database unavailable', { correlationId, ...request, ...describeErrorForLog(error), during: 'authentication' });
    res.setHeader('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    return refuse(res, 503, DATABASE_UNAVAILABLE.code, DATABASE_UNAVAILABLE.messageZh, DATABASE_UNAVAILABLE.messageEn, { correlationId });
  }
  log.error('unexpected error', { correlationId, ...request, ...describeErrorForLog(error), during: 'authentication' });
  return refuse(res, 500, 'INTERNAL_SERVER_ERROR', `服务器内部错误，关联编号 ${correlationId}`, `Unexpected error; correlation id ${correlationId}`, { correlationId });
}

function refuse(res: ServerResponse, status: number, code: string, zh: string, en: string, extra: Record<string, unknown> = {}): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message: `${zh} / ${en}`, extensions: { code, messageZh: zh, messageEn: en, ...extra } }] }));
}
