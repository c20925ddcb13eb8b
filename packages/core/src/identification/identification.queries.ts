import { readableRanges } from '../kernel/access.js';
import type { TuopinContext } from '../kernel/context.js';
import { resolveKeysetConnection, type ConnectionArgs } from '../kernel/keyset-connection.js';
import { appendCodeRanges } from '../kernel/read/entity-reads.js';
import { countRowsOf, pageRowsOf, type Conditions } from '../kernel/read/filtered-rows.js';
import type { IdentificationOutcome } from './identification-enums.js';
import { IdentificationApplicationSchema, type IdentificationApplicationRow } from './identification.entity.js';
import { withWorkflows } from './identification.loaders.js';

export interface ApplicationFilter {
  regionCode: string | null;
  outcome?: IdentificationOutcome | null;
}

function applicationConditions(ctx: TuopinContext, filter: ApplicationFilter): Conditions | null {
  const ranges = readableRanges(ctx, filter.regionCode);
  if (ranges.length === 0) return null;
  return (sql) => {
    appendCodeRanges(sql, 'a.village_code', ranges);
    if (filter.outcome) sql.append(' and a.outcome = ?', filter.outcome);
  };
}

/** A keyset page of applications ordered by (village code, id), the order of their index. */
export function applicationConnection(ctx: TuopinContext, filter: ApplicationFilter, args: ConnectionArgs) {
  const conditions = applicationConditions(ctx, filter);
  return resolveKeysetConnection<IdentificationApplicationRow>(
    args,
    ['code', 'id'],
    (application) => [application.villageCode, application.id],
    async ({ after, before, limit, descending }) => {
      if (!conditions) return [];
      const direction = descending ? 'desc' : 'asc';
      const rows = await pageRowsOf(ctx, {
        entity: IdentificationApplicationSchema,
        alias: 'a',
        conditions,
        bounds: (sql) => {
          if (after) sql.append(' and (a.village_code, a.id) > (?, ?)', String(after[0]), Number(after[1]));
          if (before) sql.append(' and (a.village_code, a.id) < (?, ?)', String(before[0]), Number(before[1]));
        },
        orderBy: [
          ['villageCode', direction],
          ['id', direction],
        ],
        limit,
      });
      return withWorkflows(ctx, rows);
    },
    async () => (conditions ? countRowsOf(ctx, IdentificationApplicationSchema, 'a', conditions) : 0),
  );
}
