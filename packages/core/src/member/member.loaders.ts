import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { readableRanges, villageCodeInRanges } from '../kernel/access.js';
import type { TuopinContext } from '../kernel/context.js';
import { groupRows, pickRows } from '../kernel/group-rows.js';
import { MemberSchema, type Member } from './member.entity.js';

/** The head first, then the others in the order they were registered. */
function byHeadThenId(a: Member, b: Member): number {
  return Number(b.relationToHead === 'HEAD') - Number(a.relationToHead === 'HEAD') || a.id - b.id;
}

/**
 * Members of households, one query per batch however many households a page holds. Callers only
 * reach this through a household they could load, so the household's scope check covers it.
 */
export const membersByHouseholdLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, Member[]>(async (householdIds) => {
      const rows = await ctx.em.find(MemberSchema, { householdId: { $in: [...householdIds] } });
      return groupRows(householdIds, rows.sort(byHeadThenId), (row) => row.householdId);
    }),
);

/** Members by id, restricted to the caller's scope. */
export const memberLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, Member | null>(async (ids) => {
      const ranges = readableRanges(ctx, null);
      if (ranges.length === 0) return ids.map(() => null);
      const rows = await ctx.em.find(MemberSchema, { $and: [{ id: { $in: [...ids] } }, villageCodeInRanges(ranges)] });
      return pickRows(ids, rows, (row) => row.id);
    }),
);
