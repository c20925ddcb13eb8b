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
}

export const DEFAULT_HTTP_CONFIG: HttpConfig = { corsOrigins: [], metrics: { port: null, token: null }, trustedDocuments: NO_TRUSTED_DOCUMENTS };

/**
 * `http: { corsOrigins: [...], metricsPort: 9464, trustedDocuments: {...} }` from the configuration file;
 * `TUOPIN_CORS_ORIGINS` (comma-separated) replaces the list, `TUOPIN_METRICS_PORT` the port, and
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
  return { corsOrigins, metrics: { port, token }, trustedDocuments: loadTrustedDocuments(raw.trustedDocuments, file) };
}
