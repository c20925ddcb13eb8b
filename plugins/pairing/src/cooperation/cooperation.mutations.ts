import type { EntitySchema } from '@mikro-orm/core';
import { defineMutation, type TuopinBuilder } from '@tuopin/core';
import { ExchangeDirectionEnum, ProducerKindEnum, VisitKindEnum } from '../shared/pairing-enums.js';
import { pairingRefs } from '../shared/pairing-refs.js';
import { PairingInvestmentSchema, PairingLabourSchema, PairingPurchaseSchema, PairingVisitSchema } from './cooperation.entity.js';
import { recordInvestment, recordLabour, recordPurchase, recordVisit } from './cooperation.service.js';

const PAIRING_ID = '结对关系全局 ID Pairing global ID';

export function registerCooperationMutations(builder: TuopinBuilder): void {
  const { PairingLabour, PairingPurchase, PairingInvestment, PairingVisit } = pairingRefs(builder);
  // The payload reads the row written, on a fresh EntityManager (the request's may hold a stale map).
  const payload = (description: string, name: string, type: unknown, entity: EntitySchema<any, any>) => ({
    description,
    fields: (t: any) => ({
      [name]: t.field({ type, description, resolve: (p: { id: number }, _args: unknown, ctx: any) => ctx.em.fork().findOneOrFail(entity, { id: p.id }) }),
    }),
  });

  defineMutation(builder, 'recordPairingLabour', {
    description: '登记劳务协作（受援地建档立卡人员就业） Record a registered person of the helped area placed in a job',
    input: {
      description: '劳务协作 A labour placement',
      argumentDescription: '劳务协作 The placement',
      fields: (t) => ({
        pairingId: t.id({ required: true, description: PAIRING_ID }),
        memberId: t.id({ required: true, description: '受援地建档立卡成员全局 ID Global ID of a registered member from the helped area' }),
        destination: t.string({ required: true, description: '就业地 Where the job is' }),
        employer: t.string({ required: true, description: '用工单位 Employer' }),
        startMonth: t.field({ type: 'Date', required: true, description: '开始月份（当月1日） First month, as its first day' }),
        monthsWorked: t.int({ required: true, description: '务工月数 Months worked' }),
        organised: t.boolean({ required: true, description: '是否由结对双方组织输出 Whether the pairing organised it' }),
      }),
    },
    ids: { pairingId: 'Pairing', memberId: 'Member' },
    resolve: async (input, ctx) => ({ id: await recordLabour(ctx, input) }),
    payload: payload('劳务协作已登记 The placement recorded', 'placement', PairingLabour, PairingLabourSchema),
  });

  defineMutation(builder, 'recordPairingPurchase', {
    description: '登记消费帮扶（受援地产品） Record a purchase of a product of the helped area',
    input: {
      description: '消费帮扶 A purchase',
      argumentDescription: '消费帮扶 The purchase',
      fields: (t) => ({
        pairingId: t.id({ required: true, description: PAIRING_ID }),
        year: t.int({ required: true, description: '年度 Year' }),
        product: t.string({ required: true, description: '产品 Product' }),
        amount: t.field({ type: 'Money', required: true, description: '金额 Amount' }),
        producerKind: t.field({ type: ProducerKindEnum, required: true, description: '生产者类型 Kind of producer' }),
        householdId: t.id({ description: '生产户全局 ID（农户） Global ID of the producing household, for a household' }),
        producerName: t.string({ description: '合作社或企业名称 Name of the cooperative or enterprise' }),
        producerAreaCode: t.string({ description: '合作社或企业所在地12位代码（在受援地） 12-digit code of where it is, in the helped area' }),
      }),
    },
    ids: { pairingId: 'Pairing', householdId: 'Household' },
    resolve: async (input, ctx) => ({ id: await recordPurchase(ctx, input) }),
    payload: payload('消费帮扶已登记 The purchase recorded', 'purchase', PairingPurchase, PairingPurchaseSchema),
  });

  defineMutation(builder, 'recordPairingInvestment', {
    description: '登记产业合作投资 Record an enterprise of the helper investing in the helped area',
    input: {
      description: '产业合作 An investment',
      argumentDescription: '产业合作 The investment',
      fields: (t) => ({
        pairingId: t.id({ required: true, description: PAIRING_ID }),
        year: t.int({ required: true, description: '年度 Year' }),
        enterprise: t.string({ required: true, description: '企业 Enterprise' }),
        amount: t.field({ type: 'Money', required: true, description: '投资额 Amount invested' }),
        placeCode: t.string({ required: true, description: '投资地点12位代码（在受援地） 12-digit code of the place, in the helped area' }),
        jobsForRegistered: t.int({ required: true, description: '吸纳建档立卡人员就业人数 Jobs for registered people' }),
        peopleLifted: t.int({ required: true, description: '带动脱贫人数 People lifted out of poverty' }),
      }),
    },
    ids: { pairingId: 'Pairing' },
    resolve: async (input, ctx) => ({ id: await recordInvestment(ctx, input) }),
    payload: payload('产业合作已登记 The investment recorded', 'investment', PairingInvestment, PairingInvestmentSchema),
  });

  defineMutation(builder, 'recordPairingVisit', {
    description: '登记考察互访或联席会议 Record a visit or joint meeting',
    input: {
      description: '考察互访 A visit',
      argumentDescription: '互访 The visit',
      fields: (t) => ({
        pairingId: t.id({ required: true, description: PAIRING_ID }),
        kind: t.field({ type: VisitKindEnum, required: true, description: '类型 Kind' }),
        direction: t.field({ type: ExchangeDirectionEnum, required: true, description: '方向 Direction' }),
        heldOn: t.field({ type: 'Date', required: true, description: '日期（在结对年度之内） Date, within the pairing\'s years' }),
        delegation: t.string({ required: true, description: '来访团组 The visiting delegation' }),
        host: t.string({ required: true, description: '接待单位 The host' }),
        note: t.string({ description: '备注 Note' }),
      }),
    },
    ids: { pairingId: 'Pairing' },
    resolve: async (input, ctx) => ({ id: await recordVisit(ctx, input) }),
    payload: payload('互访已登记 The visit recorded', 'visit', PairingVisit, PairingVisitSchema),
  });
}
