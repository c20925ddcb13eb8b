import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log.js';
import { logAccess } from '../observability/access-log.js';
import type { Metrics } from '../observability/metrics.js';
import { attachRequestRecord, type RequestRecord } from '../observability/request-record.js';
import { handleCors } from './cors.js';
import { GRAPHIQL_ASSET_PATH, serveGraphiqlAsset } from './graphiql/graphiql-assets.js';
import type { HttpConfig } from './http-config.js';
import { serveMetrics } from './metrics-endpoint.js';
import { assignRequestId } from './request-id.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface EdgeOptions {
  /** The authenticating gateway, which answers everything the edge does not. */
  gateway: Handler;
  http: HttpConfig;
  production: boolean;
  log: Logger;
  metrics: Metrics;
}

/**
 * What every request passes before the gateway, none of which needs a caller: its request id,
 * CORS (preflights carry no credentials, so they are answered here), GraphiQL's static assets
 * (outside production) and `/metrics` behind its own token. Every request is then counted in the
 * metrics and written to the access log when its response is done.
 */
export function createEdge(options: EdgeOptions): Handler {
  const corsOrigins = new Set(options.http.corsOrigins);
  return async (req, res) => {
    const record: RequestRecord = {
      requestId: assignRequestId(req, res),
      startedAt: process.hrtime.bigint(),
      operationName: null,
      principal: null,
      statements: 0,
      refusals: [],
      answeredDirectly: false,
    };
    // yoga builds the GraphQL context from the request's headers; it then carries the id we echo.
    req.headers['x-request-id'] = record.requestId;
    attachRequestRecord(req, record);
    const path = (req.url ?? '/').split('?')[0]!;
    res.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - record.startedAt) / 1e9;
      options.metrics.observe(record, res.statusCode, seconds);
      logAccess(options.log, record, { method: req.method ?? 'GET', path }, res.statusCode, seconds);
    });

    if (handleCors(corsOrigins, req, res)) return;
    if (!options.production && (req.method === 'GET' || req.method === 'HEAD') && path.startsWith(GRAPHIQL_ASSET_PATH)) {
      return serveGraphiqlAsset(path, { ifNoneMatch: req.headers['if-none-match'], acceptEncoding: req.headers['accept-encoding'] }, res);
    }
    const { token: metricsToken, port: metricsPort } = options.http.metrics;
    if (path === '/metrics' && metricsToken !== null && metricsPort === null) {
      return serveMetrics(options.metrics, res, { token: metricsToken, authorization: req.headers.authorization });
    }
    await options.gateway(req, res);
  };
}
