import type { Grant, Principal } from '@tuopin/core';
import { makeIdNumber, mustSucceed, TEST_REGISTRAR, type TestServer } from '@tuopin/testing';
import { graphql } from './generated/index.js';

/**
 * The tests' world: 保靖县 (湖南湘西州) with two villages, 岳阳市 (湖南), 济南市历下区 (山东) and
 * 凌源市 (辽宁) with 大老爷庙村; areas inserted directly, households registered through core's
 * mutation (the registry is core's business), projects inserted approved. And the principals.
 */
export const CODES = {
  hunan: '430000000000',
  yueyang: '430600000000',
  xiangxi: '433100000000',
  baojing: '433125000000',
  qianling: '433125100000',
  villageA: '433125100201',
  villageB: '433125100202',
  huayuan: '433124000000',
  shandong: '370000000000',
  jinan: '370100000000',
  lixia: '370102000000',
  lingyuan: '211382000000',
  dalaoyemiao: '211382108201',
} as const;

const AREAS: [code: string, name: string, level: string, parent: string | null][] = [
  [CODES.hunan, '湖南省', 'PROVINCE', null],
  [CODES.yueyang, '岳阳市', 'PREFECTURE', CODES.hunan],
  [CODES.xiangxi, '湘西土家族苗族自治州', 'PREFECTURE', CODES.hunan],
  [CODES.baojing, '保靖县', 'COUNTY', CODES.xiangxi],
  [CODES.huayuan, '花垣县', 'COUNTY', CODES.xiangxi],
  [CODES.qianling, '迁陵镇', 'TOWNSHIP', CODES.baojing],
  [CODES.villageA, '甲村', 'VILLAGE', CODES.qianling],
  [CODES.villageB, '乙村', 'VILLAGE', CODES.qianling],
  [CODES.shandong, '山东省', 'PROVINCE', null],
  [CODES.jinan, '济南市', 'PREFECTURE', CODES.shandong],
  [CODES.lixia, '历下区', 'COUNTY', CODES.jinan],
  ['210000000000', '辽宁省', 'PROVINCE', null],
  ['211300000000', '朝阳市', 'PREFECTURE', '210000000000'],
  [CODES.lingyuan, '凌源市', 'COUNTY', '211300000000'],
  ['211382108000', '四官营子镇', 'TOWNSHIP', CODES.lingyuan],
  [CODES.dalaoyemiao, '大老爷庙村', 'VILLAGE', '211382108000'],
];

export const PRINCIPALS = {
  baojingOfficer: { id: 'officer-baojing', role: 'COUNTY_OFFICER', areaScopes: ['433125'], provinceCode: '430000000000' },
  hunanAdmin: { id: 'admin-hunan', role: 'PROVINCE_ADMIN', areaScopes: ['43'], provinceCode: '430000000000' },
  villageAOfficer: { id: 'officer-village-a', role: 'VILLAGE_OFFICER', areaScopes: ['433125100201'], provinceCode: '430000000000' },
  lixiaOfficer: { id: 'officer-lixia', role: 'COUNTY_OFFICER', areaScopes: ['370102'], provinceCode: '370000000000' },
  lingyuanOfficer: { id: 'officer-lingyuan', role: 'COUNTY_OFFICER', areaScopes: ['211382'], provinceCode: '210000000000' },
  auditor: { id: 'auditor', role: 'AUDITOR', areaScopes: [''], provinceCode: null },
  ngo: { id: 'ngo-baojing', role: 'NGO_PARTNER', areaScopes: ['433125'], provinceCode: '430000000000' },
} satisfies Record<string, Principal>;

/** A Relay global ID. */
export const globalId = (type: string, id: number | string) => Buffer.from(`${type}:${id}`).toString('base64');

/** The helper-side officer of 历下区 holding a grant on one pairing, with these permissions. */
export function grantedOfficer(pairing: string, permissions: string[]): Principal {
  const id = Buffer.from(pairing, 'base64').toString().split(':')[1];
  const grant: Grant = { on: pairing, type: 'Pairing', id, permissions };
  return { ...PRINCIPALS.lixiaOfficer, grants: [grant] };
}

export async function insertAreas(server: TestServer): Promise<void> {
  for (const [code, name, level, parent] of AREAS) {
    await server.sql('insert into area (code, name, level, parent_code, rural_population) values (?, ?, ?, ?, ?)', [code, name, level, parent, level === 'VILLAGE' ? 1000 : null]);
  }
}

const RegisterHousehold = graphql(`
  mutation PairingRegisterHousehold($input: RegisterHouseholdInput!) {
    registerHousehold(input: $input) {
      __typename
      ... on RegisterHouseholdPayload { household { id members { id } } }
      ... on Error { code field messageEn }
    }
  }
`);

let nextSequence = 1;

/** A one-person household registered in a village (by core's mutation); its id and its member's. */
export async function registerHousehold(server: TestServer, villageCode: string): Promise<{ household: string; member: string }> {
  const sequence = nextSequence++;
  const { household } = mustSucceed(
    await server.execute(
      RegisterHousehold,
      {
        input: {
          householdNo: `${villageCode}${String(sequence).padStart(4, '0')}`,
          villageCode,
          category: 'ORDINARY',
          yearIdentified: 2015,
          primaryCause: 'ILLNESS',
          members: [{ name: `测试${sequence}`, idNumber: makeIdNumber({ area: villageCode.slice(0, 6), birthDate: '1980-05-05', sequence: sequence * 2 + 1 }), relationToHead: 'HEAD' }],
        },
      },
      { principal: TEST_REGISTRAR },
    ),
  );
  return { household: household.id, member: household.members[0].id };
}

/** An approved project at a place, inserted directly; its global ID. */
export async function insertProject(server: TestServer, placeCode: string, name: string): Promise<string> {
  const [row] = await server.sql<{ id: number }>(
    `insert into project (name, category, construction_type, place_code, responsible_unit, budget, year, status, created_by)
     values (?, 'EDUCATION', 'NEW', ?, '县教育局', 5000000, 2020, 'APPROVED', 'test') returning id`,
    [name, placeCode],
  );
  return globalId('Project', row.id);
}

/** Rows of a plugin table, to prove that a refusal wrote nothing. */
export async function countRows(server: TestServer, table: string): Promise<number> {
  const [row] = await server.sql<{ n: string }>(`select count(*) as n from ${table}`);
  return Number(row.n);
}
