import { HouseholdSchema, type Household } from '../household/household.entity.js';
import { readableRanges } from '../kernel/access.js';
import type { TuopinContext } from '../kernel/context.js';
import { resolveKeysetConnection, type ConnectionArgs } from '../kernel/keyset-connection.js';
import { codeRangeSql } from '../kernel/code-range-filters.js';
import { pageRows } from '../kernel/plain-rows.js';

function beneficiaryQuery(ctx: TuopinContext, projectId: number) {
  // Households stay registry data: only those in the caller's scope are listed.
  const ranges = readableRanges(ctx, null);
  if (ranges.length === 0) return null;
  const area = codeRangeSql('h.village_code', ranges);
  return ctx.em
    .createQueryBuilder(HouseholdSchema, 'h')
    .where(area.sql, area.params)
    .andWhere('exists (select 1 from project_beneficiary b where b.project_id = ? and b.household_id = h.id)', [projectId]);
}

/** A keyset page of a project's beneficiary households, by household id. */
export function beneficiaryConnection(ctx: TuopinContext, projectId: number, args: ConnectionArgs) {
  return resolveKeysetConnection<Household>(
    args,
    ['id'],
    (household) => [household.id],
    async ({ after, before, limit, descending }) => {
      const qb = beneficiaryQuery(ctx, projectId);
      if (!qb) return [];
      if (after) qb.andWhere('h.id > ?', [Number(after[0])]);
      if (before) qb.andWhere('h.id < ?', [Number(before[0])]);
      return pageRows(qb.orderBy({ id: descending ? 'desc' : 'asc' }).limit(limit));
    },
    async () => {
      const qb = beneficiaryQuery(ctx, projectId);
      return qb ? qb.getCount() : 0;
    },
  );
}
