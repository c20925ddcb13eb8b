import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../log.js';
import { describeErrorForLog } from '../log-redaction.js';
import { requestRecordOf } from '../observability/request-record.js';

export interface RunningServer {
  readonly server: Server;
  readonly port: number;
  /** Stops accepting connections and waits for requests in flight, at most `graceMs`. */
  drain(graceMs?: number): Promise<void>;
}

/** Serves a request handler over HTTP on `port` (0 picks a free one). */
export async function listen(handler: (req: IncomingMessage, res: ServerResponse) => unknown, port: number, log: Logger): Promise<RunningServer> {
  const server = createServer((req, res) => {
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      const correlationId = randomUUID();
      const requestId = requestRecordOf(req)?.requestId;
      log.error('request failed outside GraphQL', { correlationId, ...(requestId === undefined ? {} : { requestId }), ...describeErrorForLog(error) });
      if (res.headersSent) return void res.end();
      // Never an empty body: the client gets the same shape as every other error.
      res.statusCode = 500;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      const messageZh = `服务器内部错误，关联编号 ${correlationId}`;
      const messageEn = `Unexpected error; correlation id ${correlationId}`;
      res.end(JSON.stringify({ errors: [{ message: `${messageZh} / ${messageEn}`, extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId, messageZh, messageEn } }] }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    port: actualPort,
    drain: async (graceMs = 10_000) => {
      log.info('draining: no new connections; waiting for requests in flight');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive sockets would hold close() open; requests in flight finish first.
      server.closeIdleConnections();
      const timer = setTimeout(() => {
        log.warn('drain grace period over; closing remaining connections', { graceMs });
        server.closeAllConnections();
      }, graceMs);
      await closed;
      clearTimeout(timer);
    },
  };
}
