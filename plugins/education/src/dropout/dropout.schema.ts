import { checkDivisionCode, defineMutation, freeTextValue, loadByDatabaseIds, MASKED_TEXT, personalValue, pullConnection, registerEnum, ValidationError, type PersonalDataOwner, type TuopinBuilder } from '@tuopin/core';
import { memberLoader } from '../enrolment/enrolment.loaders.js';
import { hasProperties } from '../shared/node-ids.js';
import { DROPOUT_STATUSES_READ, DropoutStatusEnum } from '../shared/vocabulary.js';
import { DropoutCaseSchema, type DropoutCase, type PersuasionVisit } from './dropout.entity.js';
import { dropoutCaseLoader, dropoutConditions, visitsByCaseLoader } from './dropout.loaders.js';
import { closeDropoutCase, openDropoutCase, recordPersuasionVisit } from './dropout.service.js';

/**
 * A case's health details, whose the child's: how it closed (送教上门 implies a severe disability)
 * and the free text (a reason, a visit's result), which may name an illness. The kernel shows them
 * to roles that read personal data, recording the read, and masks them for the others.
 */
const caseOwner = (caseId: number, villageCode: string): PersonalDataOwner => ({ objectType: 'DropoutCase', objectId: caseId, areaCode: villageCode });

export function registerDropoutSchema(builder: TuopinBuilder): void {
  registerEnum(builder, DropoutStatusEnum, 'DropoutStatus', '控辍保学状态 Where a dropout case stands', DROPOUT_STATUSES_READ);
  const CaseRef = builder.objectRef<DropoutCase>('DropoutCase');
  const VisitRef = builder.objectRef<PersuasionVisit>('PersuasionVisit').implement({
    description: '劝返走访 A persuasion visit',
    scope: 'contained',
    fields: (t) => ({
      visitedOn: t.field({ type: 'Date', resolve: (v) => v.visitedOn, description: '走访日期 Date' }),
      // Names typed by a clerk (officials, a relative): free text, masked like the rest of the case's.
      visitors: t.string({
        description: '走访人（自由填写的姓名，看不到个人信息的角色见 ***） Who visited: names typed in, *** to roles that see personal data masked',
        resolve: (v, _args, ctx) => freeTextValue(ctx, v.visitors)!,
      }),
      result: t.string({
        description: '结果（看不到个人信息的角色见 ***） What came of it; *** to roles that see personal data masked',
        resolve: (v, _args, ctx) => personalValue(ctx, caseOwner(v.caseId, v.villageCode), 'visits.result', v.result, () => MASKED_TEXT)!,
      }),
    }),
  });

  builder.node(CaseRef, {
    description: '控辍保学记录 A dropout case: a school-age child out of school, until he returns or is taught at home',
    scope: { area: (c) => c.villageCode },
    authScopes: { permission: 'core.registry.read' },
    id: { resolve: (c) => c.id },
    isTypeOf: (value) => hasProperties(value, 'openedOn', 'closedOn'),
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => dropoutCaseLoader(ctx).load(id)),
    fields: (t) => ({
      child: t.field({ type: 'Member', nullable: true, description: '学生 The child', resolve: (c, _args, ctx) => memberLoader(ctx).load(c.memberId) }),
      status: t.field({
        type: DropoutStatusEnum,
        description: '状态（已结案的结案方式对看不到个人信息的角色显示为 CLOSED） Status; how a closed case closed reads CLOSED to roles that see personal data masked',
        resolve: (c, _args, ctx) => (c.closedOn == null ? c.status : personalValue(ctx, caseOwner(c.id, c.villageCode), 'status', c.status, () => 'CLOSED' as const)!),
      }),
      openedOn: t.field({ type: 'Date', resolve: (c) => c.openedOn, description: '建档日期 Opened on' }),
      closedOn: t.field({ type: 'Date', nullable: true, resolve: (c) => c.closedOn ?? null, description: '结案日期 Closed on' }),
      reason: t.string({
        nullable: true,
        description: '辍学原因（看不到个人信息的角色见 ***） Why the child left school; *** to roles that see personal data masked',
        resolve: (c, _args, ctx) => personalValue(ctx, caseOwner(c.id, c.villageCode), 'reason', c.reason, () => MASKED_TEXT),
      }),
      visits: t.field({ type: [VisitRef], description: '劝返走访 Persuasion visits', resolve: (c, _args, ctx) => visitsByCaseLoader(ctx).load(c.id) }),
    }),
  });

  const Connection = builder.connectionObject({ type: CaseRef, name: 'DropoutCaseConnection', description: '控辍保学记录分页列表 A page of dropout cases' });
  builder.queryField('dropoutCases', (t) =>
    t.connection(
      {
        type: CaseRef,
        authScopes: { permission: 'core.registry.read' },
        description: '控辍保学记录（区划及其下级），按村代码排序 Dropout cases in an area and everything under it, by village',
        args: {
          regionCode: t.arg.string({ description: '区划代码（含下级） Division code; the area and everything under it' }),
          open: t.arg.boolean({ description: '只列未结案（true）或已结案（false）的 Only open (true) or closed (false) cases' }),
        },
        resolve: (_root, args, ctx) => {
          const regionCode = args.regionCode == null ? null : checkDivisionCode(args.regionCode, 'regionCode');
          return pullConnection(ctx, { entity: DropoutCaseSchema, alias: 'd', conditions: dropoutConditions(ctx, { regionCode, open: args.open }), order: 'code', code: { property: 'villageCode', column: 'village_code' } }, args);
        },
      },
      Connection,
    ),
  );

  const payload = {
    description: '控辍保学记录 The dropout case',
    fields: (t: PothosSchemaTypes.ObjectFieldBuilder<any, { caseId: number }>) => ({
      dropoutCase: t.field({ type: CaseRef, description: '记录 The case', resolve: async (p: { caseId: number }, _args: unknown, ctx: Parameters<typeof dropoutCaseLoader>[0]) => (await dropoutCaseLoader(ctx).load(p.caseId))! }),
    }),
  };

  defineMutation(builder, 'openDropoutCase', {
    description: '登记疑似或确认辍学的学生（本辖区） Open a dropout case for a child of your areas',
    input: {
      description: '控辍保学记录 A dropout case',
      argumentDescription: '记录 The case',
      fields: (t) => ({
        memberId: t.id({ required: true, description: '学生（成员全局 ID） The child, a Member global ID' }),
        status: t.field({ type: DropoutStatusEnum, required: true, description: '疑似（SUSPECTED）或确认（CONFIRMED） SUSPECTED or CONFIRMED' }),
        openedOn: t.field({ type: 'Date', description: '建档日期（默认今天） Opened on; today if omitted' }),
        reason: t.string({ description: '辍学原因 Why the child left school' }),
      }),
    },
    ids: { memberId: 'Member' },
    resolve: async (input, ctx) => {
      if (input.status !== 'SUSPECTED' && input.status !== 'CONFIRMED') {
        throw ValidationError.of('status', '新建记录须为疑似或确认辍学', 'A new case is SUSPECTED or CONFIRMED');
      }
      return { caseId: await openDropoutCase(ctx, { ...input, status: input.status }) };
    },
    payload,
  });

  defineMutation(builder, 'recordPersuasionVisit', {
    description: '登记劝返走访（日期、走访人、结果） Record a persuasion visit: when, who, what came of it',
    input: {
      description: '劝返走访 A persuasion visit',
      argumentDescription: '走访 The visit',
      fields: (t) => ({
        caseId: t.id({ required: true, description: '控辍保学记录全局 ID DropoutCase global ID' }),
        visitedOn: t.field({ type: 'Date', required: true, description: '走访日期 Date' }),
        visitors: t.string({ required: true, description: '走访人 Who visited' }),
        result: t.string({ required: true, description: '结果 What came of it' }),
      }),
    },
    ids: { caseId: 'DropoutCase' },
    resolve: async (input, ctx) => ({ caseId: await recordPersuasionVisit(ctx, input) }),
    payload,
  });

  defineMutation(builder, 'closeDropoutCase', {
    description: '结案：已劝返复学或送教上门 Close a case: the child returned to school or is taught at home',
    input: {
      description: '结案 Closing a case',
      argumentDescription: '结案 The closing',
      fields: (t) => ({
        caseId: t.id({ required: true, description: '控辍保学记录全局 ID DropoutCase global ID' }),
        outcome: t.field({ type: DropoutStatusEnum, required: true, description: '结果：RETURNED_TO_SCHOOL 或 HOME_TEACHING The outcome: RETURNED_TO_SCHOOL or HOME_TEACHING' }),
        closedOn: t.field({ type: 'Date', description: '结案日期（默认今天） Closed on; today if omitted' }),
      }),
    },
    ids: { caseId: 'DropoutCase' },
    resolve: async (input, ctx) => {
      if (input.outcome !== 'RETURNED_TO_SCHOOL' && input.outcome !== 'HOME_TEACHING') {
        throw ValidationError.of('outcome', '结案须为已复学或送教上门', 'A case closes as RETURNED_TO_SCHOOL or HOME_TEACHING');
      }
      return { caseId: await closeDropoutCase(ctx, { ...input, outcome: input.outcome }) };
    },
    payload,
  });
}
