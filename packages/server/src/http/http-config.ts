import { readFileSync } from 'node:fs';
import { ConfigurationError } from '../configuration-error.js';
import { isOrigin } from './cors.js';

/** What the HTTP edge serves beyond GraphQL itself: the `http` block of the configuration file. */
export interface HttpConfig {
  /** Origins whose browser scripts may call the API (`https://dashboard.example.cn`); none by default. */
  corsOrigins: readonly string[];
}

export const DEFAULT_HTTP_CONFIG: HttpConfig = { corsOrigins: [] };

/**
 * `http: { corsOrigins: [...] }` from the configuration file; `TUOPIN_CORS_ORIGINS`
 * (comma-separated) replaces the list.
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
  return { corsOrigins };
}
