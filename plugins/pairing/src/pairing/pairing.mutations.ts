import { defineMutation, type TuopinBuilder } from '@tuopin/core';
import { HelpedKindEnum, HelperKindEnum, PairingKindEnum, TwinningLevelEnum, UnitLevelEnum } from '../shared/pairing-enums.js';
import { pairingRefs } from '../shared/pairing-refs.js';
import { PairingSchema } from './pairing.entity.js';
import { createPairing, endPairing } from './pairing.service.js';

export function registerPairingMutations(builder: TuopinBuilder): void {
  const { Pairing } = pairingRefs(builder);
  const pairingPayload = {
    description: '结对关系 The pairing',
    fields: (t: any) => ({
      pairing: t.field({
        type: Pairing,
        description: '结对关系 The pairing',
        resolve: (p: { pairingId: number }, _args: unknown, ctx: any) => ctx.em.fork().findOneOrFail(PairingSchema, { id: p.pairingId }),
      }),
    }),
  };

  defineMutation(builder, 'createPairing', {
    description: '建立结对帮扶关系（受援地的管理人员办理） Set up a pairing; for the helped area\'s administrators and county officers',
    input: {
      description: '结对帮扶关系 A pairing to set up',
      argumentDescription: '结对关系 The pairing',
      fields: (t) => ({
        kind: t.field({ type: PairingKindEnum, required: true, description: '类型 Kind' }),
        twinningLevel: t.field({ type: TwinningLevelEnum, description: '携手奔小康层级（仅 TWINNING） Level of a twinning; only for TWINNING' }),
        helperKind: t.field({ type: HelperKindEnum, required: true, description: '帮扶方类型 Kind of helper' }),
        helperName: t.string({ description: '帮扶方名称（单位、组织必填；地区默认为区划名） Helper\'s name; required for a unit or organisation, the area\'s name by default' }),
        helperAreaCode: t.string({ description: '帮扶地区的12位代码（帮扶方为地区时） 12-digit code of the helping area, for an area helper' }),
        helperUnitLevel: t.field({ type: UnitLevelEnum, description: '帮扶单位级别（帮扶方为单位时） Level of a helping unit' }),
        helpedKind: t.field({ type: HelpedKindEnum, required: true, description: '受援方类型 Kind of helped party' }),
        helpedName: t.string({ description: '学校或医院名称（地区默认为区划名） Name of the school or hospital; the area\'s name by default' }),
        helpedAreaCode: t.string({ required: true, description: '受援地区（或学校、医院所在地）的12位代码 12-digit code of the helped area, or where the school or hospital lies' }),
        startYear: t.int({ required: true, description: '开始年度 First year' }),
        endYear: t.int({ description: '结束年度 Last year, if known' }),
      }),
    },
    resolve: async (input, ctx) => ({ pairingId: await createPairing(ctx, input) }),
    payload: { ...pairingPayload, description: '结对关系已建立 The pairing set up' },
  });

  defineMutation(builder, 'endPairing', {
    description: '结束结对帮扶关系 End a pairing of your area in a year',
    input: {
      description: '结束结对关系 The pairing to end',
      argumentDescription: '结束结对关系 The pairing and its last year',
      fields: (t) => ({
        pairingId: t.id({ required: true, description: '结对关系全局 ID Pairing global ID' }),
        endYear: t.int({ required: true, description: '结束年度 Last year' }),
      }),
    },
    ids: { pairingId: 'Pairing' },
    resolve: async (input, ctx) => ({ pairingId: await endPairing(ctx, input) }),
    payload: { ...pairingPayload, description: '结对关系已结束 The pairing ended' },
  });
}
