import { pullConnection, checkDivisionCode, loadByDatabaseIds, registerEnum, type TuopinBuilder } from '@tuopin/core';
import { enrolmentLoader, memberLoader } from '../enrolment/enrolment.loaders.js';
import { educationRefs } from '../shared/education-refs.js';
import { hasProperties } from '../shared/node-ids.js';
import { AID_SCHEMES, AidSchemeEnum } from '../shared/vocabulary.js';
import { APPLICATION_STATUSES, ApplicationStatusEnum, REVIEW_DECISIONS, ReviewDecisionEnum } from './aid-enums.js';
import { applicationLoader, applicationsByMemberLoader, paymentsByApplicationLoader } from './aid.loaders.js';
import { ApplicationSchema } from './application.entity.js';
import { applicationConditions } from './aid.queries.js';

export function registerApplicationSchema(builder: TuopinBuilder): void {
  const { AidApplication, AidPayment, Enrolment } = educationRefs(builder);
  registerEnum(builder, AidSchemeEnum, 'AidScheme', '教育资助项目 Education aid scheme', AID_SCHEMES);
  registerEnum(builder, ApplicationStatusEnum, 'AidApplicationStatus', '资助申请状态 Where an aid application stands', APPLICATION_STATUSES);
  registerEnum(builder, ReviewDecisionEnum, 'AidReviewDecision', '审核结论 A reviewer\'s decision', REVIEW_DECISIONS);

  builder.node(AidApplication, {
    description: '教育资助申请 A student\'s application for one aid scheme in one year',
    scope: { area: (a) => a.villageCode },
    authScopes: { permission: 'core.registry.read' },
    id: { resolve: (a) => a.id },
    isTypeOf: (value) => hasProperties(value, 'appliedOn', 'enrolmentId'),
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => applicationLoader(ctx).load(id)),
    fields: (t) => ({
      student: t.field({
        type: 'Member',
        nullable: true,
        description: '学生 The student',
        resolve: (a, _args, ctx) => memberLoader(ctx).load(a.memberId),
      }),
      studentName: t.string({ nullable: true, description: '学生姓名 The student\'s name', resolve: async (a, _args, ctx) => (await memberLoader(ctx).load(a.memberId))?.name ?? null }),
      villageCode: t.exposeString('villageCode', { description: '学生所在村代码 12-digit code of the student\'s village' }),
      enrolment: t.field({ type: Enrolment, nullable: true, description: '申请所依据的学籍 The enrolment applied for', resolve: (a, _args, ctx) => enrolmentLoader(ctx).load(a.enrolmentId) }),
      scheme: t.field({ type: AidSchemeEnum, resolve: (a) => a.scheme, description: '资助项目 Scheme' }),
      year: t.exposeInt('year', { description: '年度 Year' }),
      status: t.field({ type: ApplicationStatusEnum, resolve: (a) => a.status, description: '状态 Status' }),
      appliedOn: t.field({ type: 'Date', resolve: (a) => a.appliedOn, description: '申请日期 Applied on' }),
      villageCheckedOn: t.field({ type: 'Date', nullable: true, resolve: (a) => a.villageCheckedOn ?? null, description: '村审核日期 Checked by the village on' }),
      townshipCheckedOn: t.field({ type: 'Date', nullable: true, resolve: (a) => a.townshipCheckedOn ?? null, description: '乡镇审核日期 Checked by the township on' }),
      approvedOn: t.field({ type: 'Date', nullable: true, resolve: (a) => a.approvedOn ?? null, description: '县复核通过日期 Approved by the county on' }),
      noticeFrom: t.field({ type: 'Date', nullable: true, resolve: (a) => a.noticeFrom ?? null, description: '公示开始日期 Public notice from' }),
      noticeUntil: t.field({ type: 'Date', nullable: true, resolve: (a) => a.noticeUntil ?? null, description: '公示结束日期（此后才能发放） Public notice until; payment only after it' }),
      rejectionReason: t.exposeString('rejectionReason', { nullable: true, description: '未通过原因 Why it was rejected' }),
      payments: t.field({ type: [AidPayment], description: '发放记录（含已冲销的） Its payments, reversed ones included', resolve: (a, _args, ctx) => paymentsByApplicationLoader(ctx).load(a.id) }),
      updatedAt: t.field({ type: 'DateTime', resolve: (a) => a.updatedAt, description: '最后修改时间 Last changed at' }),
    }),
  });

  const Connection = builder.connectionObject({ type: AidApplication, name: 'AidApplicationConnection', description: '资助申请分页列表 A page of aid applications' });

  builder.queryField('aidApplications', (t) =>
    t.connection(
      {
        type: AidApplication,
        authScopes: { permission: 'core.registry.read' },
        description: '教育资助申请（学生所在区划及其下级），按村代码排序 Aid applications of students in an area and everything under it, ordered by village',
        args: {
          regionCode: t.arg.string({ description: '区划代码（含下级） Division code; the area and everything under it' }),
          scheme: t.arg({ type: AidSchemeEnum, description: '资助项目 Only this scheme' }),
          year: t.arg.int({ description: '年度 Only this year' }),
          status: t.arg({ type: ApplicationStatusEnum, description: '状态 Only this status' }),
        },
        resolve: (_root, args, ctx) => {
          const regionCode = args.regionCode == null ? null : checkDivisionCode(args.regionCode, 'regionCode');
          return pullConnection(ctx, {
            entity: ApplicationSchema,
            alias: 'a',
            conditions: applicationConditions(ctx, { regionCode, scheme: args.scheme, year: args.year, status: args.status }),
            order: 'code',
            code: { property: 'villageCode', column: 'village_code' },
          }, args);
        },
      },
      Connection,
    ),
  );

  builder.objectField('Member', 'aidApplications', (t) =>
    t.field({
      type: [AidApplication],
      description: '教育资助申请（新的在前） The member\'s education-aid applications, newest year first',
      resolve: (member, _args, ctx) => applicationsByMemberLoader(ctx).load(member.id),
    }),
  );
}
