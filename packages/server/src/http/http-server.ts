import { createServer, type Server } from 'node:http';
import type { Logger } from '../log.js';
import type { TuopinApp } from './app.js';

export interface RunningServer {
  readonly server: Server;
  readonly port: number;
  /** Stops accepting connections and waits for requests in flight, at most `graceMs`. */
  drain(graceMs?: number): Promise<void>;
}

/** Serves the app over HTTP on `port` (0 picks a free one). */
export async function listen(app: TuopinApp, port: number, log: Logger): Promise<RunningServer> {
  const server = createServer(app);
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
