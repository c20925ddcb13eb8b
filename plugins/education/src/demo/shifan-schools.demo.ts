import type { EntityManager } from '@mikro-orm/postgresql';

/** 示范镇 (809901101000), core's demo township, and its six villages 809901101201…206. */
export const SHIFAN_TOWNSHIP = '809901101000';

/**
 * The school inventory of 篇5, in 示范镇: 1 nine-year school, 1 middle school, 5 teaching points
 * and 6 kindergartens; 86 serving and 35 retired staff; 266 middle-school, 662 primary and 374
 * kindergarten pupils; 11,400 m² of buildings, 3,600 m² of them D-grade unsafe. The report gives
 * the township's totals; how they split between the schools is ours.
 */
const SCHOOLS: readonly [name: string, kind: string, village: number | null, serving: number, retired: number, preschool: number, primary: number, junior: number, floor: number, unsafe: number][] = [
  ['示范镇九年一贯制学校', 'NINE_YEAR', null, 32, 14, 0, 380, 86, 4200, 1000],
  ['示范镇中学', 'MIDDLE', null, 24, 12, 0, 0, 180, 3600, 1100],
  ['示范镇第一教学点', 'TEACHING_POINT', 1, 2, 1, 0, 58, 0, 300, 300],
  ['示范镇第二教学点', 'TEACHING_POINT', 2, 2, 1, 0, 57, 0, 300, 300],
  ['示范镇第三教学点', 'TEACHING_POINT', 3, 2, 1, 0, 56, 0, 300, 300],
  ['示范镇第四教学点', 'TEACHING_POINT', 4, 2, 1, 0, 56, 0, 300, 300],
  ['示范镇第五教学点', 'TEACHING_POINT', 5, 2, 1, 0, 55, 0, 300, 300],
  ['示范镇中心幼儿园', 'KINDERGARTEN', null, 5, 1, 80, 0, 0, 400, 0],
  ['示范镇第一幼儿园', 'KINDERGARTEN', 1, 4, 1, 70, 0, 0, 380, 0],
  ['示范镇第二幼儿园', 'KINDERGARTEN', 2, 3, 1, 62, 0, 0, 360, 0],
  ['示范镇第三幼儿园', 'KINDERGARTEN', 3, 3, 1, 58, 0, 0, 340, 0],
  ['示范镇第四幼儿园', 'KINDERGARTEN', 4, 3, 0, 54, 0, 0, 320, 0],
  ['示范镇第五幼儿园', 'KINDERGARTEN', 6, 2, 0, 50, 0, 0, 300, 0],
];

export async function seedShifanSchools(em: EntityManager): Promise<void> {
  const [{ n }] = await em.execute<{ n: string }[]>('select count(*) as n from area where code = ?', [SHIFAN_TOWNSHIP]);
  if (Number(n) === 0) throw new Error(`education demo: core's demo township ${SHIFAN_TOWNSHIP} (示范镇) is missing`);
  for (const [name, kind, village, serving, retired, preschool, primary, junior, floor, unsafe] of SCHOOLS) {
    const areaCode = village === null ? SHIFAN_TOWNSHIP : `809901101${200 + village}`;
    await em.execute(
      `insert into education_school (name, kind, area_code, teachers_serving, teachers_retired, pupils_preschool, pupils_primary, pupils_junior, floor_area, unsafe_floor_area, created_by)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo')`,
      [name, kind, areaCode, serving, retired, preschool, primary, junior, floor, unsafe],
    );
  }
}
