import { defineMutation, type TuopinBuilder, type TuopinTypes } from '@tuopin/core';
import { relocatedHouseholdLoader, reloaded } from '../shared/relocation.loaders.js';
import { relocationRefs } from '../shared/relocation-refs.js';
import { OriginReasonEnum, RelocationModeEnum, ScatteredKindEnum } from '../shared/vocabulary.js';
import { applyForRelocation } from './apply.service.js';
import { approveRelocation, recordHousing, recordMoveIn } from './steps.service.js';

/** The payload every step of a household returns: the household as it stands after the step. */
export function householdPayload<P extends { relocatedHouseholdId: number }>(builder: TuopinBuilder, zh: string, en: string) {
  const { RelocatedHousehold } = relocationRefs(builder);
  return {
    description: `${zh} ${en}`,
    fields: (t: PothosSchemaTypes.ObjectFieldBuilder<TuopinTypes, P>) => ({
      relocatedHousehold: t.field({
        type: RelocatedHousehold,
        description: '搬迁户 The relocated household',
        resolve: async (p, _a, ctx) => (await reloaded(relocatedHouseholdLoader(ctx), p.relocatedHouseholdId))!,
      }),
    }),
  };
}

export function registerRelocatedHouseholdMutations(builder: TuopinBuilder): void {
  const ConcurrentInput = builder.inputType('RelocationConcurrentHouseholdInput', {
    description: '同步搬迁户（非建档立卡） A household moved at the same time that is not registered',
    fields: (t) => ({
      villageCode: t.string({ required: true, description: '迁出村代码 12-digit code of the village it moves from' }),
      headName: t.string({ required: true, description: '户主姓名 Name of the head' }),
      memberCount: t.int({ required: true, description: '家庭人口 Members' }),
    }),
  });

  defineMutation(builder, 'applyForRelocation', {
    description: '登记搬迁申请 Record a household\'s application to relocate',
    input: {
      description: '搬迁申请 The application',
      argumentDescription: '搬迁申请 The application',
      fields: (t) => ({
        householdId: t.id({ description: '建档立卡户全局 ID（与同步搬迁户二选一） Registered household\'s global ID; or give concurrentHousehold' }),
        concurrentHousehold: t.field({ type: ConcurrentInput, description: '同步搬迁户（与建档立卡户二选一） A household moved at the same time; or give householdId' }),
        originReason: t.field({ type: OriginReasonEnum, required: true, description: '搬迁原因 Why it moves' }),
        mode: t.field({ type: RelocationModeEnum, required: true, description: '安置方式 Centralised (with a site) or scattered (without)' }),
        scatteredKind: t.field({ type: ScatteredKindEnum, description: '分散安置方式 How a scattered household is housed' }),
        siteId: t.id({ description: '安置点全局 ID（集中安置必填，分散安置不填） Site global ID: required when centralised, none when scattered' }),
        peopleMoved: t.int({ required: true, description: '搬迁人数（不超过家庭人口） People moved, at most the members' }),
        hasLabour: t.boolean({ required: true, description: '有劳动力 Whether the household has labour' }),
        selfRaised: t.field({ type: 'Money', description: '自筹金额（默认0） Amount the household raises itself; 0 if omitted' }),
        planYear: t.int({ required: true, description: '计划年度 Plan year' }),
        appliedOn: t.field({ type: 'Date', description: '申请日期（默认今天） Applied on; today if omitted' }),
      }),
    },
    ids: { householdId: 'Household', siteId: 'RelocationSite' },
    resolve: async (input, ctx) => ({ relocatedHouseholdId: await applyForRelocation(ctx, input) }),
    payload: householdPayload(builder, '搬迁申请已登记', 'The application recorded'),
  });

  defineMutation(builder, 'approveRelocation', {
    description: '审批搬迁（须签订旧宅基地腾退协议） Approve a relocation once the demolition agreement is signed',
    input: {
      description: '审批 The approval',
      argumentDescription: '审批 The approval',
      fields: (t) => ({
        relocatedHouseholdId: t.id({ required: true, description: '搬迁户全局 ID Relocated household global ID' }),
        agreementDate: t.field({ type: 'Date', description: '旧宅基地腾退协议签订日期（必填） Date the demolition agreement was signed; required' }),
      }),
    },
    ids: { relocatedHouseholdId: 'RelocatedHousehold' },
    resolve: async (input, ctx) => {
      await approveRelocation(ctx, input.relocatedHouseholdId, input.agreementDate);
      return { relocatedHouseholdId: input.relocatedHouseholdId };
    },
    payload: householdPayload(builder, '已审批', 'The relocation approved'),
  });

  defineMutation(builder, 'recordRelocationHousing', {
    description: '分房（集中安置）或登记新居面积（分散安置） House an approved household: a flat of its site, or the floor area of a scattered home',
    input: {
      description: '分房 The housing',
      argumentDescription: '分房 The housing',
      fields: (t) => ({
        relocatedHouseholdId: t.id({ required: true, description: '搬迁户全局 ID Relocated household global ID' }),
        flatId: t.id({ description: '住房全局 ID（集中安置；不填则分配第一套空房） Flat global ID, centralised; the first free flat that fits if omitted' }),
        floorArea: t.string({ description: '新居面积（平方米，分散安置） Floor area of the new home in m², scattered' }),
        housedOn: t.field({ type: 'Date', description: '日期（默认今天） Date; today if omitted' }),
      }),
    },
    ids: { relocatedHouseholdId: 'RelocatedHousehold', flatId: 'RelocationFlat' },
    resolve: async (input, ctx) => {
      await recordHousing(ctx, input);
      return { relocatedHouseholdId: input.relocatedHouseholdId };
    },
    payload: householdPayload(builder, '已分房', 'The household housed'),
  });

  defineMutation(builder, 'recordRelocationMoveIn', {
    description: '登记入住 Record that a housed household moved in',
    input: {
      description: '入住 The move in',
      argumentDescription: '入住 The move in',
      fields: (t) => ({
        relocatedHouseholdId: t.id({ required: true, description: '搬迁户全局 ID Relocated household global ID' }),
        moveInDate: t.field({ type: 'Date', description: '入住日期（默认今天） Moved in on; today if omitted' }),
      }),
    },
    ids: { relocatedHouseholdId: 'RelocatedHousehold' },
    resolve: async (input, ctx) => {
      await recordMoveIn(ctx, input.relocatedHouseholdId, input.moveInDate);
      return { relocatedHouseholdId: input.relocatedHouseholdId };
    },
    payload: householdPayload(builder, '已入住', 'The move in recorded'),
  });
}
