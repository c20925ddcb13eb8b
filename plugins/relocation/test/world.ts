import type { Principal } from '@tuopin/core';
import type { TestServer } from '@tuopin/testing';

/**
 * The tests' world: 保靖县 (湖南) with one village, and 凌源市 (辽宁) with one village for scope
 * checks, inserted directly (the registry is core's business, tested there), and the principals.
 */
export const CODES = { baojingVillage: '433125100201', lingyuanVillage: '211382108201' } as const;

const AREAS: [code: string, name: string, level: string, parent: string | null][] = [
  ['430000000000', '湖南省', 'PROVINCE', null],
  ['433100000000', '湘西土家族苗族自治州', 'PREFECTURE', '430000000000'],
  ['433125000000', '保靖县', 'COUNTY', '433100000000'],
  ['433125100000', '迁陵镇', 'TOWNSHIP', '433125000000'],
  [CODES.baojingVillage, '甲村', 'VILLAGE', '433125100000'],
  ['210000000000', '辽宁省', 'PROVINCE', null],
  ['211300000000', '朝阳市', 'PREFECTURE', '210000000000'],
  ['211382000000', '凌源市', 'COUNTY', '211300000000'],
  ['211382108000', '四官营子镇', 'TOWNSHIP', '211382000000'],
  [CODES.lingyuanVillage, '大老爷庙村', 'VILLAGE', '211382108000'],
];

export const PRINCIPALS = {
  baojingOfficer: { id: 'officer-baojing', role: 'COUNTY_OFFICER', areaScopes: ['433125'], provinceCode: '430000000000' },
  lingyuanOfficer: { id: 'officer-lingyuan', role: 'COUNTY_OFFICER', areaScopes: ['211382'], provinceCode: '210000000000' },
  recorder: { id: 'recorder-baojing', role: 'RELOCATION_RECORDER', areaScopes: ['433125'], provinceCode: '430000000000' },
  auditor: { id: 'auditor', role: 'AUDITOR', areaScopes: [''], provinceCode: null },
  ngo: { id: 'ngo', role: 'NGO_PARTNER', areaScopes: [''], provinceCode: null },
} satisfies Record<string, Principal>;

export async function insertAreas(server: TestServer): Promise<void> {
  for (const [code, name, level, parent] of AREAS) {
    await server.sql('insert into area (code, name, level, parent_code, rural_population) values (?, ?, ?, ?, ?)', [code, name, level, parent, level === 'VILLAGE' ? 1000 : null]);
  }
}

let nextHousehold = 1;

/** A household of a village, inserted directly; its global ID. */
export async function insertHousehold(server: TestServer, villageCode: string): Promise<string> {
  const [household] = await server.sql<{ id: number }>(
    `insert into household (household_no, village_code, category, status, year_identified, primary_cause, member_count)
     values (?, ?, 'ORDINARY', 'POOR', 2015, 'LACK_OF_CAPITAL', 1) returning id`,
    [`${villageCode}${String(nextHousehold++).padStart(4, '0')}`, villageCode],
  );
  return Buffer.from(`Household:${household.id}`).toString('base64');
}
