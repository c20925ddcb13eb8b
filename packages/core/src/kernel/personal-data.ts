import type { TuopinContext } from './context.js';
import { canReadPersonalData } from './principal.js';

/** `433125********123X`: the issuing area and the last four characters stay readable. */
export function maskIdNumber(idNumber: string): string {
  return `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`;
}

/** `6230***********1234`: the bank's prefix and the last four digits stay readable. */
export function maskBankAccount(account: string): string {
  return account.length <= 8 ? '*'.repeat(account.length) : `${account.slice(0, 4)}${'*'.repeat(account.length - 8)}${account.slice(-4)}`;
}

/** Whose personal data a field belongs to, for the audit record of an unmasked read. */
export interface PersonalDataOwner {
  objectType: string;
  objectId: string | number;
  areaCode: string | null;
}

/**
 * A personal-data field as the caller may see it: the value itself (and the read recorded) for
 * roles that may read personal data, otherwise `masked(value)` — a partly hidden string, or null
 * for details that cannot be partly shown, such as health.
 */
export function personalValue<T, M>(ctx: TuopinContext, owner: PersonalDataOwner, field: string, value: T | null | undefined, masked: (value: T) => M): T | M | null {
  if (value === null || value === undefined) return null;
  if (!canReadPersonalData(ctx.principal)) return masked(value);
  ctx.audit.recordPersonalRead(owner.objectType, owner.objectId, owner.areaCode, field);
  return value;
}

/** Hides a detail completely. */
export const hidden = (): null => null;
