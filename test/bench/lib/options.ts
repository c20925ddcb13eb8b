import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** test/bench/ */
export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The repository the bench belongs to. */
export const REPO_DIR = path.resolve(BENCH_DIR, '../..');
/** Git-ignored: the PostgreSQL cluster, logs, profiles. */
export const WORK_DIR = path.join(BENCH_DIR, '.work');
export const RESULTS_DIR = path.join(BENCH_DIR, 'results');

export type ModeName = 'quick' | 'full';

export interface BenchOptions {
  mode: ModeName;
  /** Households of the synthetic province. */
  households: number;
  /** Rounds of the servers in turn (A, B, C, A, B, C, …); medians are reported. */
  rounds: number;
  /** Seconds of each measured load run (longer for slow questions at many connections, up to maxRunSec). */
  durationSec: number;
  maxRunSec: number;
  /** Seconds of warm-up load before a question's first measured run on a server (at least; see rounds.ts). */
  warmupSec: number;
  /** Longest warm-up, for servers too slow to reach the warm-up's request count. */
  warmupMaxSec: number;
  /** Concurrent connections of the throughput runs. */
  connections: number[];
  /** Fixed rates of the latency runs, in per cent of the peer's best throughput. */
  ratePercents: number[];
  /** Connections that carry a fixed-rate run (enough never to be the limit). */
  rateConnections: number;
  /**
   * Answers a fixed-rate run collects, at least, on a question whose p99 is a target (Q1, Q4): a
   * p99 needs enough answers beyond it to be a figure. At 4 s, Q4's 25 % rate (39 req/s) gave 156
   * answers a run, so its p99 was the second slowest answer, and the report's median over the
   * rounds swung between 13 and 25 ms for the same server (session 61). Other questions keep the
   * plain `durationSec` run.
   */
  rateMinAnswers: number;
  /** Longest fixed-rate run, in seconds, however few answers it has collected. */
  rateMaxSec: number;
  /** Database connections of every server's pool. */
  poolSize: number;
  /** Seconds of load per question while profiling our server; 0 skips profiling. */
  profileSec: number;
  /** Only these questions (ids), or all. */
  only: string[] | null;
  /** Where our server's code lives (a tuopin checkout); default this repository. */
  serverDir: string;
}

const MODES: Record<ModeName, Omit<BenchOptions, 'only' | 'serverDir'>> = {
  quick: {
    mode: 'quick',
    households: 100_000,
    // A few minutes for a quick look while working: one round and no profile. --full alternates
    // the servers three times and profiles.
    rounds: 1,
    durationSec: 1,
    maxRunSec: 6,
    warmupSec: 1,
    warmupMaxSec: 4,
    connections: [1, 10, 50],
    ratePercents: [25, 50, 75],
    rateConnections: 50,
    rateMinAnswers: 15,
    rateMaxSec: 6,
    poolSize: 10,
    profileSec: 0,
  },
  full: {
    mode: 'full',
    households: 1_000_000,
    rounds: 3,
    durationSec: 4,
    maxRunSec: 20,
    warmupSec: 2,
    warmupMaxSec: 10,
    connections: [1, 10, 50],
    ratePercents: [25, 50, 75],
    rateConnections: 50,
    rateMinAnswers: 1_000,
    rateMaxSec: 30,
    poolSize: 10,
    profileSec: 6,
  },
};

const USAGE = `usage: pnpm bench [--full] [options]
  --full               1,000,000 households, 3 rounds, 4 s runs (default: quick, 100,000 households)
  --households N       size of the synthetic province
  --rounds N           rounds of the servers in turn (medians are reported)
  --duration S         seconds per measured run
  --only Q1,Q4         run only these questions
  --no-profile         skip the CPU profile of our server
  --profile S          profile our server for S seconds per question (quick mode too; full: 6)
  --server-dir DIR     run our server from another tuopin checkout (also TUOPIN_BENCH_SERVER_DIR)
  --report FILE.json   print a saved run's Markdown report (today's rendering) and run nothing
  --floor              the HTTP floor instead: \`{ __typename }\` layer by layer (see test/bench/README.md)
  --compare DIR        this checkout's server against another checkout's, pinned, CPU and database time per request (pnpm bench --compare --help)`;

export function parseOptions(argv: string[]): BenchOptions {
  const full = argv.includes('--full');
  const options: BenchOptions = {
    ...MODES[full ? 'full' : 'quick'],
    only: null,
    serverDir: path.resolve(process.env.TUOPIN_BENCH_SERVER_DIR || REPO_DIR),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return next;
    };
    const positive = (text: string) => {
      const n = Number(text);
      if (!(n > 0)) throw new Error(`${arg} needs a positive number, got '${text}'\n${USAGE}`);
      return n;
    };
    if (arg === '--full' || arg === '--') continue;
    else if (arg === '--households') options.households = Math.round(positive(value()));
    else if (arg === '--rounds') options.rounds = Math.round(positive(value()));
    else if (arg === '--duration') options.durationSec = positive(value());
    else if (arg === '--only') options.only = value().split(',').map((q) => q.trim());
    else if (arg === '--no-profile') options.profileSec = 0;
    else if (arg === '--profile') options.profileSec = positive(value());
    else if (arg === '--server-dir') options.serverDir = path.resolve(value());
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option '${arg}'\n${USAGE}`);
  }
  return options;
}
