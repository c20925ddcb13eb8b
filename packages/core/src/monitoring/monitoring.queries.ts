import { readableRanges } from '../kernel/access.js';
import type { TuopinContext } from '../kernel/context.js';
import { resolveKeysetConnection, type ConnectionArgs } from '../kernel/keyset-connection.js';
import { appendCodeRanges } from '../kernel/read/entity-reads.js';
import { countRowsOf, pageRowsOf, type Conditions } from '../kernel/read/filtered-rows.js';
import { MonitoringCaseSchema, type MonitoringCaseRow } from './monitoring-case.entity.js';
import type { MonitoringCategory } from './monitoring-enums.js';
import { withWorkflows } from './monitoring.loaders.js';

export interface MonitoringFilter {
  regionCode: string | null;
  category?: MonitoringCategory | null;
  /** true: cases still being processed; false: finished ones. */
  open?: boolean | null;
}

function monitoringConditions(ctx: TuopinContext, filter: MonitoringFilter): Conditions | null {
  const ranges = readableRanges(ctx, filter.regionCode);
  if (ranges.length === 0) return null;
  return (sql) => {
    appendCodeRanges(sql, 'c.village_code', ranges);
    if (filter.category) sql.append(' and c.category = ?', filter.category);
    if (filter.open != null) sql.append(` and ${filter.open ? '' : 'not '}exists (select 1 from workflow_case w where w.id = c.id and w.state = 'OPEN')`);
  };
}

/** A keyset page of monitoring cases ordered by (village code, id), the order of their index. */
export function monitoringConnection(ctx: TuopinContext, filter: MonitoringFilter, args: ConnectionArgs) {
  const conditions = monitoringConditions(ctx, filter);
  return resolveKeysetConnection<MonitoringCaseRow>(
    args,
    ['code', 'id'],
    (kase) => [kase.villageCode, kase.id],
    async ({ after, before, limit, descending }) => {
      if (!conditions) return [];
      const direction = descending ? 'desc' : 'asc';
      const rows = await pageRowsOf(ctx, {
        entity: MonitoringCaseSchema,
        alias: 'c',
        conditions,
        bounds: (sql) => {
          if (after) sql.append(' and (c.village_code, c.id) > (?, ?)', String(after[0]), Number(after[1]));
          if (before) sql.append(' and (c.village_code, c.id) < (?, ?)', String(before[0]), Number(before[1]));
        },
        orderBy: [
          ['villageCode', direction],
          ['id', direction],
        ],
        limit,
      });
      return withWorkflows(ctx, rows);
    },
    async () => (conditions ? countRowsOf(ctx, MonitoringCaseSchema, 'c', conditions) : 0),
  );
}
