/** The options of `pnpm bench --compare DIR`: what is compared, by whom, and how long. */
import path from 'node:path';
import { parseOptions } from '../lib/options.js';

export interface CompareOptions {
  /** The other checkout: the "before" side. */
  before: string;
  only: string[] | null;
  /** Asked by the county officer (personal data unmasked, so the read audit is on) instead of the administrator. */
  county: boolean;
  households: number;
  rounds: number;
  /** Requests measured per server and round. */
  requests: number;
  warmup: number;
  connections: number;
  /** Also measures the bytes each side allocates per request (compare/allocation-sampler.cjs). */
  allocations: boolean;
  /**
   * Questions each server answers first, `historyRequests` of each at HISTORY_CONNECTIONS, before
   * the measured question's warm-up: in the full bench a server answers the lighter questions after
   * the heavier ones, and what V8 learnt under them stays (README, session 40).
   */
  history: string[];
  historyRequests: number;
}

const USAGE = `usage: pnpm bench --compare DIR [--only Q1,Q6a] [--county] [--allocations] [--history Q1,Q4] [--history-requests N] [--households N] [--rounds N] [--requests N] [--warmup N] [--connections N]
  DIR          another tuopin checkout with its dependencies installed (the "before" side)
  --county     ask as the county officer (read audit on) instead of the national administrator
  --allocations  also the bytes each side allocates per request, and where (a sampling heap profile)
  --history    questions each server answers first (--history-requests of each, default 10,000, at 50 connections), before the warm-up
  --rounds     bursts of each server, in turn (default 12; the order alternates, so each goes first as often)
  --requests   requests measured per server and burst (default 1,500)`;

const DEFAULTS = { rounds: 12, requests: 1_500, warmup: 3_000, connections: 10, historyRequests: 10_000 };
/** The history's load: the full bench's heaviest, where requests wait longest for PostgreSQL. */
export const HISTORY_CONNECTIONS = 50;

export function parseCompareOptions(argv: string[]): CompareOptions {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    process.exit(0);
  }
  const at = argv.indexOf('--compare');
  const before = argv[at + 1];
  if (!before || before.startsWith('--')) throw new Error(`--compare needs the other checkout's directory\n${USAGE}`);
  const options: CompareOptions = { before: path.resolve(before), only: null, county: false, allocations: false, history: [], households: parseOptions([]).households, ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (i === at + 1 || flag === '--compare') continue;
    if (flag === '--county' || flag === '--allocations') {
      options[flag === '--county' ? 'county' : 'allocations'] = true;
      continue;
    }
    const value = argv[++i];
    if (flag === '--only' || flag === '--history') {
      if (!value || value.startsWith('--')) throw new Error(`${flag} needs question ids\n${USAGE}`);
      options[flag === '--only' ? 'only' : 'history'] = value.split(',').map((id) => id.trim());
      continue;
    }
    const key = ({ '--households': 'households', '--rounds': 'rounds', '--requests': 'requests', '--warmup': 'warmup', '--connections': 'connections', '--history-requests': 'historyRequests' } as const)[flag as '--rounds'];
    const n = Number(value);
    if (!key || !Number.isInteger(n) || n < 1) throw new Error(`${flag} ${value ?? ''}: not an option of --compare, or not a positive whole number\n${USAGE}`);
    options[key] = n;
  }
  return options;
}
