/**
 * How a revocation reaches every server process at once: `revokeApiKey` sends the key's prefix on
 * this PostgreSQL NOTIFY channel inside its transaction (so it is delivered only if the revocation
 * commits), and each server LISTENs on it to drop the key from its cache of verified keys.
 */
export const API_KEY_REVOKED_CHANNEL = 'tuopin_api_key_revoked';

type RevocationListener = (prefix: string) => void;
const listeners = new Set<RevocationListener>();

/**
 * Calls `listener` with a key's prefix as soon as a revocation commits in this process, before the
 * mutation answers: the process that revoked refuses the key on the very next request, without
 * waiting for its own notification to come back. Returns the unsubscribe function.
 */
export function onApiKeyRevoked(listener: RevocationListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function announceApiKeyRevoked(prefix: string): void {
  for (const listener of listeners) listener(prefix);
}
