import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * A few labour placements, purchases and one investment on 岳阳市 → 保靖县, so that every type of the
 * plugin has demo rows (the scope sweep walks the demo) and the API can be tried on them. They are
 * synthetic: the report gives no figure of labour, consumption or industry cooperation for 保靖县,
 * and these are kept to a handful, drawn deterministically from the registered households.
 */
export async function seedSyntheticCooperation(trx: EntityManager, pairingId: number, areaCode: string): Promise<void> {
  // Two working-age members of the county's first registered households, placed in 岳阳's factories.
  await trx.execute(
    `insert into pairing_labour (pairing_id, area_code, member_id, village_code, destination, employer, start_month, months_worked, organised, recorded_by)
     select ?, ?, m.id, h.village_code, '岳阳市', '岳阳经济技术开发区某电子厂（示例）', '2016-03-01', 9, true, 'demo'
     from household h join member m on m.household_id = h.id and m.relation_to_head = 'HEAD'
     where h.village_code like ? order by h.id limit 2`,
    [pairingId, areaCode, `${areaCode.slice(0, 6)}%`],
  );
  await trx.execute(
    `insert into pairing_purchase (pairing_id, area_code, year, product, amount, producer_kind, household_id, producer_area_code, recorded_by)
     select ?, ?, 2016, '保靖黄金茶（示例）', 6000.00, 'HOUSEHOLD', h.id, h.village_code, 'demo'
     from household h where h.village_code like ? order by h.id limit 1`,
    [pairingId, areaCode, `${areaCode.slice(0, 6)}%`],
  );
  await trx.execute(
    `insert into pairing_purchase (pairing_id, area_code, year, product, amount, producer_kind, producer_name, producer_area_code, recorded_by)
     values (?, ?, 2016, '保靖黄金茶（示例）', 50000.00, 'COOPERATIVE', '保靖县黄金茶专业合作社（示例）', ?, 'demo')`,
    [pairingId, areaCode, areaCode],
  );
  await trx.execute(
    `insert into pairing_investment (pairing_id, area_code, year, enterprise, amount, place_code, jobs_for_registered, people_lifted, recorded_by)
     values (?, ?, 2016, '岳阳某食品有限公司（示例）', 300000.00, ?, 5, 12, 'demo')`,
    [pairingId, areaCode, areaCode],
  );
}
