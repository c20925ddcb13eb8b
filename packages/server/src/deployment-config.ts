import { readFileSync } from 'node:fs';
import { ConfigurationError } from './configuration-error.js';

/** Which plugins each province runs: "provinces enable only the plugins they need". */
export interface TenancyConfig {
  /** Plugin names per 12-digit province code. Provinces not listed run every enabled plugin. */
  provinces: Record<string, string[]>;
}

/** API limits beyond the query-shape limits of the platform settings. */
export interface ApiLimits {
  maxBodyBytes: number;
  maxAliases: number;
  maxTokens: number;
  /** Requests per minute and caller; bursts up to this size are allowed. */
  requestsPerMinute: number;
  /** Estimated query cost (the complexity measure) per minute and caller. */
  costPerMinute: number;
  /** Seconds of server time (from admission to response) per minute and caller. */
  serverSecondsPerMinute: number;
  /** Requests of one caller running at once. */
  concurrentRequests: number;
  /** Failed authentications per minute from one client address. */
  authFailuresPerMinute: number;
}

export const DEFAULT_API_LIMITS: ApiLimits = {
  maxBodyBytes: 100_000,
  maxAliases: 30,
  maxTokens: 5_000,
  requestsPerMinute: 600,
  costPerMinute: 500_000,
  serverSecondsPerMinute: 20,
  concurrentRequests: 4,
  authFailuresPerMinute: 30,
};

interface RawDeployment {
  provinces?: unknown;
  limits?: unknown;
}

function readRaw(file: string): RawDeployment {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RawDeployment;
  } catch (error) {
    throw new ConfigurationError(`cannot read the configuration file ${file}: ${(error as Error).message}`);
  }
}

/** `provinces: { "430000000000": { "plugins": ["finance"] } }` from the configuration file. */
export function loadTenancy(file: string): TenancyConfig {
  const raw = readRaw(file).provinces ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigurationError('provinces must be an object keyed by province code');
  const provinces: Record<string, string[]> = {};
  for (const [code, entry] of Object.entries(raw)) {
    if (!/^\d{2}0{10}$/.test(code)) throw new ConfigurationError(`provinces: '${code}' is not a 12-digit province code`);
    const plugins = (entry as { plugins?: unknown })?.plugins;
    if (!Array.isArray(plugins) || !plugins.every((name) => typeof name === 'string')) {
      throw new ConfigurationError(`provinces.${code}.plugins must be a list of plugin names`);
    }
    provinces[code] = plugins;
  }
  return { provinces };
}

/** `limits: { maxBodyBytes, maxAliases, maxTokens, requestsPerMinute, costPerMinute, … }`, each optional. */
export function loadApiLimits(file: string): ApiLimits {
  const raw = (readRaw(file).limits ?? {}) as Record<string, unknown>;
  const limits = { ...DEFAULT_API_LIMITS };
  const unknown = Object.keys(raw).filter((key) => !key.startsWith('$') && !(key in DEFAULT_API_LIMITS));
  if (unknown.length > 0) {
    throw new ConfigurationError(`limits: unknown setting ${unknown.map((key) => `'${key}'`).join(', ')}; known: ${Object.keys(DEFAULT_API_LIMITS).join(', ')}`);
  }
  for (const key of Object.keys(DEFAULT_API_LIMITS) as (keyof ApiLimits)[]) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new ConfigurationError(`limits.${key} must be a positive whole number`);
    limits[key] = value;
  }
  return limits;
}
