import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Stamps a project or fund as changed. Every write that changes anything about one (its ledger,
 * notices, outputs, beneficiaries) calls this as its last statement, so that partners pulling
 * `updatedAfter` see it, and so that the stamp is as close to the commit as it can be. The
 * database clock stamps it: one clock for every server.
 */
export async function touchProject(em: EntityManager, projectId: number): Promise<void> {
  await em.execute('update project set updated_at = clock_timestamp() where id = ?', [projectId]);
}

export async function touchFund(em: EntityManager, fundId: number): Promise<void> {
  await em.execute('update fund set updated_at = clock_timestamp() where id = ?', [fundId]);
}

/** Locks a project row for the rest of the transaction and returns its status and place, as committed now. */
export async function lockProject(em: EntityManager, projectId: number): Promise<{ status: string; suspended_from: string | null; place_code: string }> {
  const [row] = await em.execute<{ status: string; suspended_from: string | null; place_code: string }[]>(
    'select status, suspended_from, place_code from project where id = ? for update',
    [projectId],
  );
  return row;
}
