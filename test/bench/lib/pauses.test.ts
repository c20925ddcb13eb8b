/**
 * The pause recorder in a real Node process (a collection and a blocked event loop are recorded
 * while it records, nothing before it starts or after it stops), and the account of a run's
 * slowest answers against the pauses. Alone: `npx vitest run test/bench/lib/pauses.test.ts`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePauseLog, PAUSE_RECORDER, recordPauses, slowestPercent, tailAccount, type Pause, type TimedAnswer } from './pauses.js';

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A process with the recorder that, on 'work' on its stdin, collects its garbage and then blocks its
 * event loop for 60 ms, then says 'done'.
 */
async function processWithRecorder(): Promise<{ child: ChildProcess; log: string; work: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tuopin-pauses-'));
  dirs.push(dir);
  const log = path.join(dir, 'pauses.log');
  const script = `
    process.stdin.on('data', () => {
      globalThis.gc();
      const until = Date.now() + 60;
      while (Date.now() < until);
      setTimeout(() => process.stdout.write('done\\n'), 20);
    });
    process.stdout.write('ready\\n');`;
  const child = spawn(process.execPath, ['--expose-gc', '--require', PAUSE_RECORDER, '-e', script], { env: { ...process.env, BENCH_PAUSE_LOG: log }, stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`the process exited (${code})`))));
  const said = (word: string) =>
    Promise.race([exited, new Promise<void>((resolve) => child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes(word) && resolve()))]);
  await said('ready');
  return {
    child,
    log,
    work: async () => {
      const done = said('done');
      child.stdin!.write('work\n');
      await done;
    },
  };
}

describe('the pause recorder', () => {
  it('records the collector and a blocked event loop while it records, and nothing outside', async () => {
    const { child, log, work } = await processWithRecorder();
    await work(); // before recording: nothing is written
    const started = Date.now();
    const { pauses } = await recordPauses(child.pid!, log, work);
    const ended = Date.now();
    expect(pauses.some((p) => p.kind === 'gc' && p.ms > 0)).toBe(true);
    const stall = pauses.find((p) => p.kind === 'stall' && p.ms >= 50);
    expect(stall, JSON.stringify(pauses)).toBeDefined();
    for (const p of pauses) {
      expect(p.startMs).toBeGreaterThanOrEqual(started - 5);
      expect(p.startMs).toBeLessThanOrEqual(ended + 5);
    }
    await work(); // after: nothing more (its 60 ms stall and its collection are not written)
    await sleep(50);
    const againFrom = Date.now();
    const again = await recordPauses(child.pid!, log, async () => {});
    // The log now holds both recordings. The second may catch a pause of its own on a busy machine,
    // but what started before it is the first recording's pauses alone.
    expect(again.pauses.filter((p) => p.startMs < againFrom - 5)).toEqual(pauses);
  }, 30_000);

  it('reads its log: pauses, and how many recordings started and stopped', () => {
    expect(parsePauseLog('on 1000.0\ngc 1001.5 2.25 minor\nstall 1003.0 12.50\noff 1020.0\non 2000.0\n')).toEqual({
      pauses: [
        { kind: 'gc', startMs: 1001.5, ms: 2.25 },
        { kind: 'stall', startMs: 1003, ms: 12.5 },
      ],
      ons: 2,
      offs: 1,
    });
  });
});

describe("a run's slowest answers against the pauses", () => {
  /** 200 answers every 5 ms from t = 0, each 2 ms, but for the slow ones given. */
  function answers(slow: Record<number, number>): TimedAnswer[] {
    return Array.from({ length: 200 }, (_, i) => ({ dueMs: i * 5, latencyMs: slow[i] ?? 2 }));
  }

  it('takes the answers at the p99 or above, as the percentile counts them', () => {
    expect(slowestPercent(answers({ 10: 40, 20: 30, 30: 20 }))).toEqual([
      { dueMs: 50, latencyMs: 40 },
      { dueMs: 100, latencyMs: 30 },
      { dueMs: 150, latencyMs: 20 },
    ]);
  });

  it('counts the time of the slowest answers inside pauses once where pauses overlap, and sums the pauses in the run', () => {
    const pauses: Pause[] = [
      { kind: 'gc', startMs: 60, ms: 10 }, // inside answer 10's 50–90
      { kind: 'stall', startMs: 55, ms: 20 }, // overlaps it: 55–75 in all
      { kind: 'gc', startMs: 125, ms: 10 }, // half inside answer 20's 100–130
      { kind: 'gc', startMs: 500, ms: 3 }, // in the run, in no slow answer
      { kind: 'gc', startMs: 5000, ms: 50 }, // after the run
    ];
    expect(tailAccount(answers({ 10: 40, 20: 30, 30: 20 }), pauses)).toEqual({
      answers: 3,
      ms: 90,
      msInPauses: 20 + 5,
      gcPauses: 3,
      gcMs: 23,
      longestGcMs: 10,
      stalls: 1,
      stallMs: 20,
      longestStallMs: 20,
    });
  });

  it('accounts for nothing in a run without answers', () => {
    expect(tailAccount([], [{ kind: 'gc', startMs: 0, ms: 5 }]).answers).toBe(0);
  });
});
