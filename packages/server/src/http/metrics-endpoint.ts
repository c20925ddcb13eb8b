import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log.js';
import type { Metrics } from '../observability/metrics.js';
import { listen, type RunningServer } from './http-server.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Writes the Prometheus text format. With `token`, only `Authorization: Bearer <token>` reads it
 * (compared in constant time); without, the caller is trusted (the metrics port is private).
 */
export async function serveMetrics(metrics: Metrics, res: ServerResponse, access: { token: string; authorization: string | undefined } | null): Promise<void> {
  if (access && !timingSafeEqual(digest(access.authorization ?? ''), digest(`Bearer ${access.token}`))) {
    res.statusCode = 401;
    res.setHeader('www-authenticate', 'Bearer realm="tuopin-metrics"');
    res.end();
    return;
  }
  res.statusCode = 200;
  res.setHeader('content-type', metrics.registry.contentType);
  res.end(await metrics.registry.metrics());
}

/**
 * `/metrics` on a port of its own (`http.metrics.port`), which only the monitoring network should
 * reach; behind the token as well when one is configured.
 */
export function listenForMetrics(metrics: Metrics, config: { port: number; token: string | null }, log: Logger): Promise<RunningServer> {
  return listen(
    async (req: IncomingMessage, res: ServerResponse) => {
      if ((req.url ?? '/').split('?')[0] !== '/metrics') {
        res.statusCode = 404;
        res.end();
        return;
      }
      await serveMetrics(metrics, res, config.token === null ? null : { token: config.token, authorization: req.headers.authorization });
    },
    config.port,
    log,
  );
}
