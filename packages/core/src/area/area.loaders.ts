import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { TuopinContext } from '../kernel/context.js';
import { groupRows, pickRows } from '../kernel/group-rows.js';
import { AreaSchema, VillageGroupSchema, type Area, type VillageGroup } from './area.entity.js';
import { rowsWhereIn } from '../kernel/read/entity-reads.js';

/** Areas by code, one query per batch. Area names and codes are public knowledge, not scoped. */
export const areaLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<string, Area | null>(async (codes) =>
      pickRows(codes, await rowsWhereIn(ctx, AreaSchema, 'code', codes), (row) => row.code),
    ),
);

/** The groups (组/屯) of villages, one query per batch. */
export const villageGroupsLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<string, VillageGroup[]>(async (villageCodes) => {
      const rows = await rowsWhereIn(ctx, VillageGroupSchema, 'villageCode', villageCodes, {
        orderBy: [
          ['villageCode', 'asc'],
          ['id', 'asc'],
        ],
      });
      return groupRows(villageCodes, rows, (row) => row.villageCode);
    }),
);

/** Village groups by id, one query per batch. */
export const villageGroupLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, VillageGroup | null>(async (ids) =>
      pickRows(ids, await rowsWhereIn(ctx, VillageGroupSchema, 'id', ids), (row) => row.id),
    ),
);
