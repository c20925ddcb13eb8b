import { defineMutation, type TuopinBuilder } from '@tuopin/core';
import { householdPayload } from '../household/relocated-household.mutations.js';
import { ReclamationKindEnum, RetentionReasonEnum } from '../shared/vocabulary.js';
import { recordDemolition, recordReclamation, retainOldHouse } from './demolition.service.js';

export function registerDemolitionMutations(builder: TuopinBuilder): void {
  defineMutation(builder, 'recordOldHouseDemolition', {
    description: '登记拆旧（须已签协议并入住） Record the old house demolished: after the move in, under the signed agreement',
    input: {
      description: '拆旧 The demolition',
      argumentDescription: '拆旧 The demolition',
      fields: (t) => ({
        relocatedHouseholdId: t.id({ required: true, description: '搬迁户全局 ID Relocated household global ID' }),
        oldHouseArea: t.string({ required: true, description: '旧房面积（平方米） The old house\'s area in m²' }),
        demolishedOn: t.field({ type: 'Date', description: '拆除日期（默认今天） Demolished on; today if omitted' }),
      }),
    },
    ids: { relocatedHouseholdId: 'RelocatedHousehold' },
    resolve: async (input, ctx) => {
      await recordDemolition(ctx, input.relocatedHouseholdId, input.oldHouseArea, input.demolishedOn);
      return { relocatedHouseholdId: input.relocatedHouseholdId };
    },
    payload: householdPayload(builder, '已拆旧', 'The demolition recorded'),
  });

  defineMutation(builder, 'retainOldHouse', {
    description: '旧房保留（仅三种情形，须县级批准） Keep the old house: only for the three reasons, with the county\'s approval',
    input: {
      description: '旧房保留 The retention',
      argumentDescription: '旧房保留 The retention',
      fields: (t) => ({
        relocatedHouseholdId: t.id({ required: true, description: '搬迁户全局 ID Relocated household global ID' }),
        reason: t.field({ type: RetentionReasonEnum, description: '保留理由（三种之一，必填） One of the three reasons; required' }),
        countyApprovalNo: t.string({ description: '县级批准文号（必填） The county\'s approval document number; required' }),
        approvedOn: t.field({ type: 'Date', description: '县级批准日期（必填） Date of the county\'s approval; required' }),
      }),
    },
    ids: { relocatedHouseholdId: 'RelocatedHousehold' },
    resolve: async (input, ctx) => {
      await retainOldHouse(ctx, input);
      return { relocatedHouseholdId: input.relocatedHouseholdId };
    },
    payload: householdPayload(builder, '旧房已批准保留', 'The retention recorded'),
  });

  defineMutation(builder, 'recordLandReclamation', {
    description: '登记宅基地复垦（拆旧之后） Record the homestead reclaimed, after the demolition',
    input: {
      description: '复垦 The reclamation',
      argumentDescription: '复垦 The reclamation',
      fields: (t) => ({
        relocatedHouseholdId: t.id({ required: true, description: '搬迁户全局 ID Relocated household global ID' }),
        reclaimedAreaMu: t.string({ required: true, description: '复垦面积（亩） Reclaimed area in mu' }),
        kind: t.field({ type: ReclamationKindEnum, required: true, description: '复垦类型 Arable or ecological' }),
        landQuotaMu: t.string({ description: '节余建设用地指标（亩） Land quota freed in mu (城乡建设用地增减挂钩)' }),
        reclaimedOn: t.field({ type: 'Date', description: '复垦日期（默认今天） Reclaimed on; today if omitted' }),
      }),
    },
    ids: { relocatedHouseholdId: 'RelocatedHousehold' },
    resolve: async (input, ctx) => {
      await recordReclamation(ctx, input);
      return { relocatedHouseholdId: input.relocatedHouseholdId };
    },
    payload: householdPayload(builder, '已复垦', 'The reclamation recorded'),
  });
}
