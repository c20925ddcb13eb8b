import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { describeExit, type ServerProcess } from './server-process.js';

export const HOST = '127.0.0.1';
const STARTUP_TIMEOUT_MS = 30_000;

export interface ReadyTarget {
  port: number;
  user: string;
  /** Passwords to try, in order; the first the server accepts is returned. */
  passwords: readonly string[];
  dataDir: string;
}

/**
 * Polls with real connections until the server answers, it exits, or the startup timeout passes.
 * Returns the password that was accepted.
 */
export async function waitUntilReady(server: ServerProcess, target: ReadyTarget): Promise<string> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  const failure = (reason: string): Error => new Error(`${reason}\nLast PostgreSQL log lines:\n${server.tail.join('\n') || '(none)'}`);
  let lastError: Error | undefined;

  for (;;) {
    if (server.exit) throw failure(`PostgreSQL exited during startup (${describeExit(server.exit)})`);
    if (Date.now() > deadline) {
      throw failure(
        `PostgreSQL did not accept connections on ${HOST}:${target.port} within ${STARTUP_TIMEOUT_MS / 1000} s` +
          (lastError ? ` (last error: ${lastError.message})` : ''),
      );
    }
    let rejected = 0;
    for (const password of target.passwords) {
      const outcome = await tryConnect(target, password);
      if (outcome === 'ok') return password;
      if (outcome.message.startsWith(`port ${target.port} is served by another`)) throw failure(outcome.message);
      lastError = outcome;
      const code = (outcome as { code?: string }).code;
      if (code !== '28P01' && code !== '28000') break; // not accepting connections yet
      rejected++;
    }
    if (rejected === target.passwords.length) {
      throw failure(
        `the cluster in ${target.dataDir} rejected user "${target.user}" with the configured password; ` +
          `it was probably initialised with other credentials (${lastError!.message})`,
      );
    }
    await sleep(100);
  }
}

async function tryConnect(target: ReadyTarget, password: string): Promise<'ok' | Error> {
  const client = new pg.Client({
    host: HOST,
    port: target.port,
    user: target.user,
    password,
    database: 'postgres',
    ssl: false, // explicit, so a PGSSLMODE in the environment cannot get in the way
    connectionTimeoutMillis: 2_000,
  });
  client.on('error', () => {}); // errors surface through connect()/query() below
  try {
    await client.connect();
    // Make sure we reached *our* server, not another one that owns the port.
    const { rows } = await client.query<{ data_directory: string }>('SHOW data_directory');
    if (rows[0]?.data_directory !== target.dataDir) {
      return new Error(`port ${target.port} is served by another PostgreSQL (data directory ${rows[0]?.data_directory})`);
    }
    return 'ok';
  } catch (error) {
    return error as Error;
  } finally {
    await client.end().catch(() => {});
  }
}
