import { hasPermission, householdLoader, loadByDatabaseIds, registerEnum, type TuopinBuilder } from '@tuopin/core';
import { pairingLoader } from '../pairing/pairing.loaders.js';
import { hasProperties } from '../shared/node-ids.js';
import { ExchangeDirectionEnum, PRODUCER_KINDS, ProducerKindEnum, VISIT_KINDS, VisitKindEnum } from '../shared/pairing-enums.js';
import { recordedOnPairing } from '../shared/pairing-rows.js';
import { pairingRefs } from '../shared/pairing-refs.js';
import {
  investmentLoader,
  investmentsByPairingLoader,
  labourByPairingLoader,
  labourLoader,
  memberByIdLoader,
  purchaseLoader,
  purchasesByPairingLoader,
  visitLoader,
  visitsByPairingLoader,
} from './cooperation.loaders.js';

/** Labour placements, purchases, investment and visits: their types and their lists on a pairing. */
export function registerCooperationSchema(builder: TuopinBuilder): void {
  const { Pairing, PairingLabour, PairingPurchase, PairingInvestment, PairingVisit } = pairingRefs(builder);
  registerEnum(builder, ProducerKindEnum, 'PairingProducerKind', '生产者类型 Kind of producer', PRODUCER_KINDS);
  registerEnum(builder, VisitKindEnum, 'PairingVisitKind', '互访类型 Kind of visit', VISIT_KINDS);
  const pairingField = (t: any) =>
    t.field({ type: Pairing, description: '结对关系 The pairing', resolve: async (row: { pairingId: number }, _args: unknown, ctx: any) => (await pairingLoader(ctx).load(row.pairingId))! });

  builder.node(PairingLabour, {
    description: '劳务协作：受援地建档立卡人员就业 A registered person of the helped area placed in a job',
    // A registered person: in his village, for those who read the registry there; no grant reaches it.
    scope: { area: (row) => row.villageCode },
    authScopes: { permission: 'core.registry.read' },
    id: { resolve: (row) => row.id },
    isTypeOf: (value) => hasProperties(value, 'memberId', 'employer'),
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => labourLoader(ctx).load(id)),
    fields: (t) => ({
      pairing: pairingField(t),
      member: t.field({ type: 'Member', description: '就业人员 The person placed', resolve: async (row, _args, ctx) => (await memberByIdLoader(ctx).load(row.memberId))! }),
      destination: t.exposeString('destination', { description: '就业地 Where the job is' }),
      employer: t.exposeString('employer', { description: '用工单位 Employer' }),
      startMonth: t.field({ type: 'Date', resolve: (row) => row.startMonth, description: '开始月份（当月1日） First month, as its first day' }),
      monthsWorked: t.exposeInt('monthsWorked', { description: '务工月数 Months worked' }),
      organised: t.exposeBoolean('organised', { description: '是否由结对双方组织输出 Whether the pairing organised the placement' }),
    }),
  });

  builder.node(PairingPurchase, {
    description: '消费帮扶：购买或帮助销售受援地产品 A product of the helped area bought or helped to sell',
    scope: recordedOnPairing,
    authScopes: { permission: 'core.projects.read' },
    id: { resolve: (row) => row.id },
    isTypeOf: (value) => hasProperties(value, 'product', 'producerKind'),
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => purchaseLoader(ctx).load(id)),
    fields: (t) => ({
      pairing: pairingField(t),
      year: t.exposeInt('year', { description: '年度 Year' }),
      product: t.exposeString('product', { description: '产品 Product' }),
      amount: t.field({ type: 'Money', resolve: (row) => row.amount, description: '金额 Amount' }),
      producerKind: t.field({ type: ProducerKindEnum, resolve: (row) => row.producerKind as never, description: '生产者类型 Kind of producer' }),
      producerName: t.exposeString('producerName', { nullable: true, description: '合作社或企业名称（农户不显示） Name of the cooperative or enterprise; null for a household' }),
      producerAreaCode: t.string({
        description:
          '生产者所在地代码（农户生产者：不能查看建档立卡数据的角色只见其所在县） 12-digit code of where the producer is; of a household producer, those who may not read the registry see its county',
        // A household's village with its sale would single the household out, which partners never see.
        resolve: (row, _args, ctx) =>
          row.producerKind === 'HOUSEHOLD' && !hasPermission(ctx.principal, 'core.registry.read') ? row.producerAreaCode.slice(0, 6).padEnd(12, '0') : row.producerAreaCode,
      }),
      household: t.field({
        type: 'Household',
        nullable: true,
        description: '生产户（限可查看建档立卡数据的角色和地区） The producing household, for those who read the registry there',
        resolve: (row, _args, ctx) => (row.householdId == null ? null : householdLoader(ctx).load(row.householdId)),
      }),
    }),
  });

  builder.node(PairingInvestment, {
    description: '产业合作：帮扶方企业在受援地投资 An enterprise of the helper investing in the helped area',
    scope: recordedOnPairing,
    authScopes: { permission: 'core.projects.read' },
    id: { resolve: (row) => row.id },
    isTypeOf: (value) => hasProperties(value, 'enterprise', 'jobsForRegistered'),
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => investmentLoader(ctx).load(id)),
    fields: (t) => ({
      pairing: pairingField(t),
      year: t.exposeInt('year', { description: '年度 Year' }),
      enterprise: t.exposeString('enterprise', { description: '企业 Enterprise' }),
      amount: t.field({ type: 'Money', resolve: (row) => row.amount, description: '投资额 Amount invested' }),
      placeCode: t.exposeString('placeCode', { description: '投资地点代码 12-digit code of where it invested' }),
      jobsForRegistered: t.exposeInt('jobsForRegistered', { description: '吸纳建档立卡人员就业人数 Jobs for registered people' }),
      peopleLifted: t.exposeInt('peopleLifted', { description: '带动脱贫人数 People lifted out of poverty' }),
    }),
  });

  builder.node(PairingVisit, {
    description: '考察互访与联席会议 A visit or joint meeting of the two sides',
    scope: recordedOnPairing,
    authScopes: { permission: 'core.projects.read' },
    id: { resolve: (row) => row.id },
    isTypeOf: (value) => hasProperties(value, 'delegation', 'heldOn'),
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => visitLoader(ctx).load(id)),
    fields: (t) => ({
      pairing: pairingField(t),
      kind: t.field({ type: VisitKindEnum, resolve: (row) => row.kind as never, description: '类型 Kind' }),
      direction: t.field({ type: ExchangeDirectionEnum, resolve: (row) => row.direction as never, description: '方向 Direction' }),
      heldOn: t.field({ type: 'Date', resolve: (row) => row.heldOn, description: '日期 Date' }),
      delegation: t.exposeString('delegation', { description: '来访团组 The visiting delegation' }),
      host: t.exposeString('host', { description: '接待单位 The host' }),
      note: t.exposeString('note', { nullable: true, description: '备注 Note' }),
    }),
  });

  builder.objectFields(Pairing, (t) => ({
    labour: t.field({
      type: [PairingLabour],
      authScopes: { permission: 'core.registry.read' },
      description: '劳务协作（仅显示您可查看的建档立卡人员） Labour placements; only those of people whose registry you read',
      resolve: (pairing, _args, ctx) => labourByPairingLoader(ctx).load(pairing.id),
    }),
    purchases: t.field({ type: [PairingPurchase], description: '消费帮扶 Purchases', resolve: (pairing, _args, ctx) => purchasesByPairingLoader(ctx).load(pairing.id) }),
    investments: t.field({ type: [PairingInvestment], description: '产业合作 Investment', resolve: (pairing, _args, ctx) => investmentsByPairingLoader(ctx).load(pairing.id) }),
    visits: t.field({ type: [PairingVisit], description: '考察互访与联席会议 Visits and joint meetings', resolve: (pairing, _args, ctx) => visitsByPairingLoader(ctx).load(pairing.id) }),
  }));
}
