/**
 * The HTTP floor, one layer at a time: bare yoga, then our app with its plugins added one by
 * one, then the gateway (authentication, per-caller limits) and the edge (request id, CORS,
 * metrics, access log). Each layer is the previous one plus one part, built from the server's
 * own factories, so the table's differences are what each part costs on `{ __typename }`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ReadLayer, type Principal } from '@tuopin/core';
import type { createOrm } from '@tuopin/server';
import { createSchema, createYoga } from 'graphql-yoga';
import { ApiKeyCache } from '../../../packages/server/src/auth/api-key-cache.js';
import { createAuthenticator } from '../../../packages/server/src/auth/authenticate.js';
import { createJwtVerifier } from '../../../packages/server/src/auth/jwt.js';
import { cacheVerifiedTokens } from '../../../packages/server/src/auth/verified-token-cache.js';
import type { ServerConfig } from '../../../packages/server/src/config.js';
import { appConfig, appPlugins, createApp, type AppOptions, type ServerContext } from '../../../packages/server/src/http/app.js';
import { assembleServer } from '../../../packages/server/src/http/assemble.js';
import { createGateway } from '../../../packages/server/src/http/gateway.js';
import type { Logger } from '../../../packages/server/src/log.js';
import type { Tenancy } from '../../../packages/server/src/tenancy.js';

export type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

/** What a layer is built from: the server's configuration, its ORM and its logger. */
export interface LayerInput {
  config: ServerConfig;
  tenancy: Tenancy;
  orm: Awaited<ReturnType<typeof createOrm>>;
  log: Logger;
}

/** The caller of the layers below the gateway (the gateway authenticates the bench's token instead). */
const NATIONAL_ADMIN: Principal = { id: 'bench:national-admin', role: 'NATIONAL_ADMIN', areaScopes: [''], provinceCode: null };

/** Names of the app's plugin parts, in order, without building anything (for the table's rows). */
export const APP_PART_NAMES = [
  'lazy entity manager',
  'document limits',
  'NUL-byte refusal',
  'query cost: limits and budget',
  'read audit',
  'request record',
  'masked errors with the request id',
  'trusted documents',
  'compiled execution',
] as const;

/** Every layer the floor measures in-process, bottom up. `start` and the peer are separate processes. */
export const LAYERS = [
  'yoga alone, its defaults',
  'yoga alone, as the app sets it',
  'tuopin schema, context, error masking',
  ...APP_PART_NAMES.map((name) => `+ ${name}`),
  // The app as createApp serves it: plain JSON posts without yoga's HTTP adapter (direct-json-post.ts).
  '+ direct path for JSON posts',
  '+ gateway',
  '+ edge',
] as const;

function appOptions(input: LayerInput): AppOptions {
  const { config, tenancy, orm, log } = input;
  return { orm, tenancy, settings: config.settings, limits: config.limits, log, production: true, trustedDocuments: config.http.trustedDocuments };
}

/** The request handler of layer `index` of LAYERS. */
export async function buildLayer(index: number, input: LayerInput): Promise<Handler> {
  if (index <= 1) {
    // A schema of one field, production mode: what yoga itself costs. With its defaults a body is
    // piped through a web TransformStream that counts its bytes (maxRequestBodySize), whose objects
    // outlive a minor GC; the app turns that off, and CORS and multipart, as appConfig does.
    const asTheAppSetsIt = index === 1 ? { maxRequestBodySize: false as const, multipart: false, cors: false } : {};
    return createYoga({ schema: createSchema({ typeDefs: 'type Query { ok: Boolean }' }), logging: false, graphiql: false, landingPage: false, ...asTheAppSetsIt });
  }
  const options = appOptions(input);
  const parts = index - 2; // layer 2 has none of the app's parts, layer 3 the first, …
  if (parts <= APP_PART_NAMES.length) {
    const all = appPlugins(options);
    if (all.map((part) => part.name).join() !== APP_PART_NAMES.join()) {
      throw new Error(`the app's parts changed (${all.map((part) => part.name).join(', ')}): update APP_PART_NAMES in floor/layers.ts`);
    }
    const plugins = all.slice(0, parts).flatMap((part) => part.plugins);
    // The bench's caller is national: the deployment's platform answers him, as in the app.
    const yoga = createYoga<ServerContext>(appConfig(options, plugins, input.tenancy.deployment, new ReadLayer(input.orm.em)) as never);
    // What the gateway would hand over: the caller, and a budget that never refuses.
    const context: ServerContext = { principal: NATIONAL_ADMIN, budget: { spendCost: () => null } };
    const listener = yoga.requestListener as unknown as (req: IncomingMessage, res: ServerResponse, ctx: ServerContext) => Promise<void>;
    return (req, res) => listener(req, res, context);
  }
  const { config, orm, log } = input;
  if (LAYERS[index] === '+ direct path for JSON posts') {
    const app = createApp(options);
    return (req, res) => app.requestListener(req, res, { principal: NATIONAL_ADMIN, budget: { spendCost: () => null } });
  }
  if (LAYERS[index] === '+ gateway') {
    const authenticate = createAuthenticator({ verifyJwt: cacheVerifiedTokens(await createJwtVerifier(config.auth.jwt)), orm, apiKeys: new ApiKeyCache() });
    return createGateway({ app: createApp(options), authenticate, limits: config.limits, production: true, log, ready: async () => true });
  }
  const assembled = await assembleServer({ orm, tenancy: input.tenancy, settings: config.settings, limits: config.limits, auth: config.auth, production: true, log, http: config.http });
  return assembled.gateway;
}
