import type { EntitySchema } from '@mikro-orm/core';
import { readableRanges } from '../kernel/access.js';
import type { TuopinContext } from '../kernel/context.js';
import { resolveKeysetConnection, type ConnectionArgs } from '../kernel/keyset-connection.js';
import { appendCodeRanges } from '../kernel/read/entity-reads.js';
import { countRowsOf, pageRowsOf, type Conditions } from '../kernel/read/filtered-rows.js';
import { workflowCaseLoader } from '../workflow/workflow.loaders.js';
import { CountyExitSchema, VillageExitSchema, type CountyExitRow, type VillageExitRow } from './area-exit.entity.js';

export interface AreaExitFilter {
  regionCode: string | null;
  /** true: cases still being processed; false: finished ones. */
  open?: boolean | null;
}

function conditionsOf(ctx: TuopinContext, column: string, filter: AreaExitFilter): Conditions | null {
  const ranges = readableRanges(ctx, filter.regionCode);
  if (ranges.length === 0) return null;
  return (sql) => {
    appendCodeRanges(sql, `e.${column}`, ranges);
    if (filter.open != null) sql.append(` and ${filter.open ? '' : 'not '}exists (select 1 from workflow_case w where w.id = e.id and w.state = 'OPEN')`);
  };
}

/** A keyset page of an exit table's cases, ordered by (area code, id), with their workflow rows. */
function exitConnection<Row extends { id: number }>(
  ctx: TuopinContext,
  entity: EntitySchema<Row, any>,
  codeProperty: keyof Row & string,
  column: string,
  filter: AreaExitFilter,
  args: ConnectionArgs,
) {
  const conditions = conditionsOf(ctx, column, filter);
  return resolveKeysetConnection<Row & { workflow: VillageExitRow['workflow']; villageCode: string }>(
    args,
    ['code', 'id'],
    (row) => [row[codeProperty] as string, row.id],
    async ({ after, before, limit, descending }) => {
      if (!conditions) return [];
      const direction = descending ? 'desc' : 'asc';
      const rows = await pageRowsOf(ctx, {
        entity,
        alias: 'e',
        conditions,
        bounds: (sql) => {
          if (after) sql.append(` and (e.${column}, e.id) > (?, ?)`, String(after[0]), Number(after[1]));
          if (before) sql.append(` and (e.${column}, e.id) < (?, ?)`, String(before[0]), Number(before[1]));
        },
        orderBy: [
          [codeProperty, direction],
          ['id' as keyof Row & string, direction],
        ],
        limit,
      });
      const workflows = await workflowCaseLoader(ctx).loadMany(rows.map((row) => row.id));
      return rows.map((row, i) => {
        const workflow = workflows[i] as VillageExitRow['workflow'];
        return { ...row, workflow, villageCode: workflow.villageCode };
      });
    },
    async () => (conditions ? countRowsOf(ctx, entity, 'e', conditions) : 0),
  );
}

/** Village exits (出列) of an area and everything under it, by village. */
export const villageExitConnection = (ctx: TuopinContext, filter: AreaExitFilter, args: ConnectionArgs) =>
  exitConnection<VillageExitRow>(ctx, VillageExitSchema as never, 'villageCode', 'village_code', filter, args);

/** County exits (摘帽) of an area and everything under it, by county. */
export const countyExitConnection = (ctx: TuopinContext, filter: AreaExitFilter, args: ConnectionArgs) =>
  exitConnection<CountyExitRow>(ctx, CountyExitSchema as never, 'countyCode', 'area_code', filter, args);
