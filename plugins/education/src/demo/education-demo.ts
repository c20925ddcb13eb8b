import type { EntityManager } from '@mikro-orm/postgresql';
import { seedBaojingEducation } from './baojing.demo.js';
import { seedShifanSchools } from './shifan-schools.demo.js';

/**
 * The education plugin's demo data, after core's registry, projects and funds: 保靖县's 雨露计划 as
 * its 2016 report counts it, and the school inventory of the demo township 示范镇 (篇5). Set-based SQL over the registered people, in one transaction, with
 * the audit triggers off (demo rows are nobody's act); it refuses a database that has its data.
 */
export async function seedEducationDemo(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    const trx = tx as EntityManager;
    const [{ n }] = await trx.execute<{ n: string }[]>('select count(*) as n from education_school');
    if (Number(n) > 0) throw new Error('the education demo needs empty education tables; seed a fresh database');
    await trx.execute("select set_config('tuopin.audit', 'off', true)");
    await seedBaojingEducation(trx);
    await seedShifanSchools(trx);
  });
}
