import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AuditTrail, checkPluginSettings, IdempotentRequest, ReadLayer, type Platform, type ReadAuditWriter, type PlatformSettings, type Principal, type TuopinContext } from '@tuopin/core';
import { sendNodeResponse } from '@whatwg-node/server';
import { createYoga, type YogaServerInstance, type YogaServerOptions } from 'graphql-yoga';
import type { ApiLimits } from '../deployment-config.js';
import type { Logger } from '../log.js';
import type { Tenancy } from '../tenancy.js';
import { readAuditWriterOf, useAuditReads, type ReadRecordHandOver } from './audit-reads-plugin.js';
import { useDocumentLimits } from './document-limits.js';
import { useLazyEntityManager } from './lazy-entity-manager.js';
import { renderOfflineGraphiQL } from './graphiql/graphiql-page.js';
import { createErrorMasker, type ErrorMasker } from './mask-error.js';
import { useRequestErrorMasking } from './request-error-masking.js';
import { useRequestRecord } from '../observability/request-record-plugin.js';
import { requestRecordOf } from '../observability/request-record.js';
import { checkTrustedDocumentRoles, NO_TRUSTED_DOCUMENTS, useTrustedDocuments, type TrustedDocuments } from './trusted-documents.js';
import { useNameBadValues } from './name-bad-values.js';
import { useRefuseNulBytes } from './refuse-nul-bytes.js';
import { useQueryCost, type CostBudget } from './query-cost.js';
import { useCompiledExecution } from './compiled-execution.js';
import { mergeHooks } from './merged-hooks.js';
import { useValidationCache } from './validation-cache.js';
import { answerDirectly, directMediaType, directRequest, isJsonContentType, paramsOf, readNodeBody, type PlatformYoga } from './direct-json-post.js';
import { isPlainReply, responseOf, writePlainReply } from './plain-reply.js';

/** What the HTTP layer hands to each GraphQL request: the authenticated caller and its cost budget. */
export interface ServerContext {
  principal: Principal | null;
  /** The Node request, for requests served over HTTP (none in-process): its record (request-record.ts). */
  req?: IncomingMessage;
  /** The Node response, as yoga's own Node listener puts it beside the request. */
  res?: ServerResponse;
  /** Set by the gateway: the caller's budget, from which the request's estimated cost is spent. */
  budget?: CostBudget;
  /** Set on the direct path (direct-json-post.ts): where the read audit leaves the request's record for its response to wait on. */
  readRecordHandOver?: ReadRecordHandOver;
}

export interface AppOptions {
  orm: MikroORM;
  tenancy: Tenancy;
  settings: PlatformSettings;
  limits: ApiLimits;
  log: Logger;
  production: boolean;
  /** Registered operations, and the roles that may run nothing else; none by default. */
  trustedDocuments?: TrustedDocuments;
  /** Queries and mutations run compiled (graphql-jit); true unless turned off (`http.compiledExecution`). */
  compiledExecution?: boolean;
  /** Plain JSON posts skip yoga's HTTP adapter (direct-json-post.ts); true unless turned off, which tests do to compare the two paths. */
  directJsonPosts?: boolean;
}

/**
 * The GraphQL application behind the gateway: `/graphql` (GraphiQL outside production); the
 * gateway answers `/health` and `/ready` itself. Each caller is answered by their province's
 * platform: one yoga per distinct platform, each with its schema fixed, all built at start-up.
 *
 * One yoga per schema rather than one whose schema is chosen per request: yoga calls a schema
 * function on every request (copying the server context into a new object for it), and envelop
 * tells every plugin each time the schema differs from the previous request's. Parsing and
 * validation are cached per yoga, as they were per schema.
 */
export interface TuopinApp {
  /** Answers a Node request as the gateway's context says: its caller, and their budget. */
  requestListener(req: IncomingMessage, res: ServerResponse, context: ServerContext): Promise<void>;
  /** Answers a request in-process (tests), with the caller already authenticated. */
  fetch(url: string, init: RequestInit, context: ServerContext): Promise<Response>;
  /** The writer of every platform's read records (for the metrics). */
  readonly readAudit: ReadAuditWriter;
}

export function createApp(options: AppOptions): TuopinApp {
  // Plugins read their checked settings (pluginSettingsOf); `start` has checked them already, a test server has not.
  checkPluginSettings(options.tenancy.deployment.plugins, options.settings);
  checkTrustedDocumentRoles(options.trustedDocuments ?? NO_TRUSTED_DOCUMENTS);
  // One read layer per ORM, shared by every platform's yoga: it holds no per-request state, only the pool and the column lists.
  const db = new ReadLayer(options.orm.em);
  // One masker for the app: the direct path (a request that fails after its execution, a read record
  // not written), the request-id plugin and yoga's own masking all decide alike.
  const mask = createErrorMasker(options.log);
  const yogas = new Map<Platform, PlatformYoga>();
  for (const platform of options.tenancy.distinct) {
    yogas.set(platform, createYoga<ServerContext, TuopinContext>(appConfig(options, appPlugins(options, mask).flatMap((part) => part.plugins), platform, db, mask)));
  }
  const direct = options.directJsonPosts !== false;
  const yogaFor = (principal: Principal | null): PlatformYoga => {
    // Without a caller (GraphiQL's page outside production): every enabled plugin's schema.
    const yoga = yogas.get(principal ? options.tenancy.platformFor(principal) : options.tenancy.deployment);
    if (!yoga) throw new Error('the tenancy answered a caller with a platform it did not list among its distinct platforms');
    return yoga;
  };
  return {
    requestListener: (req, res, context) => serveNodeRequest(yogaFor(context.principal), req, res, context, direct, mask),
    fetch: (url, init, context) => serveFetch(yogaFor(context.principal), url, init, context, direct, mask),
    readAudit: readAuditWriterOf(db),
  };
}

/**
 * What yoga's own Node listener does, with the server context made once (the object the listener
 * would otherwise merge, property by property, with one holding the request and the response, on
 * every request), and plain JSON posts answered by the direct path.
 */
async function serveNodeRequest(yoga: PlatformYoga, req: IncomingMessage, res: ServerResponse, context: ServerContext, direct: boolean, mask: ErrorMasker): Promise<void> {
  // A plain JSON post takes the direct path (direct-json-post.ts); everything else, and what it hands back, yoga's full handler.
  const mediaType = direct && req.method === 'POST' && isJsonContentType(req.headers['content-type']) ? directMediaType(req.headers.accept) : null;
  if (mediaType !== null) {
    const body = await readNodeBody(req);
    if (body === null) return void res.destroy(); // the client went away: nobody to answer
    // yoga takes a body already read from `req.body`, as it does from frameworks that read bodies.
    (req as IncomingMessage & { body?: Buffer }).body = body;
    const params = paramsOf(body.toString('utf8'));
    // The server context inline, in no variable: while the response waits for its read record, nothing here holds it (answerDirectly says why).
    const reply = params && (await answerDirectly(yoga, params, directRequest(req, yoga.fetchAPI), { req, res, ...context }, mediaType, mask));
    if (reply && isPlainReply(reply)) return writePlainReply(reply, res);
    // `true`: the headers written with one writeHead, as yoga's own listener does by default.
    if (reply) return sendNodeResponse(reply, res, req, true);
  }
  // A context of its own: a direct attempt that handed the request back may have written to its one.
  const serverContext = { req, res, ...context };
  const response = await yoga.handleNodeRequestAndResponse(req, res, serverContext);
  await sendNodeResponse(response, res, req, true);
}

/** The in-process twin of serveNodeRequest (tests), with the same choice of path. */
async function serveFetch(yoga: PlatformYoga, url: string, init: RequestInit, context: ServerContext, direct: boolean, mask: ErrorMasker): Promise<Response> {
  const headers = new Headers(init.headers);
  const mediaType = direct && init.method === 'POST' && typeof init.body === 'string' && isJsonContentType(headers.get('content-type')) ? directMediaType(headers.get('accept')) : null;
  const params = mediaType === null ? null : paramsOf(init.body as string);
  const reply = params && (await answerDirectly(yoga, params, new yoga.fetchAPI.Request(url, init), { ...context }, mediaType!, mask));
  return reply ? responseOf(reply, yoga.fetchAPI) : yoga.fetch(url, init, context);
}

/** One part of the app's request pipeline, named for the HTTP floor measurement (test/bench/floor). */
export interface AppPart {
  readonly name: string;
  readonly plugins: readonly AppPlugin[];
}

/** A yoga plugin of the app, whatever context it reads. */
export type AppPlugin = NonNullable<YogaServerOptions<ServerContext, TuopinContext>['plugins']>[number];

/** The app's yoga plugins, in the order they run, in named parts (`mask`: the app's, or one of their own for the floor's layers). */
export function appPlugins(options: AppOptions, mask: ErrorMasker = createErrorMasker(options.log)): AppPart[] {
  return [
    { name: 'lazy entity manager', plugins: [useLazyEntityManager(options.orm)] },
    { name: 'document limits', plugins: [useDocumentLimits(options.limits)] },
    // Input no resolver can use: NUL characters, and values a scalar or enum refuses, named by field.
    // (One part, under its old name, so the bench's table of parts — test/bench/floor/layers.ts — still fits.)
    { name: 'NUL-byte refusal', plugins: [useRefuseNulBytes(), useNameBadValues()] },
    { name: 'query cost: limits and budget', plugins: [useQueryCost()] },
    { name: 'read audit', plugins: [useAuditReads()] },
    { name: 'request record', plugins: [useRequestRecord()] },
    { name: 'masked errors with the request id', plugins: [useRequestErrorMasking(mask)] },
    { name: 'trusted documents', plugins: [useTrustedDocuments(options.trustedDocuments ?? NO_TRUSTED_DOCUMENTS)] },
    // Queries and mutations run as functions compiled once per schema, document and operation.
    { name: 'compiled execution', plugins: options.compiledExecution === false ? [] : [useCompiledExecution()] },
  ];
}

/** yoga's configuration of the app for one platform, with the given plugins (all of appPlugins in production). */
export function appConfig(
  options: AppOptions,
  plugins: readonly AppPlugin[],
  platform: Platform,
  db: ReadLayer,
  mask: ErrorMasker = createErrorMasker(options.log),
): YogaServerOptions<ServerContext, TuopinContext> {
  return {
    schema: platform.schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    // The gateway refuses a body without Content-Length or over `limits.maxBodyBytes` before yoga
    // reads it, and Node holds a body to its Content-Length; yoga's own limit would pipe every
    // body through a counting stream (a tenth of a small request's CPU).
    maxRequestBodySize: false,
    // No operation takes a file.
    multipart: false,
    graphiql: options.production ? false : { title: 'tuopin 脱贫 GraphQL' },
    renderGraphiQL: renderOfflineGraphiQL,
    // The edge answers CORS by the configured allowlist; yoga's default would echo any origin.
    cors: false,
    // Errors of an execution are masked first by useRequestErrorMasking, with the request's id for the log; this masks the rest.
    // yoga passes its default message as the second argument, which is not a request id: hence the arrow.
    maskedErrors: { maskError: (error) => mask(error) },
    logging: false,
    context: ({ principal, request, req }) => {
      // The gateway authenticates every /graphql request; reaching here without a caller is a bug.
      if (!principal) throw new Error('a GraphQL request reached the app without an authenticated principal');
      // `em` is added by useLazyEntityManager: forked on first use, not for every request.
      const idempotencyKey = request.headers.get('idempotency-key');
      return {
        ...(idempotencyKey === null ? {} : { idempotency: new IdempotentRequest(idempotencyKey) }),
        principal,
        // The request's view of the read layer: its statements count in the request's record (in-process requests have none).
        db: db.forRequest(requestRecordOf(req) ?? { statements: 0 }),
        plugins: platform.plugins,
        settings: options.settings,
        requestId: request.headers.get('x-request-id') ?? randomUUID(),
        audit: new AuditTrail(),
      } as Omit<TuopinContext, 'em'> as TuopinContext;
    },
    // yoga caches parsed documents by their text; validation results are cached by our plugin (validation-cache.ts says why).
    parserAndValidationCache: { validationCache: false },
    // Our onParams and onExecute hooks run as one hook each: yoga's per-hook machinery, not our checks, was most of their cost.
    // The validation cache comes last, after every plugin that could add a validation rule.
    plugins: [...mergeHooks(plugins), useValidationCache()],
  };
}
