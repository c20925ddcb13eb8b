/**
 * The generic household generator: given where a household lives, how many people it has and
 * its status, it invents the family and everything the registry records about it, and writes
 * the household, member and income rows in COPY text format. Shared by the demo and the
 * benchmark seeder.
 */
import type { HouseholdCategory, HouseholdStatus, HousingSafetyGrade, PovertyCause } from '@tuopin/core';
import { bool, money, opt, type RowBuffer, textArray } from './copy.js';
import { birthDayForAge, REFERENCE_YEAR } from './dates.js';
import type { IdNumberAllocator } from './id-numbers.js';
import { personName } from './names.js';
import { assignHealth, assignSchooling, assignWork, composeFamily, isStudent, type Person } from './people.js';
import type { RegionProfile } from './profiles.js';
import { Weighted, type Random } from './random.js';
import { povertyLine } from './poverty-lines.js';

export const HOUSEHOLD_COLUMNS = [
  'id', 'household_no', 'village_code', 'group_id', 'category', 'status', 'year_identified', 'exit_year',
  'primary_cause', 'other_causes', 'food_secure', 'clothing_secure', 'compulsory_education_secure',
  'basic_medical_secure', 'housing_secure', 'housing_area', 'housing_safety_grade', 'safe_drinking_water',
  'arable_land', 'bank_account', 'member_count',
] as const;

export const MEMBER_COLUMNS = [
  'household_id', 'village_code', 'name', 'id_number', 'sex', 'birth_date', 'relation_to_head', 'ethnicity',
  'education', 'school_status', 'health', 'labour_ability', 'employment', 'employment_months', 'disability_grade',
  'medical_insurance', 'critical_illness_insurance', 'pension_insurance',
] as const;

/** net_income and per_capita_net_income are generated columns and are never written. */
export const INCOME_COLUMNS = ['household_id', 'year', 'wages', 'business', 'transfers', 'property', 'production_costs', 'household_size'] as const;

/** The decisions made before a household is generated (the planners use them to hit targets). */
export interface HouseholdSpec {
  id: number;
  householdNo: string;
  villageCode: string;
  groupId: number;
  /** Members, 1–8. */
  size: number;
  status: HouseholdStatus;
  /** Required for EXITED, kept for RETURNED (the year it had exited), null for POOR. */
  exitYear: number | null;
}

export interface HouseholdSinks {
  households: RowBuffer;
  members: RowBuffer;
  incomes: RowBuffer;
}

export interface GeneratorContext {
  rng: Random;
  profile: RegionProfile;
  ids: IdNumberAllocator;
  /** The 6-digit area prefix of members' ID numbers (the county's). */
  idPrefix: string;
  /** Income years that may be recorded, oldest first; each household gets the last 1–n of them. */
  incomeYears: readonly number[];
  sinks: HouseholdSinks;
  /** Every ID number issued, when the caller wants a uniqueness check (costly for millions). */
  issuedIds?: Set<string>;
}

/** What was generated, for the callers' tallies. */
export interface GeneratedHousehold {
  category: HouseholdCategory;
  members: number;
  incomes: number;
}

const YEAR_IDENTIFIED = new Weighted<number>([[2014, 60], [2015, 20], [2016, 12], [2017, 4], [2018, 3], [2019, 1]]);

const PRIMARY_CAUSES = new Weighted<PovertyCause>([
  ['ILLNESS', 40], ['LACK_OF_CAPITAL', 14], ['LACK_OF_SKILLS', 11], ['LACK_OF_LABOUR', 8], ['DISABILITY', 8],
  ['EDUCATION', 6], ['DISASTER', 3], ['POOR_TRANSPORT', 3], ['LACK_OF_LAND', 2], ['LACK_OF_DRIVE', 2],
  ['LACK_OF_WATER', 2], ['OTHER', 1],
]);
const HARDSHIP_CAUSES = new Weighted<PovertyCause>([['LACK_OF_LABOUR', 50], ['ILLNESS', 30], ['DISABILITY', 20]]);
const OTHER_CAUSES = new Weighted<PovertyCause>([
  ['LACK_OF_CAPITAL', 25], ['LACK_OF_SKILLS', 20], ['ILLNESS', 12], ['LACK_OF_LABOUR', 10], ['POOR_TRANSPORT', 8],
  ['EDUCATION', 6], ['DISABILITY', 5], ['DISASTER', 4], ['LACK_OF_LAND', 4], ['LACK_OF_WATER', 3], ['LACK_OF_DRIVE', 3],
]);

const GRADES: Record<HouseholdStatus, Weighted<HousingSafetyGrade>> = {
  // Safe housing is a condition of exit, so exited households live in A or B houses.
  EXITED: new Weighted<HousingSafetyGrade>([['A', 55], ['B', 45]]),
  POOR: new Weighted<HousingSafetyGrade>([['A', 30], ['B', 45], ['C', 17], ['D', 8]]),
  RETURNED: new Weighted<HousingSafetyGrade>([['A', 35], ['B', 50], ['C', 10], ['D', 5]]),
};

function chooseCauses(rng: Random, family: Person[], category: HouseholdCategory): [PovertyCause, PovertyCause[]] {
  let primary: PovertyCause;
  if (category === 'EXTREME_HARDSHIP') primary = HARDSHIP_CAUSES.pick(rng);
  else {
    primary = PRIMARY_CAUSES.pick(rng);
    const workingAge = family.some((p) => p.age >= 16 && p.age < 60 && !isStudent(p));
    if (!workingAge && rng.chance(0.6)) primary = 'LACK_OF_LABOUR';
    // Education costs need someone in school.
    if (primary === 'EDUCATION' && !family.some(isStudent)) primary = 'LACK_OF_CAPITAL';
  }
  const others: PovertyCause[] = [];
  const wanted = rng.chance(0.35) ? 0 : rng.chance(0.7) ? 1 : 2;
  for (let tries = 0; others.length < wanted && tries < 10; tries++) {
    const cause = OTHER_CAUSES.pick(rng);
    if (cause === primary || others.includes(cause)) continue;
    if (cause === 'EDUCATION' && !family.some(isStudent)) continue;
    // One person cannot show both an illness and a disability.
    if (family.length === 1 && [primary, ...others, cause].includes('ILLNESS') && [primary, ...others, cause].includes('DISABILITY')) continue;
    others.push(cause);
  }
  return [primary, others];
}

function chooseCategory(rng: Random, family: Person[]): HouseholdCategory {
  // 特困供养 (五保): old people living alone or as a couple, without support.
  if (family.length <= 2 && family[0].age >= 60 && family.every((p) => p.age >= 55) && rng.chance(0.45)) return 'EXTREME_HARDSHIP';
  return 'ORDINARY';
}

/**
 * Per-capita net income relative to the poverty line: exited households stably above it, poor
 * ones mostly below (a few near exit are just above), returned ones below.
 */
function incomeFactor(rng: Random, status: HouseholdStatus): number {
  if (status === 'EXITED') return rng.between(1.15, 2.6);
  if (status === 'RETURNED') return rng.between(0.45, 0.95);
  return rng.chance(0.88) ? rng.between(0.5, 0.96) : rng.between(1.0, 1.25);
}

function writeIncomes(ctx: GeneratorContext, spec: HouseholdSpec, family: Person[], category: HouseholdCategory): number {
  const { rng, incomeYears } = ctx;
  const count = Math.min(incomeYears.length, rng.chance(0.2) ? 1 : rng.chance(0.375) ? 2 : 3);
  const workers = family.reduce((n, p) => n + (p.employment !== null && p.employment !== 'NOT_WORKING' ? 1 : 0), 0);
  const elderly = family.some((p) => p.age >= 60);
  const base = incomeFactor(rng, spec.status);
  for (let i = incomeYears.length - count; i < incomeYears.length; i++) {
    const year = incomeYears[i];
    let factor = base * rng.between(0.92, 1.04);
    if (spec.status === 'EXITED' && factor < 1.08) factor = 1.08;
    if (spec.status !== 'EXITED' && base < 1 && factor > 0.98) factor = 0.98;
    const net = Math.round(povertyLine(year) * factor * spec.size * 100);
    let transferShare = category === 'EXTREME_HARDSHIP' ? rng.between(0.55, 0.85) : category === 'MINIMUM_LIVING_ALLOWANCE' ? rng.between(0.3, 0.5) : rng.between(0.08, 0.25);
    if (elderly) transferShare = Math.min(0.9, transferShare + 0.05);
    const transfers = Math.round(net * transferShare);
    const property = Math.round(net * rng.between(0, 0.04));
    const rest = net - transfers - property;
    const wages = Math.round(rest * (workers > 0 ? rng.between(0.55, 0.9) : rng.between(0, 0.05)));
    const businessNet = rest - wages;
    const gross = Math.round(businessNet / (1 - rng.between(0.2, 0.45)));
    const costs = gross - businessNet;
    ctx.sinks.incomes.row(`${spec.id}\t${year}\t${money(wages)}\t${money(gross)}\t${money(transfers)}\t${money(property)}\t${money(costs)}\t${spec.size}`);
  }
  return count;
}

/** Generates one household with its members and incomes into the sinks. */
export function generateHousehold(ctx: GeneratorContext, spec: HouseholdSpec): GeneratedHousehold {
  const { rng, profile } = ctx;
  const family = composeFamily(rng, spec.size, profile);
  for (const p of family) assignSchooling(rng, p);
  let category = chooseCategory(rng, family);
  const [primary, others] = chooseCauses(rng, family, category);
  assignHealth(rng, family, [primary, ...others]);
  for (const p of family) assignWork(rng, p, profile);
  if (category === 'ORDINARY') {
    // 低保: more often where illness or disability leaves the family short of labour.
    const needy = primary === 'ILLNESS' || primary === 'DISABILITY' || primary === 'LACK_OF_LABOUR';
    if (rng.chance(needy ? 0.24 : 0.11)) category = 'MINIMUM_LIVING_ALLOWANCE';
  }

  let yearIdentified = YEAR_IDENTIFIED.pick(rng);
  if (spec.exitYear !== null && yearIdentified > spec.exitYear) {
    yearIdentified = Math.min(spec.exitYear, Math.max(2014, spec.exitYear - rng.int(0, 1)));
  }

  const exited = spec.status === 'EXITED';
  const grade = GRADES[spec.status].pick(rng);
  const hasPupils = family.some(isStudent);
  const food = exited || rng.chance(0.93);
  const clothing = exited || rng.chance(0.95);
  const education = exited ? rng.chance(0.995) : !hasPupils || rng.chance(0.88);
  const medical = exited ? rng.chance(0.995) : rng.chance(0.9);
  const housing = (grade === 'A' || grade === 'B') && (exited || rng.chance(0.95));
  const water = exited ? rng.chance(0.99) : rng.chance(0.85);
  const area = Math.round((rng.between(25, 45) + spec.size * rng.between(15, 28)) * 100);
  const [landMin, landMax] = profile.arableLand;
  const land = Math.round(rng.between(landMin, landMax) * 100);
  // Synthetic account numbers: 6230 and 15 random digits, not anybody's account.
  const bankAccount = '6230' + rng.digits(15);

  ctx.sinks.households.row(
    `${spec.id}\t${spec.householdNo}\t${spec.villageCode}\t${spec.groupId}\t${category}\t${spec.status}\t${yearIdentified}\t${opt(spec.exitYear)}\t` +
      `${primary}\t${textArray(others)}\t${bool(food)}\t${bool(clothing)}\t${bool(education)}\t${bool(medical)}\t${bool(housing)}\t` +
      `${money(area)}\t${grade}\t${bool(water)}\t${money(land)}\t${bankAccount}\t${family.length}`,
  );

  for (const p of family) {
    const allocated = ctx.ids.allocate(ctx.idPrefix, birthDayForAge(p.age, rng.next()), p.sex);
    if (ctx.issuedIds) {
      if (ctx.issuedIds.has(allocated.idNumber)) throw new Error(`duplicate ID number ${allocated.idNumber}`);
      ctx.issuedIds.add(allocated.idNumber);
    }
    const name = personName(rng, p.surname, p.sex, REFERENCE_YEAR - p.age);
    const medicalInsurance = rng.chance(0.97);
    const criticalIllness = medicalInsurance && rng.chance(0.94);
    const pension = p.age >= 16 && !isStudent(p) && rng.chance(p.age >= 60 ? 0.95 : 0.85);
    ctx.sinks.members.row(
      `${spec.id}\t${spec.villageCode}\t${name}\t${allocated.idNumber}\t${p.sex}\t${allocated.birthDate}\t${p.relation}\t${p.ethnicity}\t` +
        `${p.education}\t${p.school}\t${p.health}\t${p.labour}\t${opt(p.employment)}\t${opt(p.employmentMonths)}\t${opt(p.disabilityGrade)}\t` +
        `${bool(medicalInsurance)}\t${bool(criticalIllness)}\t${bool(pension)}`,
    );
  }

  const incomes = ctx.incomeYears.length > 0 ? writeIncomes(ctx, spec, family, category) : 0;
  return { category, members: family.length, incomes };
}
