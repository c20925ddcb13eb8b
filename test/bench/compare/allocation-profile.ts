/**
 * `--allocations`: the bytes one side allocates per request, which, unlike CPU time, does not
 * drift with how busy the machine is (README, session 34).
 */
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Cluster } from '../lib/cluster.js';
import { summariseAllocations, type AllocationSummary } from '../lib/allocations.js';
import { WORK_DIR } from '../lib/options.js';
import { pinToCpu } from '../lib/pinning.js';
import { startServer } from '../lib/servers.js';
import type { Question, Vars } from '../questions/index.js';
import type { BenchCaller } from '../auth.js';
import { failedRequests, loadOf, SETTLE_MS } from './bursts.js';
import type { CompareOptions } from './compare-options.js';
import type { Side } from './sides.js';

/** The sampler, loaded into the server with --require (it is CommonJS, and needs no build). */
const ALLOCATION_SAMPLER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'allocation-sampler.cjs');

/**
 * A server of the side's own with the sampler, warmed up, then sampled over the measured requests
 * only. Not in the CPU bursts: the sampler costs time.
 */
export async function measureAllocations(cluster: Cluster, database: string, side: Side, question: Question, pool: Vars[], caller: BenchCaller | undefined, options: CompareOptions): Promise<AllocationSummary> {
  const server = await startServer(caller ? 'county' : 'ours', {
    databaseUrl: cluster.url(database),
    poolSize: 10,
    serverDir: side.serverDir,
    caller,
    logName: `compare-${side.label}-allocations.log`,
    nodeFlags: ['--require', ALLOCATION_SAMPLER],
  });
  const file = path.join(tmpdir(), `tuopin-allocations-${server.pid}.heapprofile`);
  try {
    pinToCpu(server.pid, 1);
    const load = loadOf(server, question, pool, options.connections);
    await load(options.warmup);
    process.kill(server.pid, 'SIGUSR2');
    await sleep(SETTLE_MS);
    const result = await load(options.requests);
    process.kill(server.pid, 'SIGUSR2');
    // Refused or failed requests allocate less than answered ones: their bytes would flatter the side.
    const failed = failedRequests(result);
    if (failed > 0) throw new Error(`${side.label}: ${failed} of the sampled requests failed; the bytes per request would not be the question's`);
    for (let waited = 0; !existsSync(file); waited += 100) {
      if (waited > 60_000) throw new Error(`${side.label}: the allocation profile was not written (${file})`);
      await sleep(100);
    }
    // Kept for reading further than the report's top ten (the last run's, in the bench's work directory).
    const kept = path.join(WORK_DIR, 'profiles', 'allocations', `${question.id}${caller ? '-county' : ''}-${side.label}.heapprofile`);
    mkdirSync(path.dirname(kept), { recursive: true });
    copyFileSync(file, kept);
    return summariseAllocations(file, side.serverDir, Math.max(1, result.requests.total));
  } finally {
    rmSync(file, { force: true });
    await server.stop();
  }
}
