import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { scopedLoaderBy } from '../access/registry-loader.js';
import type { TuopinContext } from '../kernel/context.js';
import { groupRows } from '../kernel/group-rows.js';
import { rowsWhereIn } from '../kernel/read/entity-reads.js';
import { HelperPairingSchema, HelperVisitSchema, type HelperPairing, type HelperVisit } from './helper-pairing.entity.js';

/** Pairings by id within the caller's areas (by the household's village); partners are refused. */
export const pairingLoader = scopedLoaderBy(HelperPairingSchema, 'id');

/** Every pairing of cadres, the oldest first. */
export const pairingsByCadreLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, HelperPairing[]>(async (ids) =>
      groupRows(ids, await rowsWhereIn(ctx, HelperPairingSchema, 'cadreId', ids, { orderBy: [['cadreId', 'asc'], ['id', 'asc']] }), (row) => row.cadreId),
    ),
);

/** The visits of pairings, the oldest first. */
export const visitsByPairingLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, HelperVisit[]>(async (ids) =>
      groupRows(ids, await rowsWhereIn(ctx, HelperVisitSchema, 'pairingId', ids, { orderBy: [['pairingId', 'asc'], ['visitedOn', 'asc'], ['id', 'asc']] }), (row) => row.pairingId),
    ),
);
