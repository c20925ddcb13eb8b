/** Picking and checking the loopback TCP port the cluster listens on. */
import net from 'node:net';

const HOST = '127.0.0.1';

/** Asks the kernel for a currently unused port on 127.0.0.1. */
export function pickFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Fails with a message naming the port when something already listens on it. PostgreSQL would
 * fail too, but with a less obvious "could not bind" buried in its log.
 */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`cannot start PostgreSQL on port ${port}: port ${port} on ${HOST} is already in use by another process`)
          : error,
      );
    });
    server.listen(port, HOST, () => server.close(() => resolve()));
  });
}
