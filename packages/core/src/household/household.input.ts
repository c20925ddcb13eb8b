import type { Household } from './household.entity.js';
import type { HouseholdCategory, HouseholdStatus, HousingSafetyGrade, PovertyCause } from './household-enums.js';
import type { HouseholdState } from './household.validation.js';

/** 两不愁三保障 as clients send it. */
export interface AssurancesInput {
  food?: boolean | null;
  clothing?: boolean | null;
  compulsoryEducation?: boolean | null;
  basicMedicalCare?: boolean | null;
  safeHousing?: boolean | null;
}

export interface HousingInput {
  area?: number | null;
  safetyGrade?: HousingSafetyGrade | null;
  safeDrinkingWater?: boolean | null;
}

/** A household's own fields as the GraphQL inputs carry them (nested the way the type reads). */
export interface HouseholdFieldsInput {
  householdNo: string;
  villageCode: string;
  groupId?: number | null;
  category: HouseholdCategory;
  status?: HouseholdStatus | null;
  yearIdentified: number;
  exitYear?: number | null;
  primaryCause: PovertyCause;
  otherCauses?: PovertyCause[] | null;
  assurances?: AssurancesInput | null;
  housing?: HousingInput | null;
  arableLand?: number | null;
  bankAccount?: string | null;
}

/** An update: absent fields stay as they are; an explicit null clears an optional field. */
export type HouseholdPatch = { [K in keyof HouseholdFieldsInput]?: HouseholdFieldsInput[K] | null };

export function stateFromRegistration(input: HouseholdFieldsInput): HouseholdState {
  return {
    householdNo: input.householdNo.trim(),
    villageCode: input.villageCode.trim(),
    groupId: input.groupId ?? null,
    category: input.category,
    status: input.status ?? 'POOR',
    yearIdentified: input.yearIdentified,
    exitYear: input.exitYear ?? null,
    primaryCause: input.primaryCause,
    otherCauses: input.otherCauses ?? [],
    foodSecure: input.assurances?.food ?? false,
    clothingSecure: input.assurances?.clothing ?? false,
    compulsoryEducationSecure: input.assurances?.compulsoryEducation ?? false,
    basicMedicalSecure: input.assurances?.basicMedicalCare ?? false,
    housingSecure: input.assurances?.safeHousing ?? false,
    housingArea: input.housing?.area ?? null,
    housingSafetyGrade: input.housing?.safetyGrade ?? null,
    safeDrinkingWater: input.housing?.safeDrinkingWater ?? null,
    arableLand: input.arableLand ?? null,
    bankAccount: input.bankAccount?.trim() || null,
  };
}

/** `patch[key]` when the client sent it (null included), else the current value. */
function pick<T>(sent: T | null | undefined, current: T): T | null {
  return sent === undefined ? current : sent;
}

/**
 * The state after an update. Required fields cannot be cleared (null keeps them); moving to
 * another village drops the group unless a new one is given, since groups belong to villages.
 */
export function applyHouseholdPatch(current: Household, patch: HouseholdPatch): HouseholdState {
  const villageCode = patch.villageCode?.trim() || current.villageCode;
  const moved = villageCode !== current.villageCode;
  const a = patch.assurances ?? {};
  const h = patch.housing ?? {};
  return {
    householdNo: patch.householdNo?.trim() || current.householdNo,
    villageCode,
    groupId: patch.groupId === undefined ? (moved ? null : (current.groupId ?? null)) : patch.groupId,
    category: patch.category ?? current.category,
    status: patch.status ?? current.status,
    yearIdentified: patch.yearIdentified ?? current.yearIdentified,
    exitYear: pick(patch.exitYear, current.exitYear ?? null),
    primaryCause: patch.primaryCause ?? current.primaryCause,
    otherCauses: patch.otherCauses ?? current.otherCauses,
    foodSecure: a.food ?? current.foodSecure,
    clothingSecure: a.clothing ?? current.clothingSecure,
    compulsoryEducationSecure: a.compulsoryEducation ?? current.compulsoryEducationSecure,
    basicMedicalSecure: a.basicMedicalCare ?? current.basicMedicalSecure,
    housingSecure: a.safeHousing ?? current.housingSecure,
    housingArea: pick(h.area, current.housingArea == null ? null : Number(current.housingArea)),
    housingSafetyGrade: pick(h.safetyGrade, current.housingSafetyGrade ?? null),
    safeDrinkingWater: pick(h.safeDrinkingWater, current.safeDrinkingWater ?? null),
    arableLand: pick(patch.arableLand, current.arableLand == null ? null : Number(current.arableLand)),
    bankAccount: patch.bankAccount === undefined ? (current.bankAccount ?? null) : patch.bankAccount?.trim() || null,
  };
}
