import { createContextCache } from '@pothos/core';
import { rowsWhereIn, groupRows, scopedLoaderByCode, type TuopinContext } from '@tuopin/core';
import DataLoader from 'dataloader';
import { CreditRatingSchema, type CreditRating } from './credit-rating.entity.js';

/** Ratings by id within the caller's scope, for `node`. */
export const ratingLoader = scopedLoaderByCode(CreditRatingSchema, 'id', 'villageCode');

/**
 * Each household's ratings, newest first (the first is the current one): one query per batch of
 * households. Callers reach it through a household they could load, whose scope check covers it.
 */
export const ratingsByHouseholdLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, CreditRating[]>(async (householdIds) => {
      const rows = await rowsWhereIn(ctx, CreditRatingSchema, 'householdId', householdIds, { orderBy: [['householdId', 'asc'], ['ratedOn', 'desc'], ['id', 'desc']] });
      return groupRows(householdIds, rows, (row) => row.householdId);
    }),
);
