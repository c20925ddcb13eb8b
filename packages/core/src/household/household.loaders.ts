import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { readableRanges, villageCodeInRanges } from '../kernel/access.js';
import type { TuopinContext } from '../kernel/context.js';
import { pickRows } from '../kernel/group-rows.js';
import { HouseholdSchema, type Household } from './household.entity.js';

/** Households by id, restricted to the caller's scope (others load as null). One query per batch. */
export const householdLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, Household | null>(async (ids) => {
      const ranges = readableRanges(ctx, null);
      if (ranges.length === 0) return ids.map(() => null);
      const rows = await ctx.em.find(HouseholdSchema, { $and: [{ id: { $in: [...ids] } }, villageCodeInRanges(ranges)] });
      return pickRows(ids, rows, (row) => row.id);
    }),
);

/** Households by household number, restricted to the caller's scope. */
export const householdByNumberLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<string, Household | null>(async (numbers) => {
      const ranges = readableRanges(ctx, null);
      if (ranges.length === 0) return numbers.map(() => null);
      const rows = await ctx.em.find(HouseholdSchema, {
        $and: [{ householdNo: { $in: [...numbers] } }, villageCodeInRanges(ranges)],
      });
      return pickRows(numbers, rows, (row) => row.householdNo);
    }),
);
