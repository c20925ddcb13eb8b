import { areaPullConnection, checkDivisionCode, householdLoader, loadByDatabaseIds, ledgerEntryLoader, type TuopinBuilder } from '@tuopin/core';
import {
  flatLoader,
  relocatedHouseholdLoader,
  relocationOfHouseholdLoader,
  siteLoader,
  subsidiesOfHouseholdLoader,
  subsidyPaymentLoader,
  supportLoader,
  supportsOfHouseholdLoader,
} from '../shared/relocation.loaders.js';
import { relocationRefs } from '../shared/relocation-refs.js';
import {
  OriginReasonEnum,
  ReclamationKindEnum,
  RelocationCategoryEnum,
  RelocationModeEnum,
  RetentionReasonEnum,
  ScatteredKindEnum,
  SupportKindEnum,
} from '../shared/vocabulary.js';
import { demolitionDueOn, isDemolitionOverdue } from './demolition-deadline.js';
import { RelocatedHouseholdSchema, type RelocatedHousehold as Row } from './relocated-household.entity.js';
import { RelocationStatusEnum } from './life-cycle.js';
import { registerEnum } from '@tuopin/core';
import { RELOCATION_STATUSES } from './life-cycle.js';

const REGISTRY = { permission: 'core.registry.read' } as const;

export function registerRelocatedHouseholdSchema(builder: TuopinBuilder): void {
  const { RelocatedHousehold, Site, Flat, Support, SubsidyPayment } = relocationRefs(builder);
  registerEnum(builder, RelocationStatusEnum, 'RelocationStatus', '搬迁户状态 Where a relocated household stands in its life cycle', RELOCATION_STATUSES);

  const optionalDate = (zh: string, en: string, pick: (h: Row) => string | null | undefined) =>
    ({ type: 'Date' as const, nullable: true as const, description: `${zh} ${en}`, resolve: (h: Row) => pick(h) ?? null });

  builder.node(RelocatedHousehold, {
    description: '搬迁户（建档立卡户或同步搬迁户） A relocated household: registered, or moved at the same time without being registered',
    scope: { area: (h) => h.villageCode },
    authScopes: REGISTRY,
    id: { resolve: (h) => h.id },
    isTypeOf: (value) => typeof value === 'object' && value !== null && 'peopleMoved' in value,
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => relocatedHouseholdLoader(ctx).load(id)),
    fields: (t) => ({
      category: t.field({
        type: RelocationCategoryEnum,
        description: '类别 Registered or moved at the same time',
        resolve: (h) => (h.householdId == null ? 'CONCURRENT' : 'REGISTERED'),
      }),
      household: t.field({
        type: 'Household',
        nullable: true,
        description: '建档立卡户（同步搬迁户为空） The registered household; null for one moved at the same time',
        resolve: (h, _args, ctx) => (h.householdId == null ? null : householdLoader(ctx).load(h.householdId)),
      }),
      headName: t.string({
        nullable: true,
        description: '同步搬迁户户主姓名（建档立卡户见 household） Head of a household moved at the same time; a registered one\'s is its household\'s',
        resolve: (h) => h.headName ?? null,
      }),
      villageCode: t.exposeString('villageCode', { description: '迁出村代码 12-digit code of the village it moves from' }),
      memberCount: t.exposeInt('memberCount', { description: '家庭人口 Members of the household' }),
      originReason: t.field({ type: OriginReasonEnum, resolve: (h) => h.originReason as never, description: '搬迁原因 Why it moves' }),
      mode: t.field({ type: RelocationModeEnum, resolve: (h) => h.mode, description: '安置方式 Centralised or scattered' }),
      scatteredKind: t.field({ type: ScatteredKindEnum, nullable: true, resolve: (h) => (h.scatteredKind ?? null) as never, description: '分散安置方式 How a scattered household is housed' }),
      site: t.field({ type: Site, nullable: true, description: '安置点（集中安置） The site, when centralised', resolve: (h, _a, ctx) => (h.siteId == null ? null : siteLoader(ctx).load(h.siteId)) }),
      flat: t.field({ type: Flat, nullable: true, description: '所分住房 The flat assigned', resolve: (h, _a, ctx) => (h.flatId == null ? null : flatLoader(ctx).load(h.flatId)) }),
      peopleMoved: t.exposeInt('peopleMoved', { description: '搬迁人数 People moved' }),
      hasLabour: t.exposeBoolean('hasLabour', { description: '有劳动力 Whether the household has labour' }),
      floorArea: t.string({ nullable: true, description: '住房面积（平方米） Floor area of the new home in m²', resolve: (h) => h.floorArea ?? null }),
      selfRaised: t.field({ type: 'Money', description: '自筹金额 Amount raised by the household', resolve: (h) => h.selfRaised }),
      planYear: t.exposeInt('planYear', { description: '计划年度 Plan year' }),
      status: t.field({ type: RelocationStatusEnum, resolve: (h) => h.status, description: '状态 Status' }),
      appliedOn: t.field({ type: 'Date', resolve: (h) => h.appliedOn, description: '申请日期 Applied on' }),
      agreementDate: t.field(optionalDate('腾退协议签订日期', 'Date the demolition agreement was signed', (h) => h.agreementDate)),
      housedOn: t.field(optionalDate('分房日期', 'Housed on', (h) => h.housedOn)),
      moveInDate: t.field(optionalDate('入住日期', 'Moved in on', (h) => h.moveInDate)),
      oldHouseArea: t.string({ nullable: true, description: '旧房面积（平方米） Old house\'s area in m²', resolve: (h) => h.oldHouseArea ?? null }),
      demolishedOn: t.field(optionalDate('拆除日期', 'Old house demolished on', (h) => h.demolishedOn)),
      demolitionDueOn: t.field({
        type: 'Date',
        nullable: true,
        description: '拆旧期限：入住日期加本省该计划年度的拆旧月数；未配置期限或尚未入住时为空 The date the old house is due to be demolished by: the move-in date plus the province\'s demolitionMonthsAfterMoveIn for the plan year; null where no deadline is configured or before the move-in',
        resolve: (h, _a, ctx) => demolitionDueOn(ctx.settings, h),
      }),
      demolitionOverdue: t.boolean({
        description: '拆旧逾期：已过期限，旧房既未拆除也未经批准保留 Past its demolition deadline with the old house neither demolished nor kept with approval',
        resolve: (h, _a, ctx) => isDemolitionOverdue(ctx.settings, h),
      }),
      retentionReason: t.field({ type: RetentionReasonEnum, nullable: true, resolve: (h) => (h.retentionReason ?? null) as never, description: '旧房保留理由 Why the old house was kept' }),
      retentionApprovalNo: t.string({ nullable: true, description: '县级批准文号 The county\'s approval document', resolve: (h) => h.retentionApprovalNo ?? null }),
      retentionApprovedOn: t.field(optionalDate('县级批准日期', 'Date of the county\'s approval', (h) => h.retentionApprovedOn)),
      reclaimedAreaMu: t.string({ nullable: true, description: '复垦面积（亩） Reclaimed area in mu', resolve: (h) => h.reclaimedAreaMu ?? null }),
      reclamationKind: t.field({ type: ReclamationKindEnum, nullable: true, resolve: (h) => (h.reclamationKind ?? null) as never, description: '复垦类型 Arable or ecological' }),
      landQuotaMu: t.string({ nullable: true, description: '节余建设用地指标（亩，增减挂钩） Land quota freed in mu', resolve: (h) => h.landQuotaMu ?? null }),
      reclaimedOn: t.field(optionalDate('复垦日期', 'Reclaimed on', (h) => h.reclaimedOn)),
      updatedAt: t.field({ type: 'DateTime', resolve: (h) => h.updatedAt, description: '更新时间 Last change' }),
      supports: t.field({ type: [Support], description: '后续扶持 Follow-up support', resolve: (h, _a, ctx) => supportsOfHouseholdLoader(ctx).load(h.id) }),
      subsidies: t.field({ type: [SubsidyPayment], description: '搬迁补助发放记录 Subsidies paid', resolve: (h, _a, ctx) => subsidiesOfHouseholdLoader(ctx).load(h.id) }),
    }),
  });

  builder.node(Support, {
    description: '后续扶持措施 A follow-up support measure',
    scope: { area: (s) => s.villageCode },
    authScopes: REGISTRY,
    id: { resolve: (s) => s.id },
    isTypeOf: (value) => typeof value === 'object' && value !== null && 'startedOn' in value && 'relocatedHouseholdId' in value,
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => supportLoader(ctx).load(id)),
    fields: (t) => ({
      kind: t.field({ type: SupportKindEnum, resolve: (s) => s.kind as never, description: '类型 Kind' }),
      people: t.exposeInt('people', { description: '涉及人数（就业为就业人数） People reached; for employment, people employed' }),
      startedOn: t.field({ type: 'Date', resolve: (s) => s.startedOn, description: '开始日期 Started on' }),
      note: t.exposeString('note', { description: '内容 What was done' }),
      relocatedHousehold: t.field({ type: RelocatedHousehold, description: '搬迁户 The household', resolve: async (s, _a, ctx) => (await relocatedHouseholdLoader(ctx).load(s.relocatedHouseholdId))! }),
    }),
  });

  builder.node(SubsidyPayment, {
    description: '搬迁补助发放（资金台账中的报账） A relocation subsidy paid, as a disbursement in the fund ledger',
    scope: { area: (p) => p.villageCode },
    authScopes: REGISTRY,
    id: { resolve: (p) => p.id },
    isTypeOf: (value) => typeof value === 'object' && value !== null && 'ledgerEntryId' in value && 'relocatedHouseholdId' in value,
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => subsidyPaymentLoader(ctx).load(id)),
    fields: (t) => ({
      amount: t.field({ type: 'Money', resolve: (p) => p.amount, description: '金额 Amount' }),
      paidOn: t.field({ type: 'Date', resolve: (p) => p.paidOn, description: '发放日期 Paid on' }),
      disbursement: t.field({
        type: 'Disbursement',
        nullable: true,
        description: '资金台账中的报账记录（在您的权限范围内时） The ledger disbursement, when within your scope',
        resolve: (p, _a, ctx) => ledgerEntryLoader(ctx).load(p.ledgerEntryId),
      }),
      relocatedHousehold: t.field({ type: RelocatedHousehold, description: '搬迁户 The household', resolve: async (p, _a, ctx) => (await relocatedHouseholdLoader(ctx).load(p.relocatedHouseholdId))! }),
    }),
  });

  const Connection = builder.connectionObject({ type: RelocatedHousehold, name: 'RelocatedHouseholdConnection', description: '搬迁户分页列表 A page of relocated households' });
  builder.queryField('relocatedHouseholds', (t) =>
    t.connection(
      {
        type: RelocatedHousehold,
        authScopes: REGISTRY,
        description: '搬迁户，按迁出村代码排序 Relocated households of an area (by the village they move from) and everything under it',
        args: {
          regionCode: t.arg.string({ description: '区划代码（含下级） Division code; the area and everything under it' }),
          status: t.arg({ type: RelocationStatusEnum, description: '状态 Status' }),
          mode: t.arg({ type: RelocationModeEnum, description: '安置方式 Centralised or scattered' }),
        },
        resolve: (_root, args, ctx) =>
          areaPullConnection<Row>(
            ctx,
            {
              entity: RelocatedHouseholdSchema,
              alias: 'r',
              code: { property: 'villageCode', column: 'village_code' },
              regionCode: args.regionCode == null ? null : checkDivisionCode(args.regionCode, 'regionCode'),
              where: (sql) => {
                if (args.status) sql.append(' and r.status = ?', args.status);
                if (args.mode) sql.append(' and r.mode = ?', args.mode);
              },
            },
            args,
          ),
      },
      Connection,
    ),
  );

  builder.objectField('Household', 'relocation', (t) =>
    t.field({
      type: RelocatedHousehold,
      nullable: true,
      description: '易地扶贫搬迁（未搬迁为空） The household\'s relocation; null when it does not move',
      resolve: (household, _args, ctx) => relocationOfHouseholdLoader(ctx).load(household.id),
    }),
  );
}
