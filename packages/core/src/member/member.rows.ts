import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError, RuleViolationError } from '../kernel/errors.js';
import type { Household } from '../household/household.entity.js';
import { MemberSchema, type Member } from './member.entity.js';
import type { CheckedIdentity, MemberFields } from './member.validation.js';

/** Typed errors for the member table's constraints, raised when concurrent writes race. */
export const MEMBER_CONSTRAINT_ERRORS = {
  member_id_number_unique: () =>
    new ConflictError('idNumber', '该身份证号已登记在其他户，一人只能属于一户', 'This ID number is already registered in a household; a person belongs to one household'),
  member_one_head_per_household: () =>
    new RuleViolationError('relationToHead', '一户只能有一名户主', 'A household has exactly one head'),
};

/** The columns of a new member row: identity from the checked ID number, the rest as sent. */
export function memberRow(household: Pick<Household, 'id' | 'villageCode'>, member: MemberFields, identity: CheckedIdentity) {
  return {
    householdId: household.id,
    villageCode: household.villageCode,
    ...memberDetailsWithIdentity(member, identity),
  } satisfies Omit<Member, 'id' | 'createdAt' | 'updatedAt'>;
}

/** A new member's own columns: all of `memberRow` but the household's id and village. */
export function memberDetailsWithIdentity(member: MemberFields, identity: CheckedIdentity) {
  return {
    ...memberDetails(member),
    name: member.name.trim(),
    idNumber: identity.idNumber,
    sex: identity.sex,
    birthDate: identity.birthDate,
    relationToHead: member.relationToHead,
  } satisfies Omit<Member, 'id' | 'householdId' | 'villageCode' | 'createdAt' | 'updatedAt'>;
}

/** The optional descriptive fields of a member, with defaults for what was not sent. */
export function memberDetails(member: Partial<MemberFields>) {
  return {
    ethnicity: member.ethnicity?.trim() || null,
    education: member.education ?? null,
    schoolStatus: member.schoolStatus ?? null,
    health: member.health ?? null,
    labourAbility: member.labourAbility ?? null,
    employment: member.employment ?? null,
    employmentMonths: member.employmentMonths ?? null,
    disabilityGrade: member.disabilityGrade ?? null,
    medicalInsurance: member.medicalInsurance ?? false,
    criticalIllnessInsurance: member.criticalIllnessInsurance ?? false,
    pensionInsurance: member.pensionInsurance ?? false,
  };
}

/** Which of these ID numbers are already registered anywhere in the registry. */
export async function findRegisteredIdNumbers(em: EntityManager, idNumbers: string[]): Promise<Set<string>> {
  if (idNumbers.length === 0) return new Set();
  const rows = await em.find(MemberSchema, { idNumber: { $in: idNumbers } }, { fields: ['idNumber'] });
  return new Set(rows.map((row) => row.idNumber));
}
