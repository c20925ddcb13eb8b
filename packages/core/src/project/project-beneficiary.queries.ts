import { HouseholdSchema, type Household } from '../household/household.entity.js';
import { readableRanges } from '../kernel/access.js';
import type { TuopinContext } from '../kernel/context.js';
import { resolveKeysetConnection, type ConnectionArgs } from '../kernel/keyset-connection.js';
import { appendCodeRanges } from '../kernel/read/entity-reads.js';
import { countRowsOf, pageRowsOf, type Conditions } from '../kernel/read/filtered-rows.js';

function beneficiaryConditions(ctx: TuopinContext, projectId: number): Conditions | null {
  // Households stay registry data: only those in the caller's scope are listed.
  const ranges = readableRanges(ctx, null);
  if (ranges.length === 0) return null;
  return (sql) => {
    appendCodeRanges(sql, 'h.village_code', ranges);
    sql.append(' and exists (select 1 from project_beneficiary b where b.project_id = ? and b.household_id = h.id)', projectId);
  };
}

/** A keyset page of a project's beneficiary households, by household id. */
export function beneficiaryConnection(ctx: TuopinContext, projectId: number, args: ConnectionArgs) {
  const conditions = beneficiaryConditions(ctx, projectId);
  return resolveKeysetConnection<Household>(
    args,
    ['id'],
    (household) => [household.id],
    async ({ after, before, limit, descending }) => {
      if (!conditions) return [];
      return pageRowsOf(ctx, {
        entity: HouseholdSchema,
        alias: 'h',
        conditions,
        bounds: (sql) => {
          if (after) sql.append(' and h.id > ?', Number(after[0]));
          if (before) sql.append(' and h.id < ?', Number(before[0]));
        },
        orderBy: [['id', descending ? 'desc' : 'asc']],
        limit,
      });
    },
    async () => (conditions ? countRowsOf(ctx, HouseholdSchema, 'h', conditions) : 0),
  );
}
