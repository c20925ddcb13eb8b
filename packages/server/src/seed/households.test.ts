import { checkIdNumber } from '@tuopin/core';
import { describe, expect, it } from 'vitest';
import { RowBuffer } from './demo/copy.js';
import { REFERENCE_YEAR } from './demo/dates.js';
import { generateHousehold, HOUSEHOLD_COLUMNS, INCOME_COLUMNS, MEMBER_COLUMNS, type GeneratorContext } from './demo/households.js';
import { IdNumberAllocator } from './demo/id-numbers.js';
import { povertyLine } from './demo/poverty-lines.js';
import { BAOJING_PROFILE, LINGYUAN_PROFILE, type RegionProfile } from './demo/profiles.js';
import { Random } from './demo/random.js';

type Row = Record<string, string | null>;

function parse(buffer: RowBuffer, columns: readonly string[]): Row[] {
  const text = Buffer.concat(buffer.take()).toString('utf8');
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const values = line.split('\t');
      expect(values).toHaveLength(columns.length);
      return Object.fromEntries(columns.map((column, i) => [column, values[i] === '\\N' ? null : values[i]]));
    });
}

function generate(seed: number, count: number, profile: RegionProfile) {
  const sinks = { households: new RowBuffer(), members: new RowBuffer(), incomes: new RowBuffer() };
  const rng = new Random(seed);
  const ctx: GeneratorContext = { rng, profile, ids: new IdNumberAllocator(), idPrefix: '433125', incomeYears: [2018, 2019, 2020], sinks };
  for (let i = 0; i < count; i++) {
    const x = rng.next();
    const status = x < 0.3 ? 'EXITED' : x < 0.33 ? 'RETURNED' : 'POOR';
    generateHousehold(ctx, {
      id: i + 1,
      householdNo: `433125100201${String(i + 1).padStart(4, '0')}`,
      villageCode: '433125100201',
      groupId: 1,
      size: profile.familySizes.pick(rng),
      status,
      exitYear: status === 'POOR' ? null : rng.int(2015, 2016),
    });
  }
  return {
    households: parse(sinks.households, HOUSEHOLD_COLUMNS),
    members: parse(sinks.members, MEMBER_COLUMNS),
    incomes: parse(sinks.incomes, INCOME_COLUMNS),
  };
}

const share = (rows: Row[], predicate: (row: Row) => boolean) => rows.filter(predicate).length / rows.length;

describe('generateHousehold', () => {
  const { households, members, incomes } = generate(1, 5_000, BAOJING_PROFILE);
  const membersOf = new Map<string, Row[]>();
  for (const m of members) {
    const list = membersOf.get(m.household_id!) ?? [];
    list.push(m);
    membersOf.set(m.household_id!, list);
  }
  const age = (m: Row) => REFERENCE_YEAR - Number(m.birth_date!.slice(0, 4));

  it('is deterministic', () => {
    const again = generate(1, 500, BAOJING_PROFILE);
    const first = generate(1, 500, BAOJING_PROFILE);
    expect(again).toEqual(first);
    expect(generate(2, 500, BAOJING_PROFILE)).not.toEqual(first);
  });

  it('gives every household one head and as many member rows as member_count', () => {
    for (const h of households) {
      const family = membersOf.get(h.id!) ?? [];
      expect(family.length).toBe(Number(h.member_count));
      expect(family.filter((m) => m.relation_to_head === 'HEAD')).toHaveLength(1);
      expect(family[0].relation_to_head).toBe('HEAD');
      expect(Number(h.member_count)).toBeGreaterThanOrEqual(1);
      expect(Number(h.member_count)).toBeLessThanOrEqual(8);
      for (const m of family) expect(m.village_code).toBe(h.village_code);
    }
  });

  it('writes valid, unique ID numbers that agree with sex and birth date', () => {
    const seen = new Set<string>();
    for (const m of members) {
      const check = checkIdNumber(m.id_number!);
      expect(check.valid).toBe(true);
      if (check.valid) {
        expect(check.sex).toBe(m.sex);
        expect(check.birthDate).toBe(m.birth_date);
      }
      expect(seen.has(m.id_number!)).toBe(false);
      seen.add(m.id_number!);
      expect(m.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/u);
    }
  });

  it('builds families whose relations fit the ages', () => {
    for (const h of households) {
      const family = membersOf.get(h.id!)!;
      const head = family[0];
      const headAge = age(head);
      expect(headAge).toBeGreaterThanOrEqual(30);
      for (const m of family) {
        const a = age(m);
        switch (m.relation_to_head) {
          case 'SPOUSE':
            expect(m.sex).not.toBe(head.sex);
            expect(a).toBeGreaterThanOrEqual(20);
            break;
          case 'SON':
          case 'DAUGHTER':
          case 'GRANDSON':
          case 'GRANDDAUGHTER':
            expect(a).toBeLessThanOrEqual(headAge - 15);
            expect(['SON', 'GRANDSON'].includes(m.relation_to_head) === (m.sex === 'MALE')).toBe(true);
            break;
          case 'FATHER':
          case 'MOTHER':
            expect(a).toBeGreaterThanOrEqual(headAge + 15);
            break;
        }
      }
    }
  });

  it('keeps schooling, labour and work consistent with age', () => {
    const range: Record<string, [number, number]> = {
      PRESCHOOL: [3, 5],
      PRIMARY: [6, 11],
      JUNIOR_HIGH: [12, 14],
      SENIOR_HIGH: [15, 17],
      SECONDARY_VOCATIONAL: [15, 17],
      HIGHER_VOCATIONAL: [18, 22],
      UNDERGRADUATE_OR_ABOVE: [18, 22],
    };
    for (const m of members) {
      const a = age(m);
      const school = m.school_status!;
      if (school !== 'NOT_IN_SCHOOL') {
        expect(a).toBeGreaterThanOrEqual(range[school][0]);
        expect(a).toBeLessThanOrEqual(range[school][1]);
      }
      if (a < 3) expect(m.education).toBe('PRESCHOOL_CHILD');
      const pupil = school !== 'NOT_IN_SCHOOL' && school !== 'PRESCHOOL';
      if (a < 16 || pupil) {
        expect(m.labour_ability).toBe('NONE');
        expect(m.employment).toBeNull();
        expect(m.pension_insurance).toBe('f');
      } else {
        expect(m.employment).not.toBeNull();
        expect(m.employment === 'NOT_WORKING').toBe(m.employment_months === '0');
      }
      expect(m.health === 'DISABLED').toBe(m.disability_grade !== null);
    }
    // Migrant work is common between 20 and 50.
    const prime = members.filter((m) => age(m) >= 20 && age(m) <= 50 && m.school_status === 'NOT_IN_SCHOOL');
    expect(share(prime, (m) => m.employment === 'OUT_OF_PROVINCE' || m.employment === 'IN_PROVINCE')).toBeGreaterThan(0.3);
  });

  it('shows the causes of poverty in the family and never repeats a cause', () => {
    for (const h of households) {
      const family = membersOf.get(h.id!)!;
      const others = h.other_causes!.slice(1, -1).split(',').filter(Boolean);
      expect(others.length).toBeLessThanOrEqual(2);
      expect(new Set(others).size).toBe(others.length);
      expect(others).not.toContain(h.primary_cause);
      const causes = [h.primary_cause, ...others];
      if (causes.includes('ILLNESS')) expect(family.some((m) => m.health === 'CHRONIC_ILLNESS' || m.health === 'SERIOUS_ILLNESS')).toBe(true);
      if (causes.includes('DISABILITY')) expect(family.some((m) => m.health === 'DISABLED')).toBe(true);
      if (causes.includes('EDUCATION')) expect(family.some((m) => !['NOT_IN_SCHOOL', 'PRESCHOOL'].includes(m.school_status!))).toBe(true);
      if (h.category === 'EXTREME_HARDSHIP') expect(family.length).toBeLessThanOrEqual(2);
    }
  });

  it('has plausible distributions', () => {
    expect(share(households, (h) => h.primary_cause === 'ILLNESS')).toBeGreaterThan(0.33);
    expect(share(households, (h) => h.primary_cause === 'ILLNESS')).toBeLessThan(0.47);
    expect(share(households, (h) => h.category === 'MINIMUM_LIVING_ALLOWANCE')).toBeGreaterThan(0.13);
    expect(share(households, (h) => h.category === 'MINIMUM_LIVING_ALLOWANCE')).toBeLessThan(0.22);
    expect(share(households, (h) => h.category === 'EXTREME_HARDSHIP')).toBeGreaterThan(0.025);
    expect(share(households, (h) => h.category === 'EXTREME_HARDSHIP')).toBeLessThan(0.06);
    expect(share(households, (h) => Number(h.year_identified) <= 2016)).toBeGreaterThan(0.85);
    const mean = members.length / households.length;
    expect(mean).toBeGreaterThan(3.9);
    expect(mean).toBeLessThan(4.2);
    const ethnic = share(members, (m) => m.ethnicity === '土家族' || m.ethnicity === '苗族');
    expect(ethnic).toBeGreaterThan(0.8);
    const lingyuan = generate(3, 2_000, LINGYUAN_PROFILE);
    expect(lingyuan.members.length / lingyuan.households.length).toBeLessThan(3.3);
    expect(lingyuan.members.every((m) => ['汉族', '满族', '蒙古族'].includes(m.ethnicity!))).toBe(true);
  });

  it('records exit years, housing and 两不愁三保障 that fit the status', () => {
    for (const h of households) {
      if (h.status === 'POOR') expect(h.exit_year).toBeNull();
      else expect(Number(h.exit_year)).toBeGreaterThanOrEqual(Number(h.year_identified));
      if (h.status === 'EXITED') {
        expect(['A', 'B']).toContain(h.housing_safety_grade);
        expect([h.food_secure, h.clothing_secure, h.housing_secure]).toEqual(['t', 't', 't']);
      }
      if (h.housing_safety_grade === 'C' || h.housing_safety_grade === 'D') expect(h.housing_secure).toBe('f');
      expect(Number(h.arable_land)).toBeGreaterThanOrEqual(0.5);
      expect(Number(h.arable_land)).toBeLessThanOrEqual(6);
      expect(h.bank_account).toMatch(/^6230\d{15}$/);
      expect(h.household_no).toMatch(/^\d{16}$/);
    }
    const poor = households.filter((h) => h.status === 'POOR');
    expect(share(poor, (h) => h.housing_safety_grade === 'C' || h.housing_safety_grade === 'D')).toBeGreaterThan(0.15);
  });

  it('records incomes above the line for exited households and mostly below it for poor ones', () => {
    const byId = new Map(households.map((h) => [h.id!, h]));
    const cents = (value: string | null) => Math.round(Number(value) * 100);
    const poorBelow: boolean[] = [];
    for (const income of incomes) {
      const h = byId.get(income.household_id!)!;
      expect(Number(income.household_size)).toBe(Number(h.member_count));
      for (const column of ['wages', 'business', 'transfers', 'property', 'production_costs']) expect(income[column]).toMatch(/^\d+\.\d\d$/);
      const net = cents(income.wages) + cents(income.business) + cents(income.transfers) + cents(income.property) - cents(income.production_costs);
      const perCapita = net / 100 / Number(h.member_count);
      const line = povertyLine(Number(income.year));
      if (h.status === 'EXITED') expect(perCapita).toBeGreaterThan(line);
      if (h.status === 'RETURNED') expect(perCapita).toBeLessThan(line);
      if (h.status === 'POOR') poorBelow.push(perCapita < line);
    }
    expect(poorBelow.filter(Boolean).length / poorBelow.length).toBeGreaterThan(0.8);
    // The last one to three years, ending in 2020.
    const years = new Map<string, number[]>();
    for (const income of incomes) years.set(income.household_id!, [...(years.get(income.household_id!) ?? []), Number(income.year)]);
    for (const list of years.values()) expect(list.at(-1)).toBe(2020);
  });
});
