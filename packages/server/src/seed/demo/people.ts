/**
 * The people of one household: who they are to the head, their sex and age (a family whose
 * relations fit the ages), then schooling, health, labour ability and work that fit the age
 * and the household's cause of poverty. Ages are at the end of REFERENCE_YEAR.
 */
import type {
  EducationLevel,
  EmploymentStatus,
  HealthStatus,
  LabourAbility,
  PovertyCause,
  RelationToHead,
  SchoolStatus,
} from '@tuopin/core';
import type { Sex } from './id-numbers.js';
import type { RegionProfile } from './profiles.js';
import { Weighted, type Random } from './random.js';

export interface Person {
  relation: RelationToHead;
  sex: Sex;
  age: number;
  surname: string;
  ethnicity: string;
  education: EducationLevel;
  school: SchoolStatus;
  health: HealthStatus;
  disabilityGrade: number | null;
  labour: LabourAbility;
  /** null for children and pupils. */
  employment: EmploymentStatus | null;
  employmentMonths: number | null;
}

const MAX_AGE = 96;

function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}

function person(relation: RelationToHead, sex: Sex, age: number, surname: string, ethnicity: string): Person {
  return {
    relation,
    sex,
    age: clamp(age, 0, MAX_AGE),
    surname,
    ethnicity,
    education: 'PRESCHOOL_CHILD',
    school: 'NOT_IN_SCHOOL',
    health: 'HEALTHY',
    disabilityGrade: null,
    labour: 'NONE',
    employment: null,
    employmentMonths: null,
  };
}

function opposite(sex: Sex): Sex {
  return sex === 'MALE' ? 'FEMALE' : 'MALE';
}

function randomSex(rng: Random): Sex {
  return rng.chance(0.52) ? 'MALE' : 'FEMALE';
}

/**
 * A family of `size` people, head first: a couple (or a widowed head) with children; older heads
 * often live with a married son and grandchildren, younger ones sometimes with their parents.
 */
export function composeFamily(rng: Random, size: number, profile: RegionProfile): Person[] {
  const headAge = size === 1 ? rng.int(48, 84) : size === 2 ? rng.int(36, 80) : rng.int(30, 72);
  const headSex: Sex = rng.chance(size === 1 ? 0.62 : 0.88) ? 'MALE' : 'FEMALE';
  const ethnicity = profile.ethnicities.pick(rng);
  const otherEthnicity = (): string => (rng.chance(0.8) ? ethnicity : profile.ethnicities.pick(rng));
  const head = person('HEAD', headSex, headAge, profile.surnames.pick(rng), ethnicity);
  const family = [head];
  let remaining = size - 1;

  let spouse: Person | null = null;
  if (remaining > 0 && rng.chance(size === 2 ? 0.72 : 0.88)) {
    // Wives are usually a few years younger than their husbands.
    const gap = rng.int(-2, 6);
    const age = headSex === 'MALE' ? headAge - gap : headAge + gap;
    spouse = person('SPOUSE', opposite(headSex), Math.max(age, 20), profile.surnames.pick(rng), otherEthnicity());
    family.push(spouse);
    remaining--;
  }
  // Children carry the father's surname.
  const lineSurname = headSex === 'MALE' ? head.surname : spouse ? spouse.surname : rng.chance(0.5) ? head.surname : profile.surnames.pick(rng);
  const youngerParentAge = spouse ? Math.min(headAge, spouse.age) : headAge;

  if (headAge >= 55 && remaining >= 2 && rng.chance(0.6)) {
    // Three generations: a married child and grandchildren live with the head.
    const childAge = Math.max(20, youngerParentAge - rng.int(22, 32));
    let parentOfGrandchildren: number;
    if (rng.chance(0.88)) {
      family.push(person('SON', 'MALE', childAge, lineSurname, ethnicity));
      remaining--;
      if (rng.chance(0.85)) {
        family.push(person('DAUGHTER_IN_LAW', 'FEMALE', childAge - rng.int(-1, 4), profile.surnames.pick(rng), otherEthnicity()));
        remaining--;
      }
    } else {
      // 上门女婿: the daughter's husband joins her family, the children keep the family surname.
      family.push(person('DAUGHTER', 'FEMALE', childAge, lineSurname, ethnicity));
      family.push(person('SON_IN_LAW', 'MALE', childAge + rng.int(-1, 4), profile.surnames.pick(rng), otherEthnicity()));
      remaining -= 2;
    }
    parentOfGrandchildren = childAge;
    if (remaining > 0 && rng.chance(0.2)) {
      // An unmarried younger child still at home.
      const sex = randomSex(rng);
      family.push(person(sex === 'MALE' ? 'SON' : 'DAUGHTER', sex, Math.max(15, childAge - rng.int(2, 8)), lineSurname, ethnicity));
      remaining--;
    }
    while (remaining > 0) {
      const sex = randomSex(rng);
      const age = rng.int(0, Math.max(0, Math.min(parentOfGrandchildren - 20, 16)));
      family.push(person(sex === 'MALE' ? 'GRANDSON' : 'GRANDDAUGHTER', sex, age, lineSurname, ethnicity));
      remaining--;
    }
    return family;
  }

  if (headAge <= 50 && remaining >= 3 && rng.chance(0.35)) {
    // The head's parents (or the widowed one) live with the family.
    const motherAge = Math.min(MAX_AGE, headAge + rng.int(22, 32));
    family.push(person('MOTHER', 'FEMALE', motherAge, profile.surnames.pick(rng), ethnicity));
    remaining--;
    if (remaining >= 3 && rng.chance(0.5)) {
      family.push(person('FATHER', 'MALE', Math.min(MAX_AGE, motherAge + rng.int(-1, 5)), head.surname, ethnicity));
      remaining--;
    }
  }
  if (remaining > 0 && rng.chance(0.03)) {
    // An unmarried brother or sister of the head.
    const sex = randomSex(rng);
    family.push(person('SIBLING', sex, Math.max(16, headAge + rng.int(-8, 8)), head.surname, ethnicity));
    remaining--;
  }
  while (remaining > 0) {
    const sex = randomSex(rng);
    let age = youngerParentAge - rng.int(20, 38);
    if (age < 0) age = rng.int(0, Math.max(0, youngerParentAge - 20));
    family.push(person(sex === 'MALE' ? 'SON' : 'DAUGHTER', sex, age, lineSurname, ethnicity));
    remaining--;
  }
  return family;
}

// Education attained by adults, by age band.
const EDUCATION_65_PLUS = new Weighted<EducationLevel>([['ILLITERATE', 45], ['PRIMARY', 42], ['JUNIOR_HIGH', 11], ['SENIOR_HIGH', 2]]);
const EDUCATION_45_64 = new Weighted<EducationLevel>([['ILLITERATE', 12], ['PRIMARY', 45], ['JUNIOR_HIGH', 35], ['SENIOR_HIGH', 7], ['COLLEGE_OR_ABOVE', 1]]);
const EDUCATION_23_44 = new Weighted<EducationLevel>([['ILLITERATE', 2], ['PRIMARY', 15], ['JUNIOR_HIGH', 55], ['SENIOR_HIGH', 20], ['COLLEGE_OR_ABOVE', 8]]);
const EDUCATION_18_22 = new Weighted<EducationLevel>([['PRIMARY', 5], ['JUNIOR_HIGH', 60], ['SENIOR_HIGH', 30], ['COLLEGE_OR_ABOVE', 5]]);

/** Schooling by age: pre-school, compulsory school, senior or vocational school, college. */
export function assignSchooling(rng: Random, p: Person): void {
  const age = p.age;
  if (age <= 2) {
    p.education = 'PRESCHOOL_CHILD';
    p.school = 'NOT_IN_SCHOOL';
  } else if (age <= 5) {
    p.education = 'PRESCHOOL_CHILD';
    p.school = rng.chance(0.85) ? 'PRESCHOOL' : 'NOT_IN_SCHOOL';
  } else if (age <= 11) {
    p.education = 'PRIMARY';
    p.school = 'PRIMARY';
  } else if (age <= 14) {
    p.education = 'JUNIOR_HIGH';
    p.school = 'JUNIOR_HIGH';
  } else if (age <= 17) {
    const x = rng.next();
    if (x < 0.55) {
      p.education = 'SENIOR_HIGH';
      p.school = 'SENIOR_HIGH';
    } else if (x < 0.87) {
      p.education = 'SENIOR_HIGH';
      p.school = 'SECONDARY_VOCATIONAL';
    } else {
      p.education = 'JUNIOR_HIGH';
      p.school = 'NOT_IN_SCHOOL';
    }
  } else if (age <= 22 && p.relation !== 'HEAD' && p.relation !== 'SPOUSE' && rng.chance(0.2)) {
    p.education = 'COLLEGE_OR_ABOVE';
    p.school = rng.chance(0.55) ? 'HIGHER_VOCATIONAL' : 'UNDERGRADUATE_OR_ABOVE';
  } else {
    const table = age >= 65 ? EDUCATION_65_PLUS : age >= 45 ? EDUCATION_45_64 : age >= 23 ? EDUCATION_23_44 : EDUCATION_18_22;
    p.education = table.pick(rng);
    p.school = 'NOT_IN_SCHOOL';
  }
}

/** In school (beyond pre-school): a pupil or student. */
export function isStudent(p: Person): boolean {
  return p.school !== 'NOT_IN_SCHOOL' && p.school !== 'PRESCHOOL';
}

/**
 * Health, with the household's causes made visible: an illness household has a chronically or
 * seriously ill member, a disability household a disabled one (for one person alone, the
 * household generator never gives both causes).
 */
export function assignHealth(rng: Random, family: Person[], causes: readonly PovertyCause[]): void {
  for (const p of family) {
    const x = rng.next();
    const [chronic, serious, disabled] = p.age >= 60 ? [0.25, 0.04, 0.04] : p.age >= 18 ? [0.06, 0.015, 0.02] : [0.01, 0.003, 0.01];
    p.health = x < disabled ? 'DISABLED' : x < disabled + serious ? 'SERIOUS_ILLNESS' : x < disabled + serious + chronic ? 'CHRONIC_ILLNESS' : 'HEALTHY';
  }
  if (causes.includes('ILLNESS') && !family.some((p) => p.health === 'CHRONIC_ILLNESS' || p.health === 'SERIOUS_ILLNESS')) {
    // Usually an adult: the head, the spouse or an elderly parent.
    const adults = family.filter((p) => p.age >= 18);
    const patient = rng.pick(adults.length > 0 ? adults : family);
    patient.health = rng.chance(0.4) ? 'SERIOUS_ILLNESS' : 'CHRONIC_ILLNESS';
  }
  if (causes.includes('DISABILITY') && !family.some((p) => p.health === 'DISABLED')) {
    // Someone healthy, so that an illness shown above stays visible.
    const healthy = family.filter((p) => p.health === 'HEALTHY');
    rng.pick(healthy.length > 0 ? healthy : family).health = 'DISABLED';
  }
  for (const p of family) if (p.health === 'DISABLED') p.disabilityGrade = rng.int(1, 4);
}

const WORK_AWAY = new Weighted<EmploymentStatus>([['OUT_OF_PROVINCE', 65], ['IN_PROVINCE', 35]]);

/** Labour ability from age and health; work and months worked from ability, age and region. */
export function assignWork(rng: Random, p: Person, profile: RegionProfile): void {
  const age = p.age;
  if (age < 16 || isStudent(p)) {
    p.labour = 'NONE';
    p.employment = null;
    p.employmentMonths = null;
    return;
  }
  if (p.health === 'DISABLED') p.labour = (p.disabilityGrade ?? 4) <= 2 ? 'LOST' : 'WEAK';
  else if (p.health === 'SERIOUS_ILLNESS') p.labour = rng.chance(0.6) ? 'LOST' : 'WEAK';
  else if (p.health === 'CHRONIC_ILLNESS') p.labour = rng.chance(0.7) ? 'WEAK' : 'ORDINARY';
  else if (age >= 70) p.labour = rng.chance(0.6) ? 'NONE' : 'WEAK';
  else if (age >= 60) p.labour = rng.chance(0.6) ? 'WEAK' : 'ORDINARY';
  else {
    const x = rng.next();
    p.labour = x < 0.12 ? 'SKILLED' : x < 0.95 ? 'ORDINARY' : 'WEAK';
  }

  let employment: EmploymentStatus = 'NOT_WORKING';
  if (p.labour === 'ORDINARY' || p.labour === 'SKILLED') {
    // Migrant work is the norm between 20 and 50; older people work nearer home.
    const away = age <= 50 ? profile.migrantShare : age <= 60 ? profile.migrantShare / 3 : 0.02;
    const x = rng.next();
    if (x < away) employment = WORK_AWAY.pick(rng);
    else if (x < away + 0.14) employment = 'IN_COUNTY';
    else if (x < away + 0.3) employment = 'LOCAL';
  } else if (p.labour === 'WEAK' && rng.chance(0.15)) {
    employment = 'LOCAL';
  }
  p.employment = employment;
  p.employmentMonths =
    employment === 'NOT_WORKING'
      ? 0
      : employment === 'OUT_OF_PROVINCE' || employment === 'IN_PROVINCE'
        ? rng.int(6, 12)
        : employment === 'IN_COUNTY'
          ? rng.int(4, 12)
          : rng.int(2, 10);
}
