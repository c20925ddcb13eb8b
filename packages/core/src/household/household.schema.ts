import type { ArgBuilder } from '@pothos/core';
import { areaLoader, villageGroupLoader } from '../area/area.loaders.js';
import { checkDivisionCode } from '../area/area.schema.js';
import type { TuopinBuilder, TuopinTypes } from '../kernel/builder.js';
import { maskBankAccount, personalValue } from '../kernel/personal-data.js';
import { canReadPersonalData } from '../access/core-policy.js';
import { ValidationError } from '../kernel/errors.js';
import { numericIdOf } from '../kernel/global-id.js';
import { registerEnum } from '../kernel/enum-values.js';
import type { Household } from './household.entity.js';
import { HOUSEHOLD_CATEGORIES, HOUSEHOLD_STATUSES, HouseholdCategoryEnum, HouseholdStatusEnum, HOUSING_SAFETY_GRADES, HousingSafetyGradeEnum, POVERTY_CAUSES, PovertyCauseEnum } from './household-enums.js';
import { householdByNumberLoader, householdLoader } from './household.loaders.js';
import { householdConnection, householdProperties } from './household.queries.js';
import { loadByDatabaseIds } from '../kernel/global-id.js';

export function registerHouseholdSchema(builder: TuopinBuilder): void {
  registerEnum(builder, HouseholdCategoryEnum, 'HouseholdCategory', '贫困户属性 Household category', HOUSEHOLD_CATEGORIES);
  registerEnum(builder, HouseholdStatusEnum, 'HouseholdStatus', '户状态 Household status', HOUSEHOLD_STATUSES);
  registerEnum(builder, PovertyCauseEnum, 'PovertyCause', '致贫原因 Cause of poverty', POVERTY_CAUSES);
  registerEnum(builder, HousingSafetyGradeEnum, 'HousingSafetyGrade', '住房安全等级 Housing safety grade', HOUSING_SAFETY_GRADES);

  const Assurances = builder.objectRef<Household>('HouseholdAssurances').implement({
    description: '两不愁三保障 The "two assurances and three guarantees"',
    scope: 'contained',
    fields: (t) => ({
      food: t.exposeBoolean('foodSecure', { description: '不愁吃 Enough to eat' }),
      clothing: t.exposeBoolean('clothingSecure', { description: '不愁穿 Enough to wear' }),
      compulsoryEducation: t.exposeBoolean('compulsoryEducationSecure', { description: '义务教育有保障 Compulsory education assured' }),
      basicMedicalCare: t.exposeBoolean('basicMedicalSecure', { description: '基本医疗有保障 Basic medical care assured' }),
      safeHousing: t.exposeBoolean('housingSecure', { description: '住房安全有保障 Safe housing assured' }),
      allMet: t.boolean({
        description: '全部达标 All five are met',
        resolve: (h) => h.foodSecure && h.clothingSecure && h.compulsoryEducationSecure && h.basicMedicalSecure && h.housingSecure,
      }),
    }),
  });

  const Housing = builder.objectRef<Household>('HouseholdHousing').implement({
    description: '住房与饮水 Housing and drinking water',
    scope: 'contained',
    fields: (t) => ({
      area: t.float({
        nullable: true,
        description: '住房面积（平方米） Floor area in m²',
        resolve: (h) => (h.housingArea == null ? null : Number(h.housingArea)),
      }),
      safetyGrade: t.field({
        type: HousingSafetyGradeEnum,
        nullable: true,
        description: '住房安全等级 Safety grade (C and D are dangerous housing, 危房)',
        resolve: (h) => h.housingSafetyGrade ?? null,
      }),
      safeDrinkingWater: t.exposeBoolean('safeDrinkingWater', { nullable: true, description: '饮水安全 Safe drinking water' }),
    }),
  });

  builder.node('Household', {
    description: '建档立卡户 A registered poor household',
    scope: { area: (h) => h.villageCode },
    id: { resolve: (h) => h.id },
    authScopes: { permission: 'core.registry.read' },
    isTypeOf: (value) => typeof value === 'object' && value !== null && 'householdNo' in value,
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => householdLoader(ctx).load(id)),
    fields: (t) => ({
      householdNo: t.exposeString('householdNo', { description: '户编号 Household number' }),
      village: t.field({
        type: 'Village',
        description: '所属行政村 The administrative village',
        resolve: async (h, _args, ctx) => (await areaLoader(ctx).load(h.villageCode))!,
      }),
      group: t.field({
        type: 'VillageGroup',
        nullable: true,
        description: '所属组/屯 The group within the village',
        resolve: (h, _args, ctx) => (h.groupId == null ? null : villageGroupLoader(ctx).load(h.groupId)),
      }),
      category: t.expose('category', { type: HouseholdCategoryEnum, description: '贫困户属性 Category' }),
      status: t.expose('status', { type: HouseholdStatusEnum, description: '户状态 Status' }),
      yearIdentified: t.exposeInt('yearIdentified', { description: '识别年度 Year identified as poor' }),
      exitYear: t.exposeInt('exitYear', { nullable: true, description: '脱贫年度 Year the household exited poverty' }),
      primaryCause: t.expose('primaryCause', { type: PovertyCauseEnum, description: '主要致贫原因 Main cause of poverty' }),
      otherCauses: t.field({
        type: [PovertyCauseEnum],
        resolve: (h) => h.otherCauses,
        description: '其他致贫原因（最多两项） Other causes of poverty, at most two',
      }),
      assurances: t.field({ type: Assurances, resolve: (h) => h, description: '两不愁三保障 Assurances and guarantees' }),
      housing: t.field({ type: Housing, resolve: (h) => h, description: '住房 Housing' }),
      arableLand: t.float({
        nullable: true,
        description: '耕地面积（亩） Arable land in mu',
        resolve: (h) => (h.arableLand == null ? null : Number(h.arableLand)),
      }),
      bankAccount: t.string({
        nullable: true,
        description: '银行账号（个人信息：无权角色见到的是 6230***********1234） Bank account; masked for roles without access to personal data',
        resolve: (h, _args, ctx) =>
          personalValue(ctx, { objectType: 'Household', objectId: h.id, areaCode: h.villageCode }, 'bankAccount', h.bankAccount, maskBankAccount),
      }),
      personalDataMasked: t.boolean({
        description: '个人信息是否已遮蔽 Whether the bank account is masked for your role',
        resolve: (_h, _args, ctx) => !canReadPersonalData(ctx.principal),
      }),
      memberCount: t.exposeInt('memberCount', { description: '家庭人口数 Number of members' }),
      createdAt: t.field({ type: 'DateTime', resolve: (h) => h.createdAt, description: '登记时间 Registered at' }),
      updatedAt: t.field({ type: 'DateTime', resolve: (h) => h.updatedAt, description: '更新时间 Last changed at' }),
    }),
  });

  const HouseholdConnection = builder.connectionObject({
    type: 'Household',
    name: 'HouseholdConnection',
    description: '建档立卡户分页列表 A page of registered households',
  });

  const filterArgs = (t: { arg: ArgBuilder<TuopinTypes> }) => ({
    status: t.arg({ type: HouseholdStatusEnum, description: '户状态 Status' }),
    primaryCause: t.arg({ type: PovertyCauseEnum, description: '主要致贫原因 Main cause' }),
    category: t.arg({ type: HouseholdCategoryEnum, description: '贫困户属性 Category' }),
    search: t.arg.string({
      description:
        '按姓名、户编号或身份证号前缀搜索（身份证号仅限可查看个人信息的角色） Prefix of a member name or household number, or of an ID number for roles that may read personal data',
    }),
  });

  builder.queryFields((t) => ({
    household: t.field({
      type: 'Household',
      nullable: true,
      authScopes: { permission: 'core.registry.read' },
      description: '按 ID 或户编号查询户 A household by global ID or by household number (give exactly one)',
      args: {
        id: t.arg.id({ description: '全局 ID Global ID' }),
        householdNo: t.arg.string({ description: '户编号 Household number' }),
      },
      resolve: (_root, args, ctx, info) => {
        if ((args.id == null) === (args.householdNo == null)) {
          throw ValidationError.of('id', '请只提供 id 或 householdNo 之一', 'Give exactly one of id and householdNo');
        }
        // Only the columns the selection reads (a lookup of three fields reads five of 27 columns).
        const properties = householdProperties(info);
        if (args.id != null) return householdLoader(ctx, properties).load(numericIdOf(args.id, 'Household', 'id'));
        return householdByNumberLoader(ctx, properties).load(args.householdNo!);
      },
    }),
    households: t.connection(
      {
        type: 'Household',
        authScopes: { permission: 'core.registry.read' },
        description: '建档立卡户列表，按村代码排序 Registered households of an area and everything under it, ordered by village',
        args: {
          regionCode: t.arg.string({ description: '区划代码（含下级） Division code; the area and everything under it' }),
          ...filterArgs(t),
        },
        resolve: (_root, args, ctx, info) =>
          householdConnection(
            ctx,
            { ...args, regionCode: args.regionCode == null ? null : checkDivisionCode(args.regionCode, 'regionCode') },
            args,
            info,
          ),
      },
      HouseholdConnection,
    ),
  }));

  builder.objectField('Village', 'households', (t) =>
    t.connection(
      {
        type: 'Household',
        authScopes: { permission: 'core.registry.read' },
        description: '本村建档立卡户 Registered households of this village',
        args: filterArgs(t),
        resolve: (village, args, ctx, info) => householdConnection(ctx, { ...args, regionCode: village.code }, args, info),
      },
      HouseholdConnection,
    ),
  );
}
