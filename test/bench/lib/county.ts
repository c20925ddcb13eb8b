import type { BenchCaller } from '../auth.js';
import type { Question, Vars } from '../questions/index.js';
import { withClient, type Cluster } from './cluster.js';

/** The county officer of the county runs, and each question's variables inside his counties (absent: not asked). */
export interface CountyRun {
  caller: BenchCaller;
  pools: Map<string, Vars[]>;
}

/**
 * The county officer of the county run: every county of the synthetic province (as many as a
 * token may name), so that he asks about the same data as the administrator; each question's
 * variables inside his counties.
 */
export async function countyRun(cluster: Cluster, database: string, questions: readonly Question[], pools: Map<string, Vars[]>): Promise<CountyRun> {
  const scopes = await withClient(cluster, database, async (client) =>
    (await client.query<{ code: string }>(`select left(code, 6) as code from area where level = 'COUNTY' and code like '80%' order by code limit 50`)).rows.map((r) => r.code),
  );
  const countyPools = new Map<string, Vars[]>();
  for (const question of questions) {
    if (!question.areaOf) continue;
    const inside = pools.get(question.id)!.filter((vars) => {
      const area = question.areaOf!(vars);
      return area === null || scopes.some((scope) => area.startsWith(scope));
    });
    if (inside.length > 0) countyPools.set(question.id, inside);
  }
  return { caller: { role: 'COUNTY_OFFICER', scopes, province: '800000000000' }, pools: countyPools };
}
