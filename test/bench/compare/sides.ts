/**
 * The two checkouts compared, each run as `start` runs it, and the check that both give the same
 * answers before anything is timed.
 */
import type { Cluster } from '../lib/cluster.js';
import { startServer, type RunningServer } from '../lib/servers.js';
import { answer, firstDifference, isEmpty } from '../lib/verify.js';
import type { Question, Vars } from '../questions/index.js';
import type { BenchCaller } from '../auth.js';

export interface Side {
  label: 'before' | 'after';
  serverDir: string;
  commit: string;
}

/** Variable sets whose answers must be the same from both sides before anything is timed. */
export const CHECKED = 10;

export async function withSide<T>(cluster: Cluster, database: string, side: Side, caller: BenchCaller | undefined, work: (server: RunningServer) => Promise<T>): Promise<T> {
  const server = await startServer(caller ? 'county' : 'ours', { databaseUrl: cluster.url(database), poolSize: 10, serverDir: side.serverDir, caller, logName: `compare-${side.label}.log` });
  try {
    return await work(server);
  } finally {
    await server.stop();
  }
}

/**
 * A faster build that answers differently is not faster: both sides must give the same answers
 * first, and not all empty ones (except `{ __typename }`'s), which would prove nothing. Returns
 * how many were not empty.
 */
export async function checkSameAnswers(cluster: Cluster, database: string, sides: Side[], question: Question, pool: Vars[], caller: BenchCaller | undefined): Promise<number> {
  const samples = pool.slice(0, CHECKED);
  const answers: unknown[][] = sides.map(() => []);
  for (const [index, side] of sides.entries()) {
    await withSide(cluster, database, side, caller, async (server) => {
      for (const vars of samples) answers[index]!.push(await answer(server, question, vars));
    });
  }
  samples.forEach((vars, i) => {
    const difference = firstDifference(answers[0]![i], answers[1]![i]);
    if (difference) throw new Error(`${question.id}: the two checkouts answer differently for ${JSON.stringify(vars)}: ${difference}`);
  });
  const nonEmpty = answers[0]!.filter((found) => !isEmpty(found)).length;
  if (nonEmpty === 0 && question.id !== 'Q6b') throw new Error(`${question.id}: every checked answer was empty; the comparison would prove nothing`);
  return nonEmpty;
}
