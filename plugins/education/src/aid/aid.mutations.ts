import { defineMutation, type TuopinBuilder } from '@tuopin/core';
import { educationRefs } from '../shared/education-refs.js';
import { AidSchemeEnum, TermEnum } from '../shared/vocabulary.js';
import { ReviewDecisionEnum } from './aid-enums.js';
import { applicationLoader, paymentLoader } from './aid.loaders.js';
import { applyForAid, reviewAidApplication } from './application.service.js';
import { payAid } from './payment.service.js';

export function registerAidMutations(builder: TuopinBuilder): void {
  const { AidApplication, AidPayment } = educationRefs(builder);

  defineMutation(builder, 'applyForEducationAid', {
    description: '受理教育资助申请（村、乡、县干部，学生须在您的辖区） Take a student\'s application for an aid scheme; the student must live in your areas',
    input: {
      description: '教育资助申请 An application for education aid',
      argumentDescription: '申请 The application',
      fields: (t) => ({
        memberId: t.id({ required: true, description: '学生（成员全局 ID） The student, a Member global ID' }),
        enrolmentId: t.id({ required: true, description: '该年度的学籍全局 ID The Enrolment of the year applied for' }),
        scheme: t.field({ type: AidSchemeEnum, required: true, description: '资助项目 Scheme' }),
        appliedOn: t.field({ type: 'Date', description: '申请日期（默认今天） Date applied; today if omitted' }),
      }),
    },
    ids: { memberId: 'Member', enrolmentId: 'Enrolment' },
    resolve: async (input, ctx) => ({ applicationId: await applyForAid(ctx, input) }),
    payload: {
      description: '已受理的申请 The application taken',
      fields: (t) => ({
        application: t.field({ type: AidApplication, description: '申请 The application', resolve: async (p, _args, ctx) => (await applicationLoader(ctx).load(p.applicationId))! }),
      }),
    },
  });

  defineMutation(builder, 'reviewEducationAidApplication', {
    description:
      '审核教育资助申请的下一步：村审核盖章 → 乡镇审核 → 县复核并公示（由该级干部办理） Take the next step of an application: village check → township check → county review with its public notice, by an officer of that level',
    input: {
      description: '审核 A review step',
      argumentDescription: '审核 The review',
      fields: (t) => ({
        applicationId: t.id({ required: true, description: '申请全局 ID AidApplication global ID' }),
        decision: t.field({ type: ReviewDecisionEnum, required: true, description: '结论 Decision' }),
        reason: t.string({ description: '不通过的原因（不通过时必填） Why it is rejected; required to reject' }),
        noticeFrom: t.field({ type: 'Date', description: '公示开始日期（县级通过时必填） Public notice from; required for the county\'s approval' }),
        noticeUntil: t.field({ type: 'Date', description: '公示结束日期（县级通过时必填） Public notice until; required for the county\'s approval' }),
      }),
    },
    ids: { applicationId: 'AidApplication' },
    resolve: async (input, ctx) => ({ applicationId: await reviewAidApplication(ctx, input) }),
    payload: {
      description: '审核后的申请 The application after the step',
      fields: (t) => ({
        application: t.field({ type: AidApplication, description: '申请 The application', resolve: async (p, _args, ctx) => (await applicationLoader(ctx).load(p.applicationId))! }),
      }),
    },
  });

  defineMutation(builder, 'payEducationAid', {
    description:
      '发放教育资助：公示期满后，从教育扶贫项目的资金安排中报账，发放到学生本人账户（记入资金台账） Pay one term of an approved application after its notice, as a disbursement against an allocation to an EDUCATION project, into the student\'s own account',
    input: {
      description: '一次发放 One payment',
      argumentDescription: '发放 The payment',
      fields: (t) => ({
        applicationId: t.id({ required: true, description: '申请全局 ID AidApplication global ID' }),
        term: t.field({ type: TermEnum, required: true, description: '学期 Term paid for' }),
        amount: t.field({ type: 'Money', required: true, description: '金额 Amount' }),
        allocationId: t.id({ required: true, description: '支付所用的资金安排（覆盖学生所在地的教育扶贫项目） The Allocation that pays: one to an EDUCATION project covering the student\'s village' }),
        paidOn: t.field({ type: 'Date', description: '发放日期（默认今天） Date paid; today if omitted' }),
        voucherNo: t.string({ required: true, description: '报账凭证号 Voucher number' }),
        accountHolder: t.string({ required: true, description: '收款人姓名（须为学生本人） Account holder; the student' }),
        bankAccount: t.string({ required: true, description: '收款账号（社保卡或一卡通） Account number: social-security card or 一卡通' }),
      }),
    },
    ids: { applicationId: 'AidApplication', allocationId: 'Allocation' },
    resolve: async (input, ctx) => ({ paymentId: await payAid(ctx, input) }),
    payload: {
      description: '已发放 The payment made',
      fields: (t) => ({
        payment: t.field({ type: AidPayment, description: '发放记录 The payment', resolve: async (p, _args, ctx) => (await paymentLoader(ctx).load(p.paymentId))! }),
      }),
    },
  });
}
