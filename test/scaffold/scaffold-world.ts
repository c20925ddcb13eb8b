import type { Principal } from '@tuopin/core';
import type { TestServer } from '@tuopin/testing';

/** Two counties in two provinces, a household in each, and who looks at them. */
export const VILLAGES = { baojing: '433125100201', lingyuan: '211382108201' } as const;

const AREAS: [code: string, name: string, level: string, parent: string | null][] = [
  ['430000000000', '湖南省', 'PROVINCE', null],
  ['433100000000', '湘西土家族苗族自治州', 'PREFECTURE', '430000000000'],
  ['433125000000', '保靖县', 'COUNTY', '433100000000'],
  ['433125100000', '迁陵镇', 'TOWNSHIP', '433125000000'],
  [VILLAGES.baojing, '甲村', 'VILLAGE', '433125100000'],
  ['210000000000', '辽宁省', 'PROVINCE', null],
  ['211300000000', '朝阳市', 'PREFECTURE', '210000000000'],
  ['211382000000', '凌源市', 'COUNTY', '211300000000'],
  ['211382108000', '四官营子镇', 'TOWNSHIP', '211382000000'],
  [VILLAGES.lingyuan, '大老爷庙村', 'VILLAGE', '211382108000'],
];

export const OFFICERS = {
  baojing: { id: 'officer-baojing', role: 'COUNTY_OFFICER', areaScopes: ['433125'], provinceCode: '430000000000' },
  lingyuan: { id: 'officer-lingyuan', role: 'COUNTY_OFFICER', areaScopes: ['211382'], provinceCode: '210000000000' },
  ngo: { id: 'ngo', role: 'NGO_PARTNER', areaScopes: [''], provinceCode: null },
} satisfies Record<string, Principal>;

/** Inserts the areas and one household per village; the households' global IDs. */
export async function insertWorld(server: TestServer): Promise<{ baojing: string; lingyuan: string }> {
  for (const [code, name, level, parent] of AREAS) {
    await server.sql('insert into area (code, name, level, parent_code, rural_population) values (?, ?, ?, ?, ?)', [code, name, level, parent, level === 'VILLAGE' ? 1000 : null]);
  }
  const household = async (villageCode: string) => {
    const [row] = await server.sql<{ id: number }>(
      `insert into household (household_no, village_code, category, status, year_identified, primary_cause, member_count)
       values (?, ?, 'ORDINARY', 'POOR', 2015, 'LACK_OF_CAPITAL', 1) returning id`,
      [`${villageCode}0001`, villageCode],
    );
    return Buffer.from(`Household:${row.id}`).toString('base64');
  };
  return { baojing: await household(VILLAGES.baojing), lingyuan: await household(VILLAGES.lingyuan) };
}
