import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { BatchedDestination, type LineSink } from './batched-destination.js';

/** A sink that keeps what it was handed, and counts its flushes. */
function recordingSink(): LineSink & { writes: string[]; flushes: number } {
  const sink = {
    writes: [] as string[],
    flushes: 0,
    write(batch: string) {
      sink.writes.push(batch);
    },
    flush(callback?: (error?: Error) => void) {
      sink.flushes += 1;
      callback?.();
    },
  };
  return sink;
}

describe('batched log lines', () => {
  it('hands lines over as one batch, in the order written, once they reach the batch size', () => {
    const sink = recordingSink();
    const destination = new BatchedDestination(sink, 30, 60_000);
    destination.write('line one\n');
    destination.write('line two\n');
    expect(sink.writes).toEqual([]);
    destination.write('line three\n'); // 9 + 9 + 11 = 29 characters: still under 30
    expect(sink.writes).toEqual([]);
    destination.write('four\n');
    expect(sink.writes).toEqual(['line one\nline two\nline three\nfour\n']);
  });

  it('hands a small batch over after the delay, without being asked', async () => {
    const sink = recordingSink();
    const destination = new BatchedDestination(sink, 16_384, 20);
    destination.write('alone\n');
    expect(sink.writes).toEqual([]);
    for (let waited = 0; sink.writes.length === 0 && waited < 2_000; waited += 10) await sleep(10);
    expect(sink.writes).toEqual(['alone\n']);
  });

  it('hands everything over when flushed (an error line), then flushes the sink', async () => {
    const sink = recordingSink();
    const destination = new BatchedDestination(sink, 16_384, 60_000);
    destination.write('before\n');
    destination.write('the error\n');
    await new Promise<void>((resolve) => destination.flush(() => resolve()));
    expect(sink.writes).toEqual(['before\nthe error\n']);
    expect(sink.flushes).toBe(1);
    // Nothing is handed over twice, and an empty flush writes nothing.
    destination.flush();
    expect(sink.writes).toHaveLength(1);
  });
});

describe("the server's logger at the end of a process", () => {
  // A real child process with the default (stdout) logger. A first line over the batch size is
  // being written when the process ends; the last lines still wait in the batch.
  const logger = fileURLToPath(new URL('./pino-logger.ts', import.meta.url));
  const run = (ending: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `
      const { createPinoLogger } = await import(${JSON.stringify(pathToFileURL(logger).href)});
      const log = createPinoLogger();
      log.info('line 0', { padding: 'x'.repeat(20000) });
      for (let i = 1; i <= 3; i++) log.info('line ' + i, { i });
      ${ending}
    `], { encoding: 'utf8', timeout: 60_000 });

  for (const [how, ending] of [['on its own', ''], ['by process.exit', 'process.exit(0);']] as const) {
    it(`writes every line once, the batched ones in order, when it ends ${how}`, () => {
      const result = run(ending);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const messages = result.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { message: string }).message);
      // Every line exactly once. The batched ones keep their order; the first, whose asynchronous
      // write may still be under way at process.exit, can land after them (pino's writer writes
      // what it holds synchronously at exit, beside the write in flight).
      expect([...messages].sort()).toEqual(['line 0', 'line 1', 'line 2', 'line 3']);
      expect(messages.filter((message) => message !== 'line 0')).toEqual(['line 1', 'line 2', 'line 3']);
    });
  }
});
