import { setTimeout as sleep } from 'node:timers/promises';
import type { ServerProcess } from './server-process.js';

/**
 * Keeps the embedded PostgreSQL running: when the postmaster dies (killed, out of memory, a
 * crash), it is started again on the same port and data directory, retrying with a growing pause
 * while the old server's processes finish dying. The application's connection pool then opens new
 * connections to it, so the Node process recovers without a restart. An external database
 * (DATABASE_URL) is its operator's to restart; the pool reconnects to it the same way.
 */
export interface SupervisedServer {
  /** The server running now (or the one that died, until it has been replaced). */
  readonly current: ServerProcess;
  /** How many times the server has been restarted. */
  readonly restarts: number;
  /** To be called when the current server exits unexpectedly. */
  onUnexpectedExit(): void;
  /** Stops supervising and stops the server. */
  stop(): Promise<void>;
}

export interface SuperviseOptions {
  /** Spawns a new server; it calls `onUnexpectedExit` if it dies. */
  restart(onUnexpectedExit: () => void): ServerProcess;
  /** Resolves once a new server accepts connections; rejects if it cannot. */
  ready(server: ServerProcess): Promise<void>;
  /** Clears what a dead server left behind (its postmaster.pid). */
  beforeRestart(): Promise<void>;
  /** False: a dead server stays dead (the caller supervises, or nobody should). */
  enabled: boolean;
  note(line: string): void;
}

const FIRST_PAUSE_MS = 100;
const LONGEST_PAUSE_MS = 5_000;

export function superviseServer(first: ServerProcess, options: SuperviseOptions): SupervisedServer {
  let current = first;
  let restarts = 0;
  let stopped = false;
  let restarting: Promise<void> | undefined;

  const restartUntilRunning = async (): Promise<void> => {
    for (let pause = FIRST_PAUSE_MS; !stopped; pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
      await sleep(pause);
      if (stopped) return;
      try {
        await options.beforeRestart();
        current = options.restart(onUnexpectedExit);
        await options.ready(current);
        restarts++;
        options.note(`restarted PostgreSQL (pid ${current.pid}) after it died`);
        return;
      } catch (error) {
        await current.stop();
        options.note(`could not restart PostgreSQL yet (${(error as Error).message.split('\n')[0]}); trying again`);
      }
    }
  };

  function onUnexpectedExit(): void {
    // A server that dies while a restart is under way is that restart's to handle.
    if (!options.enabled || stopped || restarting) return;
    restarting = restartUntilRunning().finally(() => {
      restarting = undefined;
    });
  }

  return {
    get current() {
      return current;
    },
    get restarts() {
      return restarts;
    },
    onUnexpectedExit,
    async stop() {
      stopped = true;
      await restarting;
      await current.stop();
    },
  };
}
