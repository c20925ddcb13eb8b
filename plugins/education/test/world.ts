import path from 'node:path';
import type { PlatformSettings, Principal } from '@tuopin/core';
import { loadSettings, REPO_ROOT } from '@tuopin/server';
import { makeIdNumber, type TestServer, TestClock as SharedTestClock } from '@tuopin/testing';

/**
 * The education tests' world: 保靖县 (湖南) with two villages of 迁陵镇 and one of 野竹坪镇, and
 * 凌源市 (辽宁) with one village for scope checks, inserted directly (the registry is core's
 * business, tested there), the principals, and a clock the tests move by hand.
 */
export const CODES = {
  hunan: '430000000000',
  baojing: '433125000000',
  qianling: '433125100000',
  villageA: '433125100201',
  villageB: '433125100202',
  yezhuping: '433125101000',
  villageC: '433125101201',
  liaoning: '210000000000',
  lingyuan: '211382000000',
  dalaoyemiao: '211382108201',
} as const;

const AREAS: [code: string, name: string, level: string, parent: string | null][] = [
  [CODES.hunan, '湖南省', 'PROVINCE', null],
  ['433100000000', '湘西土家族苗族自治州', 'PREFECTURE', CODES.hunan],
  [CODES.baojing, '保靖县', 'COUNTY', '433100000000'],
  [CODES.qianling, '迁陵镇', 'TOWNSHIP', CODES.baojing],
  [CODES.villageA, '甲村', 'VILLAGE', CODES.qianling],
  [CODES.villageB, '乙村', 'VILLAGE', CODES.qianling],
  [CODES.yezhuping, '野竹坪镇', 'TOWNSHIP', CODES.baojing],
  [CODES.villageC, '丙村', 'VILLAGE', CODES.yezhuping],
  [CODES.liaoning, '辽宁省', 'PROVINCE', null],
  ['211300000000', '朝阳市', 'PREFECTURE', CODES.liaoning],
  [CODES.lingyuan, '凌源市', 'COUNTY', '211300000000'],
  ['211382108000', '四官营子镇', 'TOWNSHIP', CODES.lingyuan],
  [CODES.dalaoyemiao, '大老爷庙村', 'VILLAGE', '211382108000'],
];

export async function insertAreas(server: TestServer): Promise<void> {
  for (const [code, name, level, parent] of AREAS) {
    await server.sql('insert into area (code, name, level, parent_code, rural_population) values (?, ?, ?, ?, ?)', [code, name, level, parent, level === 'VILLAGE' ? 1000 : null]);
  }
}

const HUNAN = '430000000000';

export const PRINCIPALS = {
  admin: { id: 'admin', role: 'NATIONAL_ADMIN', areaScopes: [''], provinceCode: null },
  baojingOfficer: { id: 'officer-baojing', role: 'COUNTY_OFFICER', areaScopes: ['433125'], provinceCode: HUNAN },
  qianlingOfficer: { id: 'officer-qianling', role: 'TOWNSHIP_OFFICER', areaScopes: ['433125100'], provinceCode: HUNAN },
  villageAOfficer: { id: 'officer-village-a', role: 'VILLAGE_OFFICER', areaScopes: [CODES.villageA], provinceCode: HUNAN },
  villageCOfficer: { id: 'officer-village-c', role: 'VILLAGE_OFFICER', areaScopes: [CODES.villageC], provinceCode: HUNAN },
  bureau: { id: 'bureau-baojing', role: 'EDUCATION_BUREAU_OFFICER', areaScopes: ['433125'], provinceCode: HUNAN },
  lingyuanOfficer: { id: 'officer-lingyuan', role: 'COUNTY_OFFICER', areaScopes: ['211382'], provinceCode: '210000000000' },
  auditor: { id: 'auditor', role: 'AUDITOR', areaScopes: [''], provinceCode: null },
  ngo: { id: 'ngo', role: 'NGO_PARTNER', areaScopes: [''], provinceCode: null },
} satisfies Record<string, Principal>;

/** The Relay global ID of an object. */
export function globalId(typename: string, id: number | string): string {
  return Buffer.from(`${typename}:${id}`).toString('base64');
}

/** The numeric id inside a global ID. */
export function idOf(globalIdValue: string): number {
  return Number(Buffer.from(globalIdValue, 'base64').toString().split(':')[1]);
}

/** A school's staff member: a token for his township, with the enrolment permission granted on his school alone. */
export function schoolStaff(schoolId: number, areaScope = '433125100'): Principal {
  const on = globalId('School', schoolId);
  return {
    id: `staff-${schoolId}`,
    role: 'EDUCATION_SCHOOL_STAFF',
    areaScopes: [areaScope],
    provinceCode: HUNAN,
    grants: [{ on, type: 'School', id: String(schoolId), permissions: ['education.enrolments.record'] }],
  };
}

/** The shared test clock, starting on 1 September 2016, the school year, unless a test says otherwise. */
export class TestClock extends SharedTestClock {
  constructor(start: Date | string = '2016-09-01') {
    super(start);
  }
}

/** The repository's settings with the test clock and, optionally, another `plugins.education` block. */
export function settingsWith(clock: TestClock, education?: Record<string, unknown>): PlatformSettings {
  const settings = loadSettings(path.join(REPO_ROOT, 'tuopin.config.json'));
  return { ...settings, clock: () => clock.now, ...(education ? { plugins: { ...settings.plugins, education } } : {}) };
}

export interface TestHousehold {
  id: number;
  villageCode: string;
  /** Member global IDs, names and ID numbers, the head first. */
  members: { id: string; name: string; idNumber: string }[];
}

let nextHousehold = 1;
let nextPerson = 1;

/** A registered household of the given status with its members (by birth date), inserted directly. */
export async function insertHousehold(
  server: TestServer,
  options: { villageCode?: string; status?: string; birthDates?: string[] } = {},
): Promise<TestHousehold> {
  const villageCode = options.villageCode ?? CODES.villageA;
  const birthDates = options.birthDates ?? ['1972-05-01', '1998-02-20'];
  const [household] = await server.sql<{ id: number }>(
    `insert into household (household_no, village_code, category, status, exit_year, year_identified, primary_cause, member_count)
     values (?, ?, 'ORDINARY', ?, ?, 2014, 'EDUCATION', ?) returning id`,
    [`${villageCode}${String(nextHousehold++).padStart(4, '0')}`, villageCode, options.status ?? 'POOR', options.status === 'EXITED' ? 2019 : null, birthDates.length],
  );
  const members: TestHousehold['members'] = [];
  for (const [i, birthDate] of birthDates.entries()) {
    const sequence = nextPerson;
    nextPerson += 2;
    const name = i === 0 ? `向大山${household.id}` : `向小${household.id}-${i}`;
    const idNumber = makeIdNumber({ area: villageCode.slice(0, 6), birthDate, sequence: sequence % 1000, sex: 'MALE' });
    const [member] = await server.sql<{ id: number }>(
      `insert into member (household_id, village_code, name, id_number, sex, birth_date, relation_to_head)
       values (?, ?, ?, ?, 'MALE', ?, ?) returning id`,
      [household.id, villageCode, name, idNumber, birthDate, i === 0 ? 'HEAD' : 'SON'],
    );
    members.push({ id: globalId('Member', member.id), name, idNumber });
  }
  return { id: household.id, villageCode, members };
}

/** A school inserted directly (its mutation is tested on its own); its id. */
export async function insertSchool(server: TestServer, name: string, areaCode: string = CODES.qianling, kind = 'SECONDARY_VOCATIONAL'): Promise<number> {
  const [school] = await server.sql<{ id: number }>(
    `insert into education_school (name, kind, area_code, teachers_serving, teachers_retired, floor_area, unsafe_floor_area, created_by)
     values (?, ?, ?, 10, 2, 1000, 0, 'test') returning id`,
    [name, kind, areaCode],
  );
  return school.id;
}
