import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { TuopinContext } from '../kernel/context.js';
import { pickRows } from '../kernel/group-rows.js';
import { scopedLoaderByCode } from '../kernel/scoped-loader.js';
import { FundSchema, type Fund } from './fund.entity.js';
import { findRows } from '../kernel/plain-rows.js';

/** Funds by id, within the caller's scope by managing area (others load as null). */
export const fundLoader = scopedLoaderByCode(FundSchema, 'id', 'areaCode');

/**
 * Funds by id whatever the caller's scope, for references from a ledger entry: a village's
 * project shows the city fund that pays for it, as the village's notice board would.
 */
export const fundRefLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, Fund | null>(async (ids) => pickRows(ids, await findRows(ctx.em, FundSchema, { id: { $in: [...ids] } }), (row) => row.id)),
);
