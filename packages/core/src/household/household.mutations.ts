import type { TuopinBuilder, TuopinTypes } from '../kernel/builder.js';
import type { TuopinContext } from '../kernel/context.js';
import { defineMutation } from '../kernel/define-mutation.js';
import { rowsWhereIn } from '../kernel/read/entity-reads.js';
import { memberInput } from '../member/member.inputs.js';
import { HouseholdSchema } from './household.entity.js';
import { HouseholdCategoryEnum, HouseholdStatusEnum, HousingSafetyGradeEnum, PovertyCauseEnum } from './household-enums.js';

import { registerHousehold, updateHousehold } from './household.service.js';
import type { RegisteredRows } from './registration-statement.js';
import { areaLoader } from '../area/area.loaders.js';
import { primeMembersOf } from '../member/member.loaders.js';

/** What household mutations return: the household, read fresh after the write. */
export interface HouseholdPayload {
  householdId: number;
}

/**
 * The rows a registration wrote, by the payload that answers it: its `household` field answers
 * from them (and primes the members and the village) instead of reading them back. Kept beside
 * the payload, not in it, so that an idempotent replay's stored answer holds only the id (and no
 * personal data): a replay reads the household as it is then.
 */
const registeredRows = new WeakMap<HouseholdPayload, RegisteredRows>();

/** The household of a registration's payload, from the rows it wrote when it has them. */
function registeredHousehold(ctx: TuopinContext, payload: HouseholdPayload) {
  const rows = registeredRows.get(payload);
  if (!rows) return freshHousehold(ctx, payload.householdId);
  // Primed now, while the payload resolves: mutations run one after another, so no later write
  // of this request has happened yet.
  primeMembersOf(ctx, rows.household.id, rows.members);
  areaLoader(ctx).prime(rows.village.code, rows.village);
  return rows.household;
}

/** The household as stored now, bypassing anything this request loaded before the write. */
export async function freshHousehold(ctx: TuopinContext, id: number) {
  const [household] = await rowsWhereIn(ctx, HouseholdSchema, 'id', [id]);
  if (!household) throw new Error(`household ${id} vanished after its write`);
  return household;
}

export function registerHouseholdMutations(builder: TuopinBuilder): void {
  const AssurancesInput = builder.inputType('HouseholdAssurancesInput', {
    description: '两不愁三保障 Assurances and guarantees',
    fields: (t) => ({
      food: t.boolean({ description: '不愁吃 Enough to eat' }),
      clothing: t.boolean({ description: '不愁穿 Enough to wear' }),
      compulsoryEducation: t.boolean({ description: '义务教育有保障 Compulsory education assured' }),
      basicMedicalCare: t.boolean({ description: '基本医疗有保障 Basic medical care assured' }),
      safeHousing: t.boolean({ description: '住房安全有保障 Safe housing assured' }),
    }),
  });
  const HousingInput = builder.inputType('HouseholdHousingInput', {
    description: '住房与饮水 Housing and drinking water',
    fields: (t) => ({
      area: t.float({ description: '住房面积（平方米） Floor area in m²' }),
      safetyGrade: t.field({ type: HousingSafetyGradeEnum, description: '住房安全等级 Safety grade' }),
      safeDrinkingWater: t.boolean({ description: '饮水安全 Safe drinking water' }),
    }),
  });

  const householdFields = (t: any, required: boolean) => ({
    householdNo: t.string({ required, description: '户编号 Household number, unique in the registry' }),
    villageCode: t.string({ required, description: '行政村代码 12-digit code of the administrative village' }),
    groupId: t.int({ description: '组/屯编号 Id of a group of that village' }),
    category: t.field({ type: HouseholdCategoryEnum, required, description: '贫困户属性 Category' }),
    status: t.field({
      type: HouseholdStatusEnum,
      description: required
        ? '户状态（登记时默认未脱贫） Status; POOR when registering if omitted'
        : '户状态（只能通过识别、退出、返贫流程改变，填写不同的值将被拒绝） Status; it changes only through its workflows, and a different value is refused',
    }),
    yearIdentified: t.int({ required, description: '识别年度 Year identified' }),
    exitYear: t.int({
      description: required ? '脱贫年度 Exit year' : '脱贫年度（由退出流程记录，填写不同的值将被拒绝） Exit year; recorded by the exit workflow, and a different value is refused',
    }),
    primaryCause: t.field({ type: PovertyCauseEnum, required, description: '主要致贫原因 Main cause' }),
    otherCauses: t.field({ type: [PovertyCauseEnum], description: '其他致贫原因（最多两项） Other causes, at most two' }),
    assurances: t.field({ type: AssurancesInput, description: '两不愁三保障 Assurances' }),
    housing: t.field({ type: HousingInput, description: '住房 Housing' }),
    arableLand: t.float({ description: '耕地面积（亩） Arable land in mu' }),
    bankAccount: t.string({ description: '银行账号 Bank account number' }),
  });

  /** The `household` field of both payloads: the household as stored after the write. */
  const householdField = (t: PothosSchemaTypes.ObjectFieldBuilder<TuopinTypes, HouseholdPayload>) =>
    t.field({ type: 'Household', description: '户 The household', resolve: (p, _args, ctx) => freshHousehold(ctx, p.householdId) });

  defineMutation(builder, 'registerHousehold', {
    description: '登记建档立卡户及其成员（一个事务） Register a household with its members, in one transaction',
    input: {
      description: '登记建档立卡户 A household to register, with its members',
      argumentDescription: '输入 Input',
      fields: (t) => ({
        ...householdFields(t, true),
        members: t.field({ type: [memberInput(builder)], required: true, description: '家庭成员，须含一名户主 Members, exactly one of them the head' }),
      }),
    },
    resolve: async (input, ctx) => {
      const rows = await registerHousehold(ctx, input as never);
      // Every personal field of the new rows is the caller's input: reading them back is not a read to record.
      ctx.audit.noteEnteredByRequest('Household', rows.household.id);
      for (const member of rows.members) ctx.audit.noteEnteredByRequest('Member', member.id);
      const payload: HouseholdPayload = { householdId: rows.household.id };
      registeredRows.set(payload, rows);
      return payload;
    },
    payload: {
      description: '登记成功 The registered household',
      fields: (t) => ({ household: t.field({ type: 'Household', description: '户 The household', resolve: (p, _args, ctx) => registeredHousehold(ctx, p) }) }),
    },
  });

  defineMutation(builder, 'updateHousehold', {
    description: '修改户信息 Change a household\'s own fields',
    input: {
      description: '修改户信息 Changes to a household; absent fields stay as they are',
      argumentDescription: '输入 Input',
      fields: (t) => ({
        id: t.id({ required: true, description: '户全局 ID Household global ID' }),
        ...householdFields(t, false),
      }),
    },
    ids: { id: 'Household' },
    resolve: async (input, ctx) => ({ householdId: await updateHousehold(ctx, input as never) }),
    payload: { description: '修改成功 The changed household', fields: (t) => ({ household: householdField(t) }) },
  });
}
