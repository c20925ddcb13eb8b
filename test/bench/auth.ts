/**
 * How the bench authenticates to our server: the one place to adapt when authentication changes.
 *
 * The server verifies HS256 bearer tokens signed with TUOPIN_JWT_SECRET (issuer and audience
 * `tuopin`, claims `sub`, `role`, `scopes`, `province`) and limits requests per minute and caller
 * (`limits` in the TUOPIN_CONFIG file). Tokens live at most 24 hours (TUOPIN_JWT_MAX_LIFETIME_HOURS).
 * The bench starts our server with a secret of its own and a copy of the configuration whose
 * limits cannot be reached, and signs one token (valid 20 hours): a national administrator, as
 * every request was before authentication existed.
 * Another caller: TUOPIN_BENCH_ROLE / TUOPIN_BENCH_SCOPES / TUOPIN_BENCH_PROVINCE, or a ready
 * token in TUOPIN_BENCH_TOKEN. A server without authentication ignores all of this.
 */
import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { WORK_DIR } from './lib/options.js';

/** Local to the bench's own servers on 127.0.0.1; never a deployment's. */
const BENCH_SECRET = 'tuopin-bench-local-secret-0123456789abcdef';
const ISSUER = 'tuopin';
const AUDIENCE = 'tuopin';

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

function signToken(claims: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify({ ...claims, iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 20 * 3600 }));
  const signature = createHmac('sha256', BENCH_SECRET).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/** Per-caller limits the bench cannot reach: it sends every request, 50 at once, as one caller. */
const UNREACHABLE_LIMITS = {
  requestsPerMinute: 1_000_000_000,
  costPerMinute: 1_000_000_000_000,
  serverSecondsPerMinute: 1_000_000_000,
  concurrentRequests: 1_000_000,
  authFailuresPerMinute: 1_000_000_000,
};

/** The repository's configuration with per-caller limits the bench cannot reach. */
function benchConfigFile(serverDir: string): string {
  const source = path.join(serverDir, 'tuopin.config.json');
  const config = existsSync(source) ? (JSON.parse(readFileSync(source, 'utf8')) as Record<string, unknown>) : {};
  const limits = { ...((config.limits as Record<string, unknown>) ?? {}), ...UNREACHABLE_LIMITS };
  mkdirSync(WORK_DIR, { recursive: true });
  const file = path.join(WORK_DIR, 'tuopin.bench.config.json');
  writeFileSync(file, `${JSON.stringify({ ...config, limits }, null, 2)}\n`);
  return file;
}

/** Extra environment for our server process. */
export function serverEnv(serverDir: string): Record<string, string> {
  return { TUOPIN_JWT_SECRET: BENCH_SECRET, TUOPIN_CONFIG: benchConfigFile(serverDir) };
}

/** A caller other than the default one, for a question that needs another role. */
export interface BenchCaller {
  readonly role: string;
  readonly scopes: readonly string[];
  readonly province: string | null;
}

/** Headers for every request to our server: the default caller, or the question's own. */
export function authHeaders(caller?: BenchCaller): Record<string, string> {
  const token = caller
    ? signToken({ sub: `bench:${caller.role.toLowerCase()}`, role: caller.role, scopes: caller.scopes, province: caller.province })
    : process.env.TUOPIN_BENCH_TOKEN ||
      signToken({
        sub: 'bench:national-admin',
        role: process.env.TUOPIN_BENCH_ROLE || 'NATIONAL_ADMIN',
        scopes: (process.env.TUOPIN_BENCH_SCOPES ?? '').split(','),
        province: process.env.TUOPIN_BENCH_PROVINCE || null,
      });
  return { authorization: `Bearer ${token}` };
}

/** Throws with a pointer to this file when a probe request was refused for want of credentials. */
export function assertAuthorised(status: number, body: string): void {
  const refused = status === 401 || status === 403 || status === 429 || /"code"\s*:\s*"(UNAUTHENTICATED|FORBIDDEN|RATE_LIMITED)"/.test(body);
  if (refused) {
    throw new Error(
      `our server refused the bench's request (HTTP ${status}): authentication or limits changed. ` +
        `Adapt test/bench/auth.ts (or set TUOPIN_BENCH_TOKEN). Response: ${body.slice(0, 300)}`,
    );
  }
}
