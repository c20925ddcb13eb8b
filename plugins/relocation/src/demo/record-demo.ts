import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The plugin's part of the demo data (`pnpm start` on a fresh database, `pnpm seed`), after
 * core's: a record for every tenth household, in one set-based statement. The scope sweep walks
 * the demo, so every type of the plugin needs rows there.
 */
export async function seedRecordDemo(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    const trx = tx as EntityManager;
    const [{ n }] = await trx.execute<{ n: string }[]>('select count(*) as n from relocation_record');
    if (Number(n) > 0) throw new Error('the relocation demo needs an empty relocation_record table; seed a fresh database');
    // Demo rows are nobody's act: audit triggers skip this transaction.
    await trx.execute("select set_config('tuopin.audit', 'off', true)");
    await trx.execute(`insert into relocation_record (household_id, village_code, note) select id, village_code, '示例 Demo record' from household where id % 10 = 0 order by id`);
  });
}
