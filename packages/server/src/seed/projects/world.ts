/**
 * What the project demo needs from the registry demo already in the database: the places (found
 * by name, so that the registry demo's codes below the county may change) and the households of
 * each village, to link as beneficiaries.
 */
import type pg from 'pg';

export interface DemoHousehold {
  id: number;
  poor: boolean;
  groupId: number | null;
}

export interface DemoVillage {
  code: string;
  name: string;
  townshipCode: string;
  poverty: boolean;
}

export interface DemoWorld {
  baojing: string;
  baojingTownships: { code: string; name: string }[];
  baojingVillages: DemoVillage[];
  chaoyang: string;
  lingyuan: string;
  siguanyingzi: string;
  dalaoyemiao: string;
  households: Map<string, DemoHousehold[]>;
}

export class MissingRegistryDemo extends Error {
  constructor(what: string) {
    super(`the project demo needs the registry demo first: ${what} was not found (run the core demo seed before seedProjectDemo)`);
    this.name = 'MissingRegistryDemo';
  }
}

async function codeOf(client: pg.ClientBase, name: string, level: string, under: string): Promise<string> {
  const { rows } = await client.query<{ code: string }>(
    `select code from area where name = $1 and level = $2 and code like $3 order by code limit 1`,
    [name, level, `${under}%`],
  );
  if (!rows[0]) throw new MissingRegistryDemo(`${name} (${level})`);
  return rows[0].code;
}

export async function loadWorld(client: pg.ClientBase): Promise<DemoWorld> {
  const baojing = await codeOf(client, '保靖县', 'COUNTY', '43');
  const chaoyang = await codeOf(client, '朝阳市', 'PREFECTURE', '21');
  const lingyuan = await codeOf(client, '凌源市', 'COUNTY', chaoyang.slice(0, 4));
  const siguanyingzi = await codeOf(client, '四官营子镇', 'TOWNSHIP', lingyuan.slice(0, 6));
  const dalaoyemiao = await codeOf(client, '大老爷庙村', 'VILLAGE', siguanyingzi.slice(0, 9));
  const prefix = baojing.slice(0, 6);
  const { rows: townships } = await client.query<{ code: string; name: string }>(
    `select code, name from area where level = 'TOWNSHIP' and code like $1 order by code`,
    [`${prefix}%`],
  );
  const { rows: villages } = await client.query<{ code: string; name: string; parent_code: string; poverty: boolean }>(
    `select code, name, parent_code, coalesce(is_poverty_village, false) as poverty from area where level = 'VILLAGE' and code like $1 order by code`,
    [`${prefix}%`],
  );
  if (villages.length === 0) throw new MissingRegistryDemo('the villages of 保靖县');
  const { rows: households } = await client.query<{ id: number; village_code: string; poor: boolean; group_id: number | null }>(
    `select id, village_code, status in ('POOR', 'RETURNED') as poor, group_id from household
     where village_code like $1 or village_code = $2 order by id`,
    [`${prefix}%`, dalaoyemiao],
  );
  const byVillage = new Map<string, DemoHousehold[]>();
  for (const row of households) {
    const list = byVillage.get(row.village_code) ?? [];
    list.push({ id: row.id, poor: row.poor, groupId: row.group_id });
    byVillage.set(row.village_code, list);
  }
  return {
    baojing,
    baojingTownships: townships,
    baojingVillages: villages.map((v) => ({ code: v.code, name: v.name, townshipCode: v.parent_code, poverty: v.poverty })),
    chaoyang,
    lingyuan,
    siguanyingzi,
    dalaoyemiao,
    households: byVillage,
  };
}
