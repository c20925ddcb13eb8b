import { readFileSync } from 'node:fs';
import { ConfigurationError } from '../configuration-error.js';
import { isOrigin } from './cors.js';
import { loadTrustedDocuments, NO_TRUSTED_DOCUMENTS, type TrustedDocuments } from './trusted-documents.js';

/** What the HTTP edge serves beyond GraphQL itself: the `http` block of the configuration file. */
export interface HttpConfig {
  /** Origins whose browser scripts may call the API (`https://dashboard.example.cn`); none by default. */
  corsOrigins: readonly string[];
  /**
   * Where Prometheus reads `/metrics`: on a port of its own (`port`), and/or on the API's port
   * behind a bearer token (`token`, from `TUOPIN_METRICS_TOKEN` only: secrets stay out of the
   * configuration file). Neither: no metrics endpoint.
   */
  metrics: { port: number | null; token: string | null };
  /** Registered operations (`trustedDocuments: { manifests, requireFor }`), loaded and checked. */
  trustedDocuments: TrustedDocuments;
  /**
   * Whether queries and mutations run compiled (graphql-jit, `compiled-execution.ts`); on by
   * default. An operator's way back to graphql-js's executor, without a release, should a
   * compiled query ever answer differently.
   */
  compiledExecution: boolean;
  /**
   * Whether a plain JSON post skips yoga's HTTP adapter (`direct-json-post.ts`); on by default. An
   * operator's way back to yoga's full handler for every request, without a release.
   */
  directJsonPosts: boolean;
}

export const DEFAULT_HTTP_CONFIG: HttpConfig = { corsOrigins: [], metrics: { port: null, token: null }, trustedDocuments: NO_TRUSTED_DOCUMENTS, compiledExecution: true, directJsonPosts: true };

/**
 * `http: { corsOrigins: [...], metricsPort: 9464, trustedDocuments: {...}, compiledExecution: true, directJsonPosts: true }`
 * from the configuration file; `TUOPIN_CORS_ORIGINS` (comma-separated) replaces the list,
 * `TUOPIN_METRICS_PORT` the port, `TUOPIN_COMPILED_EXECUTION` (`on`/`off`) the execution, and
 * `TUOPIN_METRICS_TOKEN` (at least 24 characters) puts `/metrics` on the API's port behind it.
 */
export function loadHttpConfig(file: string, env: NodeJS.ProcessEnv = {}): HttpConfig {
  let raw: Record<string, unknown>;
  try {
    raw = ((JSON.parse(readFileSync(file, 'utf8')) as { http?: unknown }).http ?? {}) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigurationError(`cannot read the configuration file ${file}: ${(error as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigurationError('http must be an object');
  const fromEnv = env.TUOPIN_CORS_ORIGINS?.split(',').map((origin) => origin.trim()).filter(Boolean);
  const corsOrigins = fromEnv ?? raw.corsOrigins ?? [];
  if (!Array.isArray(corsOrigins) || !corsOrigins.every((origin) => typeof origin === 'string' && isOrigin(origin))) {
    throw new ConfigurationError('http.corsOrigins must be a list of origins such as "https://dashboard.example.cn" (scheme, host and port; no path, no "*")');
  }
  const port = env.TUOPIN_METRICS_PORT ? Number(env.TUOPIN_METRICS_PORT) : (raw.metricsPort ?? null);
  if (port !== null && (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65_535)) {
    throw new ConfigurationError('http.metricsPort (or TUOPIN_METRICS_PORT) must be a port number between 1 and 65535');
  }
  const token = env.TUOPIN_METRICS_TOKEN || null;
  if (token !== null && token.length < 24) throw new ConfigurationError('TUOPIN_METRICS_TOKEN must be at least 24 characters');
  return {
    corsOrigins,
    metrics: { port, token },
    trustedDocuments: loadTrustedDocuments(raw.trustedDocuments, file),
    compiledExecution: compiledExecutionOf(raw.compiledExecution, env.TUOPIN_COMPILED_EXECUTION),
    directJsonPosts: raw.directJsonPosts === undefined ? true : booleanSetting('http.directJsonPosts', raw.directJsonPosts),
  };
}

/** `http.compiledExecution` (a boolean), replaced by `TUOPIN_COMPILED_EXECUTION` (`on` or `off`). */
function compiledExecutionOf(fromFile: unknown, fromEnv: string | undefined): boolean {
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv !== 'on' && fromEnv !== 'off') throw new ConfigurationError('TUOPIN_COMPILED_EXECUTION must be "on" or "off"');
    return fromEnv === 'on';
  }
  return fromFile === undefined ? true : booleanSetting('http.compiledExecution', fromFile);
}

function booleanSetting(name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new ConfigurationError(`${name} must be true or false`);
  return value;
}
