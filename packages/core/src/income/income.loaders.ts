import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { TuopinContext } from '../kernel/context.js';
import { groupRows } from '../kernel/group-rows.js';
import { HouseholdIncomeSchema, type HouseholdIncome } from './income.entity.js';
import { rowsWhereIn } from '../kernel/read/entity-reads.js';

/** Income records of households, newest year first; one query per batch. */
export const incomesByHouseholdLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, HouseholdIncome[]>(async (householdIds) => {
      const rows = await rowsWhereIn(ctx, HouseholdIncomeSchema, 'householdId', householdIds, {
        orderBy: [
          ['householdId', 'asc'],
          ['year', 'desc'],
        ],
      });
      return groupRows(householdIds, rows, (row) => row.householdId);
    }),
);
