import { API_KEY_REVOKED_CHANNEL, onApiKeyRevoked } from '@tuopin/core';
import pg from 'pg';
import type { Logger } from '../log.js';
import type { ApiKeyCache } from './api-key-cache.js';

/** How the listener's backend shows in pg_stat_activity (tests find it there). */
export const REVOCATION_LISTENER_NAME = 'tuopin-api-key-revocations';

export interface RevocationListener {
  /** Stops listening and closes the connection; the cache stays bypassed. */
  stop(): Promise<void>;
}

/**
 * Keeps `cache` in step with revocations: a dedicated connection LISTENs on the revocation channel
 * and drops each revoked key; revocations made in this process are dropped at once too. While the
 * connection is down the cache is suspended (every key checked in the database) and the listener
 * reconnects every `retryMs`; the cache resumes, empty, once LISTEN is in place again.
 */
export function listenForRevocations(options: { databaseUrl: string; cache: ApiKeyCache; log: Pick<Logger, 'warn' | 'info'>; retryMs?: number }): RevocationListener {
  const { cache, log } = options;
  const retryMs = options.retryMs ?? 500;
  let stopped = false;
  let current: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let down = false;
  const unsubscribe = onApiKeyRevoked((prefix) => cache.revoke(prefix));

  const connect = async (): Promise<void> => {
    retry = null;
    if (stopped) return;
    const client = new pg.Client({ connectionString: options.databaseUrl, application_name: REVOCATION_LISTENER_NAME, keepAlive: true });
    let lost = false;
    const onLost = (error?: unknown) => {
      if (lost) return;
      lost = true;
      cache.suspend();
      if (current === client) current = null;
      client.end().catch(() => {});
      if (stopped) return;
      // Said once per outage, not on every failed attempt to reconnect.
      if (!down) log.warn('API key revocations not received: every key is checked in the database until the listener reconnects', { error: error ? String(error) : 'connection ended' });
      down = true;
      retry = setTimeout(() => void connect(), retryMs);
      retry.unref();
    };
    client.on('notification', (message) => {
      if (message.channel === API_KEY_REVOKED_CHANNEL && message.payload) cache.revoke(message.payload);
    });
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.connect();
      await client.query(`listen ${API_KEY_REVOKED_CHANNEL}`);
    } catch (error) {
      onLost(error);
      return;
    }
    if (lost) return;
    if (stopped) {
      await client.end().catch(() => {});
      return;
    }
    current = client;
    cache.resume();
    if (down) log.info('API key revocations received again; verified keys are cached again');
    down = false;
  };

  void connect();
  return {
    async stop() {
      stopped = true;
      unsubscribe();
      cache.suspend();
      if (retry) clearTimeout(retry);
      const client = current;
      current = null;
      await client?.end().catch(() => {});
    },
  };
}
