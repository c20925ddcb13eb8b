import { mapRow, resolveKeysetConnection, type ConnectionArgs, type TuopinContext } from '@tuopin/core';
import { __Pascal__RecordSchema, type __Pascal__Record } from './record.entity.js';
import { readableRecords } from './record.loaders.js';

/** Which records a page lists: under an area (null: everywhere the caller may see), of one household or all. */
export interface RecordFilter {
  regionCode: string | null;
  householdId?: number;
}

/**
 * A keyset page of records by (village code, id): the scope condition is in the SQL, so pages and
 * `totalCount` agree with what the caller may see.
 */
export function recordConnection(ctx: TuopinContext, filter: RecordFilter, args: ConnectionArgs) {
  const where = () => {
    const scope = readableRecords(ctx, filter.regionCode);
    if (!scope) return null;
    const household = filter.householdId === undefined ? { sql: '', params: [] } : { sql: ' and r.household_id = ?', params: [filter.householdId] };
    return { sql: `from __ns__record r where ${scope.sql}${household.sql}`, params: [...scope.params, ...household.params] };
  };
  return resolveKeysetConnection<__Pascal__Record>(
    args,
    ['code', 'id'],
    (record) => [record.villageCode, record.id],
    async ({ after, before, limit, descending }) => {
      const query = where();
      if (!query) return [];
      const params: unknown[] = [...query.params];
      let bounds = '';
      if (after) {
        bounds += ' and (r.village_code, r.id) > (?, ?)';
        params.push(String(after[0]), Number(after[1]));
      }
      if (before) {
        bounds += ' and (r.village_code, r.id) < (?, ?)';
        params.push(String(before[0]), Number(before[1]));
      }
      const direction = descending ? 'desc' : 'asc';
      const rows = await ctx.em.execute<Record<string, unknown>[]>(
        `select r.* ${query.sql}${bounds} order by r.village_code ${direction}, r.id ${direction} limit ?`,
        [...params, limit],
      );
      return rows.map((row) => mapRow(ctx.em, __Pascal__RecordSchema, row));
    },
    async () => {
      const query = where();
      if (!query) return 0;
      const [row] = await ctx.em.execute<{ n: string }[]>(`select count(*) as n ${query.sql}`, query.params);
      return Number(row.n);
    },
  );
}
