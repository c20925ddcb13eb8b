import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { TuopinContext } from '../kernel/context.js';
import { groupRows } from '../kernel/group-rows.js';
import { scopedLoaderBy } from '../access/registry-loader.js';
import { MemberSchema, type Member } from './member.entity.js';
import { rowsWhereIn } from '../kernel/read/entity-reads.js';

/** The head first, then the others in the order they were registered. */
export function byHeadThenId(a: Member, b: Member): number {
  return Number(b.relationToHead === 'HEAD') - Number(a.relationToHead === 'HEAD') || a.id - b.id;
}

/**
 * Members of households, one query per batch however many households a page holds. Callers only
 * reach this through a household they could load, so the household's scope check covers it.
 */
export const membersByHouseholdLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, Member[]>(async (householdIds) => {
      const rows = await rowsWhereIn(ctx, MemberSchema, 'householdId', householdIds);
      return groupRows(householdIds, rows.sort(byHeadThenId), (row) => row.householdId);
    }),
);

/** Primes a household's members with rows a write returned, in the loader's order. */
export function primeMembersOf(ctx: TuopinContext, householdId: number, members: readonly Member[]): void {
  membersByHouseholdLoader(ctx).prime(householdId, [...members].sort(byHeadThenId));
}

/** Members by id, within the caller's scope. */
export const memberLoader = scopedLoaderBy(MemberSchema, 'id');
