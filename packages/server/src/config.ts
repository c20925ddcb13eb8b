import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TuopinPlugin } from '@tuopin/core';
import { loadAuthConfig, type AuthConfig } from './auth/auth-config.js';
import { heapGrowingPercent } from './heap-growth.js';
import { allocationSitePretenuring } from './pretenuring.js';
import { idleCollectionSeconds } from './idle-collection.js';
import { ConfigurationError } from './configuration-error.js';
import { loadHttpConfig, type HttpConfig } from './http/http-config.js';
import { loadApiLimits, loadTenancy, type ApiLimits, type TenancyConfig } from './deployment-config.js';
import {
  DEFAULT_MONITORING_DECISION_DAYS,
  DEFAULT_IDEMPOTENCY_KEY_HOURS,
  DEFAULT_IDENTIFICATION_NOTICE_DAYS,
  DEFAULT_MONITORING_NOTICE_DAYS,
  DEFAULT_NOTICE_RECORDING_GRACE_DAYS,
  DEFAULT_PROJECT_NOTICE_DAYS,
  DEFAULT_RISK_ELIMINATION_MONTHS,
  normalizeMoney,
  parseMoney,
  readWorkTeamSettings,
  type PlatformSettings,
  type WorkTeamSettings,
  type QueryLimits,
  type SuppressionRule,
} from '@tuopin/core';
import { checkExitSettings, type RawExitSettings } from './exit-config.js';
import { loadInstalledPlugins } from './installed-plugins.js';
import { REPO_ROOT } from './paths.js';

export interface ServerConfig {
  port: number;
  /** An external PostgreSQL; when absent, an embedded one runs with its data in `.data/`. */
  databaseUrl: string | null;
  /** Where the embedded cluster keeps its data. */
  dataDir: string;
  /** The deployment's installed plugins (the root package.json's `tuopin.plugins`). */
  installedPlugins: readonly TuopinPlugin[];
  /** Plugin names from TUOPIN_PLUGINS; undefined means every installed plugin. */
  pluginNames: string[] | undefined;
  settings: PlatformSettings;
  /** Production hides GraphiQL and detailed errors. */
  production: boolean;
  poolSize: number;
  /** `TUOPIN_HEAP_GROWING_PERCENT`: how far V8's old generation grows before a full collection, 0 for V8's own rule (heap-growth.ts). */
  heapGrowingPercent: number;
  /** `TUOPIN_ALLOCATION_SITE_PRETENURING`: whether V8 pretenures by allocation site (pretenuring.ts). */
  allocationSitePretenuring: boolean;
  /** `TUOPIN_IDLE_COLLECTION_SECONDS`: idle seconds before a full garbage collection, 0 for none (idle-collection.ts). */
  idleCollectionSeconds: number;
  /** Which plugins each province runs. */
  tenancy: TenancyConfig;
  /** Body size, aliases, tokens and rate. */
  limits: ApiLimits;
  /** Token verification. */
  auth: AuthConfig;
  /** CORS origins (the `http` block). */
  http: HttpConfig;
}

export { ConfigurationError };

/** `TUOPIN_PLUGINS=finance,education`; `TUOPIN_PLUGINS=` (empty) runs core alone. */
export function parsePluginList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

function checkLines(lines: unknown, where: string): Record<string, string> {
  if (lines === undefined) return {};
  if (typeof lines !== 'object' || lines === null) throw new ConfigurationError(`${where} must be an object of year → amount`);
  return Object.fromEntries(
    Object.entries(lines).map(([year, amount]) => {
      if (!/^\d{4}$/.test(year) || typeof amount !== 'string' || parseMoney(amount) === null) {
        throw new ConfigurationError(`${where}.${year} must be a year with a yuan amount string like "4000.00"`);
      }
      return [year, normalizeMoney(amount)];
    }),
  );
}

/** Reads the deployment settings file (TUOPIN_CONFIG, or tuopin.config.json at the repository root). */
export function loadSettings(file: string): PlatformSettings {
  let raw: RawExitSettings & {
    povertyLines?: unknown;
    provincePovertyLines?: Record<string, unknown>;
    projectNoticeDays?: unknown;
    noticeRecordingGraceDays?: unknown;
    monitoringRanges?: unknown;
    provinceMonitoringRanges?: Record<string, unknown>;
    monitoringNoticeDays?: unknown;
    monitoringDecisionDays?: unknown;
    riskEliminationMonths?: unknown;
    identificationNoticeDays?: unknown;
    provinceIdentificationNoticeDays?: Record<string, unknown>;
    workTeams?: unknown;
    queryLimits?: unknown;
    idempotencyKeyHours?: unknown;
    suppression?: unknown;
    plugins?: unknown;
  };
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigurationError(`cannot read the configuration file ${file}: ${(error as Error).message}`);
  }
  const provinces = raw.provincePovertyLines ?? {};
  return {
    povertyLines: checkLines(raw.povertyLines, 'povertyLines'),
    provincePovertyLines: Object.fromEntries(
      Object.entries(provinces).map(([code, lines]) => {
        if (!/^\d{2}0{10}$/.test(code)) throw new ConfigurationError(`provincePovertyLines: '${code}' is not a 12-digit province code`);
        return [code, checkLines(lines, `provincePovertyLines.${code}`)];
      }),
    ),
    projectNoticeDays: checkNoticeDays(raw.projectNoticeDays),
    noticeRecordingGraceDays: checkGraceDays(raw.noticeRecordingGraceDays),
    monitoringRanges: checkLines(raw.monitoringRanges, 'monitoringRanges'),
    provinceMonitoringRanges: checkProvinceLines(raw.provinceMonitoringRanges, 'provinceMonitoringRanges'),
    monitoringNoticeDays: checkDays(raw.monitoringNoticeDays, 'monitoringNoticeDays', DEFAULT_MONITORING_NOTICE_DAYS, 5, 30),
    monitoringDecisionDays: checkDays(raw.monitoringDecisionDays, 'monitoringDecisionDays', DEFAULT_MONITORING_DECISION_DAYS, 1, 90),
    riskEliminationMonths: checkDays(raw.riskEliminationMonths, 'riskEliminationMonths', DEFAULT_RISK_ELIMINATION_MONTHS, 1, 36, 'months'),
    identificationNoticeDays: checkDays(raw.identificationNoticeDays, 'identificationNoticeDays', DEFAULT_IDENTIFICATION_NOTICE_DAYS, 3, 30),
    provinceIdentificationNoticeDays: checkProvinceDays(raw.provinceIdentificationNoticeDays, 'provinceIdentificationNoticeDays', 3, 30),
    ...checkExitSettings(raw),
    workTeams: checkWorkTeams(raw.workTeams),
    queryLimits: checkQueryLimits(raw.queryLimits),
    idempotencyKeyHours: checkDays(raw.idempotencyKeyHours, 'idempotencyKeyHours', DEFAULT_IDEMPOTENCY_KEY_HOURS, 1, 24 * 90, 'hours'),
    suppression: checkSuppression(raw.suppression),
    plugins: checkPluginSettings(raw.plugins),
  };
}

/** `queryLimits: { depth, breadth, complexity }`, each optional; defaults in core. */
function checkQueryLimits(value: unknown): Partial<QueryLimits> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null) throw new ConfigurationError('queryLimits must be an object');
  const limits: Partial<QueryLimits> = {};
  for (const key of ['depth', 'breadth', 'complexity'] as const) {
    const n = (value as Record<string, unknown>)[key];
    if (n === undefined) continue;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw new ConfigurationError(`queryLimits.${key} must be a positive whole number`);
    limits[key] = n;
  }
  return limits;
}

/** `suppression: { threshold, moneyUnit }`, each optional; defaults (5, "10000.00") in core. */
function checkSuppression(value: unknown): Partial<SuppressionRule> {
  if (value === undefined) return {};
  if (!isObject(value)) throw new ConfigurationError('suppression must be an object like { "threshold": 5, "moneyUnit": "10000.00" }');
  const unknown = Object.keys(value).filter((key) => !key.startsWith('$') && key !== 'threshold' && key !== 'moneyUnit');
  if (unknown.length > 0) throw new ConfigurationError(`suppression: unknown key '${unknown[0]}' (threshold, moneyUnit)`);
  const rule: { threshold?: number; moneyUnit?: string } = {};
  const { threshold, moneyUnit } = value;
  if (threshold !== undefined) {
    if (typeof threshold !== 'number' || !Number.isInteger(threshold) || threshold < 2 || threshold > 100) {
      throw new ConfigurationError(`suppression.threshold must be a whole number from 2 to 100, got ${JSON.stringify(threshold)}`);
    }
    rule.threshold = threshold;
  }
  if (moneyUnit !== undefined) {
    const fen = typeof moneyUnit === 'string' ? parseMoney(moneyUnit) : null;
    if (fen === null || fen < 100n) throw new ConfigurationError(`suppression.moneyUnit must be an amount of at least one yuan like "10000.00", got ${JSON.stringify(moneyUnit)}`);
    rule.moneyUnit = normalizeMoney(moneyUnit as string);
  }
  return rule;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `workTeams`: the work-team rules, national and by province (core's work-team.settings.ts checks them). */
function checkWorkTeams(value: unknown): WorkTeamSettings {
  const read = readWorkTeamSettings(value);
  if ('key' in read) throw new ConfigurationError(`workTeams${read.key ? `.${read.key}` : ''}: ${read.reason}`);
  return read.settings;
}

/**
 * `plugins`: each plugin's settings block, keyed by plugin name; the plugin validates its own
 * block. Core's settings are the top level: a `plugins.core` block (where work-team rules once
 * were) is refused rather than ignored, so a deployment never runs silently on the defaults.
 */
function checkPluginSettings(value: unknown): Record<string, Record<string, unknown>> {
  if (value === undefined) return {};
  if (!isObject(value) || !Object.values(value).every(isObject)) {
    throw new ConfigurationError('plugins must map plugin names to settings objects, e.g. { "finance": { "maxPrincipal": "50000.00" } }');
  }
  if ('core' in value) {
    throw new ConfigurationError(
      'plugins.core 已不再读取：核心设置在配置文件顶层，请把 plugins.core.workTeams 移到顶层的 workTeams，并删除 plugins.core。 ' +
        "plugins.core is no longer read: core's settings are at the top level of the file; move plugins.core.workTeams to a top-level workTeams and remove plugins.core.",
    );
  }
  return value as Record<string, Record<string, unknown>>;
}

/** Lines or ranges by province code, each a year → amount object. */
function checkProvinceLines(value: Record<string, unknown> | undefined, where: string): Record<string, Record<string, string>> {
  return Object.fromEntries(
    Object.entries(value ?? {}).map(([code, lines]) => {
      if (!/^\d{2}0{10}$/.test(code)) throw new ConfigurationError(`${where}: '${code}' is not a 12-digit province code`);
      return [code, checkLines(lines, `${where}.${code}`)];
    }),
  );
}

/** A whole number of days (or `unit`) between `min` and `max`; `fallback` when absent. */
/** `{ "<province code>": days }`: a per-province override of a length in days. */
function checkProvinceDays(value: Record<string, unknown> | undefined, where: string, min: number, max: number): Record<string, number> {
  if (value !== undefined && (typeof value !== 'object' || value === null)) throw new ConfigurationError(`${where} must be an object of province code → days`);
  return Object.fromEntries(
    Object.entries(value ?? {}).map(([code, days]) => {
      if (!/^\d{2}0{10}$/.test(code)) throw new ConfigurationError(`${where}: '${code}' is not a 12-digit province code`);
      return [code, checkDays(days, `${where}.${code}`, min, min, max)];
    }),
  );
}

function checkDays(value: unknown, name: string, fallback: number, min: number, max: number, unit = 'days'): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ConfigurationError(`${name} must be a whole number of ${unit} between ${min} and ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** `projectNoticeDays`: the minimum project-plan notice period in days, 7 unless configured. */
function checkNoticeDays(value: unknown): number {
  if (value === undefined) return DEFAULT_PROJECT_NOTICE_DAYS;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 90) {
    throw new ConfigurationError(`projectNoticeDays must be a whole number of days between 1 and 90, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** `noticeRecordingGraceDays`: how long before it is recorded a notice may have started; 2 unless configured. */
function checkGraceDays(value: unknown): number {
  if (value === undefined) return DEFAULT_NOTICE_RECORDING_GRACE_DAYS;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 30) {
    throw new ConfigurationError(`noticeRecordingGraceDays must be a whole number of days between 0 and 30, got ${JSON.stringify(value)}`);
  }
  return value;
}

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0 || n > 65_535) throw new ConfigurationError(`${name} must be a positive integer, got '${value}'`);
  return n;
}

/** The server configuration from the environment, with the installed plugins imported. */
export async function loadConfig(env: NodeJS.ProcessEnv = process.env): Promise<ServerConfig> {
  const configFile = env.TUOPIN_CONFIG || path.join(REPO_ROOT, 'tuopin.config.json');
  const dataDir = path.resolve(env.TUOPIN_DATA_DIR || path.join(REPO_ROOT, '.data', 'postgres'));
  const production = env.NODE_ENV === 'production';
  return {
    port: positiveInt(env.PORT, 'PORT', 4000),
    databaseUrl: env.DATABASE_URL || null,
    dataDir,
    installedPlugins: await loadInstalledPlugins(),
    pluginNames: parsePluginList(env.TUOPIN_PLUGINS),
    settings: loadSettings(configFile),
    production,
    poolSize: positiveInt(env.TUOPIN_POOL_SIZE, 'TUOPIN_POOL_SIZE', 10),
    heapGrowingPercent: heapGrowingPercent(env.TUOPIN_HEAP_GROWING_PERCENT),
    allocationSitePretenuring: allocationSitePretenuring(env.TUOPIN_ALLOCATION_SITE_PRETENURING),
    idleCollectionSeconds: idleCollectionSeconds(env.TUOPIN_IDLE_COLLECTION_SECONDS),
    tenancy: loadTenancy(configFile),
    limits: loadApiLimits(configFile),
    // The development secret lives next to the data it opens, never in the repository.
    auth: loadAuthConfig(env, { production, devSecretFile: path.join(path.dirname(dataDir), 'dev-jwt-secret') }),
    http: loadHttpConfig(configFile, env),
  };
}
