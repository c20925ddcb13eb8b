import type { TuopinContext } from './context.js';
import { ForbiddenError, ValidationError } from './errors.js';
import { notFound } from './access.js';
import { unlocks } from './access-registry.js';

/*
 * Personal data is the resident ID number, the birth date (the ID number's hidden digits), the
 * bank account and health details (health status, disability grade). Callers whose permissions do
 * not unlock it (`unlocks: 'unmasked-personal-data'`, core's `core.personal-data.read`) get it
 * masked through `personalValue`, the one place that decides, so
 * that a plugin's fields are masked the same way; and they cannot run a rule that checks it
 * (`assertCanUsePersonalData`), because the rule's answer would read it back to them.
 */

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
  if (!unlocks(ctx.principal, 'unmasked-personal-data')) return masked(value);
  ctx.audit.recordPersonalRead(owner.objectType, owner.objectId, owner.areaCode, field);
  return value;
}

/** Hides a detail completely. */
export const hidden = (): null => null;

/**
 * Refuses an operation whose rule checks personal data, for a caller who sees that data masked:
 * accepted or refused, and with what reason, its answer would tell the caller what the mask
 * hides — a borrower's age on a chosen date pins down the birth date, and so the ID number.
 * Officers, who see the data, run such operations. Call it before the rule, whatever the outcome.
 */
export function assertCanUsePersonalData(ctx: TuopinContext, field: string, whatZh: string, whatEn: string): void {
  if (unlocks(ctx.principal, 'unmasked-personal-data')) return;
  throw new ForbiddenError(
    field,
    `此操作要核对${whatZh}，而您的角色看不到个人信息；请由县、乡、村干部办理`,
    `This checks ${whatEn}, which your role sees masked; a county, township or village officer must do it`,
  );
}

/** What a caller who sees personal data masked gets instead of free text. */
export const MASKED_TEXT = '***';

/**
 * Free text typed by clerks — a ledger entry's memo, a reason — may name a person, an illness or
 * a registry record, whatever the form asked for. Roles that read personal data see it; the others
 * (partners, school staff) get `***`, so that the text never carries past the mask what the
 * structured fields hide. No read is recorded: the text is no one person's record.
 */
export function freeTextValue(ctx: TuopinContext, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return unlocks(ctx.principal, 'unmasked-personal-data') ? value : MASKED_TEXT;
}

/**
 * A caller who sees ID numbers masked (a school's staff) acting on one person chosen by id must
 * show that they know the person: give the full ID number, which the person showed them. Without
 * it, trying ids one by one would read names back from the payloads. A wrong number is answered
 * exactly like an unknown id (not found on `fields.person`), and a missing one is refused whether
 * or not the person exists (pass null for a person not found or outside the caller's scope), so
 * trying tells nothing; callers who read personal data are not asked. Call it before anything
 * about the person is used or returned.
 */
export function assertKnowsPerson(
  ctx: TuopinContext,
  person: { idNumber: string } | null,
  given: string | null | undefined,
  fields: { person: string; idNumber: string },
  what: readonly [zh: string, en: string],
): void {
  if (unlocks(ctx.principal, 'unmasked-personal-data')) return;
  const typed = given?.trim().toUpperCase() ?? '';
  if (typed === '') {
    throw ValidationError.of(fields.idNumber, `您的角色须填写${what[0]}的身份证号`, `Your role must give the ${what[1].toLowerCase()}'s ID number`);
  }
  if (person === null || typed !== person.idNumber.toUpperCase()) throw notFound(fields.person, what[0], what[1]);
}
