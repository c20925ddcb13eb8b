import { createHash } from 'node:crypto';
import { print, type GraphQLResolveInfo } from 'graphql';
import { ValidationError } from '../errors.js';
import type { PlatformSettings } from '../settings.js';
import type { KeyAddress } from './idempotency-store.js';

/** The HTTP header a client sends a mutation's idempotency key in (IETF httpapi idempotency-key draft). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** How long a key is kept when `idempotencyKeyHours` is not configured. */
export const DEFAULT_IDEMPOTENCY_KEY_HOURS = 24;

/** The longest key accepted; a UUID (36) or a ULID (26) fits with room to spare. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 128;

// Visible ASCII without the quote and the backslash: what a structured-field string holds unescaped.
const KEY_CHARACTERS = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

/** One root mutation field's claim on the key, set while the field runs. */
export interface FieldClaim {
  readonly address: KeyAddress;
  /** The root mutation field's name. */
  readonly operation: string;
  readonly requestHash: string;
  /** Whether this field's key row is written in a transaction that has not failed. */
  claimed: boolean;
}

/**
 * The request's `Idempotency-Key`, as the HTTP layer found it, and which root mutation field is
 * running. Root mutation fields run one after another, so one slot is enough; a service that hands
 * `{ ...ctx, em }` to another shares this object, and with it the claim.
 */
export class IdempotentRequest {
  /** The SHA-256 of the operation and its variables, computed by the first mutation field. */
  fingerprint: string | null = null;
  current: FieldClaim | null = null;

  constructor(
    /** The header as sent, checked only when a mutation runs (queries ignore it). */
    readonly rawKey: string,
  ) {}

  /** The key without the optional structured-field quotes; throws a ValidationError naming the header when unusable. */
  key(): string {
    const unquoted = /^".*"$/s.test(this.rawKey) ? this.rawKey.slice(1, -1) : this.rawKey;
    if (unquoted.length === 0 || unquoted.length > MAX_IDEMPOTENCY_KEY_LENGTH || !KEY_CHARACTERS.test(unquoted)) {
      throw ValidationError.of(
        IDEMPOTENCY_KEY_HEADER,
        `请求头 ${IDEMPOTENCY_KEY_HEADER} 须为1至${MAX_IDEMPOTENCY_KEY_LENGTH}个可见 ASCII 字符（不含引号、反斜杠、空格和控制字符），如 UUID`,
        `The ${IDEMPOTENCY_KEY_HEADER} header must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} visible ASCII characters (no quotes, backslashes, spaces or control characters), e.g. a UUID`,
      );
    }
    return unquoted;
  }
}

/** Object keys sorted at every level, so that `{a, b}` and `{b, a}` are one request. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

/**
 * The whole request a key was sent with: the operation (with its fragments) and its variables.
 * The whole document rather than one field, so that the same key with another mutation, other
 * variables or another document is refused even when its first field matches.
 */
export function requestFingerprint(info: GraphQLResolveInfo): string {
  const fragments = Object.keys(info.fragments).sort().map((name) => print(info.fragments[name]!));
  const text = [print(info.operation), ...fragments, JSON.stringify(canonical(info.variableValues))].join('\n');
  return createHash('sha256').update(text).digest('hex');
}

/** Keys created before this instant are expired: ignored, and purged by later keyed writes. */
export function expiryCutoff(settings: PlatformSettings): Date {
  const now = settings.clock?.() ?? new Date();
  return new Date(now.getTime() - (settings.idempotencyKeyHours ?? DEFAULT_IDEMPOTENCY_KEY_HOURS) * 3_600_000);
}

/** Now, by the settings' clock (so that tests move keys past their retention without waiting). */
export function keyClock(settings: PlatformSettings): Date {
  return settings.clock?.() ?? new Date();
}
