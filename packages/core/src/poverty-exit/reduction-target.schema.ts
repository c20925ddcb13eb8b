import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { areaLoader } from '../area/area.loaders.js';
import { readableRanges } from '../kernel/access.js';
import { groupRows } from '../kernel/group-rows.js';
import type { TuopinBuilder } from '../kernel/builder.js';
import type { TuopinContext } from '../kernel/context.js';
import { defineMutation } from '../kernel/define-mutation.js';
import { loadByDatabaseIds } from '../kernel/global-id.js';
import { rowsWhereIn } from '../kernel/read/entity-reads.js';
import { scopedLoaderByCode } from '../kernel/scoped-loader.js';
import { ReductionTargetSchema, type ReductionTarget } from './area-exit.entity.js';
import { signReductionTarget } from './reduction-target.service.js';

const targetLoader = scopedLoaderByCode(ReductionTargetSchema, 'id', 'townshipCode');

/** The targets a county signed, by county code, in the caller's scope (a township officer sees its own). */
const targetsOfCountyLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<string, ReductionTarget[]>(async (codes) => {
      const ranges = readableRanges(ctx, null);
      if (ranges.length === 0) return codes.map(() => []);
      const rows = await rowsWhereIn(ctx, ReductionTargetSchema, 'countyCode', codes, {
        within: { property: 'townshipCode', ranges },
        orderBy: [
          ['year', 'desc'],
          ['townshipCode', 'asc'],
        ],
      });
      return groupRows(codes, rows, (row) => row.countyCode);
    }),
);

/** 减贫责任书: the target type, the county's list of them, and the mutation that signs one. */
export function registerReductionTargetSchema(builder: TuopinBuilder): void {
  builder.node('ReductionTarget', {
    description: '减贫责任书 A reduction target a county signed with one of its townships for a year',
    scope: { area: (r) => r.townshipCode },
    id: { resolve: (r) => r.id },
    authScopes: { permission: 'core.registry.read' },
    isTypeOf: (value) => typeof value === 'object' && value !== null && 'targetPeople' in value,
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => targetLoader(ctx).load(id)),
    fields: (t) => ({
      county: t.field({ type: 'Region', description: '县 The county', resolve: async (r, _args, ctx) => (await areaLoader(ctx).load(r.countyCode))! }),
      township: t.field({ type: 'Region', description: '乡镇 The township', resolve: async (r, _args, ctx) => (await areaLoader(ctx).load(r.townshipCode))! }),
      year: t.exposeInt('year', { description: '年度 The year' }),
      targetPeople: t.exposeInt('targetPeople', { description: '减贫目标人数 People to bring out of poverty' }),
      signedOn: t.field({ type: 'Date', resolve: (r) => r.signedOn, description: '签订日期 Day signed' }),
    }),
  });

  builder.objectField('Region', 'reductionTargets', (t) =>
    t.field({
      type: ['ReductionTarget'],
      authScopes: { permission: 'core.registry.read' },
      description: '县与乡镇签订的减贫责任书（新年度在前） The reduction targets a county signed with its townships, newest year first; empty for other areas',
      resolve: (r, _args, ctx) => targetsOfCountyLoader(ctx).load(r.code),
    }),
  );

  defineMutation(builder, 'signReductionTarget', {
    description: '县与乡镇签订年度减贫责任书 A county signs a year\'s reduction target with one of its townships',
    input: {
      description: '减贫责任书 The target',
      argumentDescription: '责任书 The target',
      fields: (t) => ({
        countyCode: t.string({ required: true, description: '县代码 The county' }),
        townshipCode: t.string({ required: true, description: '乡镇代码（须为该县的乡镇） The township, one of the county\'s' }),
        year: t.int({ required: true, description: '年度 The year' }),
        targetPeople: t.int({ required: true, description: '减贫目标人数 People to bring out of poverty' }),
        signedOn: t.field({ type: 'Date', description: '签订日期（默认今天） Day signed; today when omitted' }),
      }),
    },
    resolve: async (input, ctx) => ({ targetId: await signReductionTarget(ctx, input as never) }),
    payload: {
      description: '责任书已签订 The signed target',
      fields: (t) => ({
        reductionTarget: t.field({ type: 'ReductionTarget', description: '减贫责任书 The target', resolve: async (p, _args, ctx) => (await targetLoader(ctx).load(p.targetId))! }),
      }),
    },
  });
}
