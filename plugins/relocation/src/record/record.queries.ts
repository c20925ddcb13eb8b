import { resolveKeysetConnection, SqlText, type ConnectionArgs, type TuopinContext } from '@tuopin/core';
import { RelocationRecordSchema, type RelocationRecord } from './record.entity.js';
import { readableRecords } from './record.loaders.js';

/** Which records a page lists: under an area (null: everywhere the caller may see), of one household or all. */
export interface RecordFilter {
  regionCode: string | null;
  householdId?: number;
}

/** FROM … WHERE … of the records `r` the caller may see under the filter, or null for none. */
function filteredRecords(ctx: TuopinContext, filter: RecordFilter): { sql: string; params: unknown[] } | null {
  const scope = readableRecords(ctx, filter.regionCode);
  if (!scope) return null;
  if (filter.householdId === undefined) return { sql: `from relocation_record r where ${scope.sql}`, params: scope.params };
  return { sql: `from relocation_record r where ${scope.sql} and r.household_id = ?`, params: [...scope.params, filter.householdId] };
}

/**
 * A keyset page of records by (village code, id), read through the kernel's read layer
 * (`ctx.db`): the scope condition is in the SQL, so pages and `totalCount` agree with what the
 * caller may see.
 */
export function recordConnection(ctx: TuopinContext, filter: RecordFilter, args: ConnectionArgs) {
  return resolveKeysetConnection<RelocationRecord>(
    args,
    ['code', 'id'],
    (record) => [record.villageCode, record.id],
    async ({ after, before, limit, descending }) => {
      const query = filteredRecords(ctx, filter);
      if (!query) return [];
      const sql = new SqlText().append(`select ${ctx.db.columns(RelocationRecordSchema).select('r')} ${query.sql}`, ...query.params);
      if (after) sql.append(' and (r.village_code, r.id) > (?, ?)', String(after[0]), Number(after[1]));
      if (before) sql.append(' and (r.village_code, r.id) < (?, ?)', String(before[0]), Number(before[1]));
      const direction = descending ? 'desc' : 'asc';
      sql.append(` order by r.village_code ${direction}, r.id ${direction} limit ?`, limit);
      return ctx.db.entityRows(RelocationRecordSchema, sql);
    },
    async () => {
      const query = filteredRecords(ctx, filter);
      if (!query) return 0;
      const [row] = await ctx.db.rows<{ n: string }>(new SqlText().append(`select count(*) as n ${query.sql}`, ...query.params));
      return Number(row.n);
    },
  );
}
