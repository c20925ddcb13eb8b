import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleCors } from './cors.js';
import { GRAPHIQL_ASSET_PATH, serveGraphiqlAsset } from './graphiql/graphiql-assets.js';
import type { HttpConfig } from './http-config.js';
import { assignRequestId } from './request-id.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface EdgeOptions {
  /** The authenticating gateway, which answers everything the edge does not. */
  gateway: Handler;
  http: HttpConfig;
  production: boolean;
}

/**
 * What every request passes before the gateway, none of which needs a caller: its request id,
 * CORS (preflights carry no credentials, so they are answered here) and GraphiQL's static assets
 * (outside production).
 */
export function createEdge(options: EdgeOptions): Handler {
  const corsOrigins = new Set(options.http.corsOrigins);
  return async (req, res) => {
    const requestId = assignRequestId(req, res);
    // yoga builds the GraphQL context from the request's headers; it then carries the id we echo.
    req.headers['x-request-id'] = requestId;
    if (handleCors(corsOrigins, req, res)) return;
    const path = (req.url ?? '/').split('?')[0]!;
    if (!options.production && req.method === 'GET' && path.startsWith(GRAPHIQL_ASSET_PATH)) {
      return serveGraphiqlAsset(path, req.headers['if-none-match'], res);
    }
    await options.gateway(req, res);
  };
}
