import { pullConnection, changeTimeDescription, changeTimeValue, checkDivisionCode, ledgerEntryLoader, loadByDatabaseIds, maskBankAccount, personalValue, updatedAfterDescription, type TuopinBuilder } from '@tuopin/core';
import { memberLoader } from '../enrolment/enrolment.loaders.js';
import { educationRefs } from '../shared/education-refs.js';
import { hasProperties } from '../shared/node-ids.js';
import { AidSchemeEnum, StageEnum, TermEnum } from '../shared/vocabulary.js';
import { applicationLoader, entryReversedLoader, paymentLoader } from './aid.loaders.js';
import { paymentConditions } from './aid.queries.js';
import { readsStudents } from './payment-scope.js';
import { PaymentSchema } from './payment.entity.js';

const REGISTRY = { permission: 'core.registry.read' } as const;

/**
 * A payment is a public fund's expenditure, so partners pull payments (`updatedAfter`), but
 * without the person: who was paid, the village and the account need the right to read the
 * registry; partners see the county, the scheme, the term and the amount.
 */
export function registerPaymentSchema(builder: TuopinBuilder): void {
  const { AidApplication, AidPayment } = educationRefs(builder);

  builder.node(AidPayment, {
    description: '教育资助发放 One payment of education aid, made through the fund ledger to the student\'s own account',
    scope: { area: (p) => p.villageCode },
    id: { resolve: (p) => p.id },
    isTypeOf: (value) => hasProperties(value, 'ledgerEntryId', 'accountHolder'),
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => paymentLoader(ctx).load(id)),
    fields: (t) => ({
      countyCode: t.string({ description: '学生所在县代码 12-digit code of the student\'s county', resolve: (p) => p.villageCode.slice(0, 6).padEnd(12, '0') }),
      scheme: t.field({ type: AidSchemeEnum, resolve: (p) => p.scheme, description: '资助项目 Scheme' }),
      stage: t.field({ type: StageEnum, resolve: (p) => p.stage, description: '学段 Stage' }),
      year: t.exposeInt('year', { description: '年度 Year' }),
      term: t.field({ type: TermEnum, resolve: (p) => p.term, description: '学期 Term' }),
      amount: t.field({ type: 'Money', resolve: (p) => p.amount, description: '金额 Amount' }),
      paidOn: t.field({ type: 'Date', resolve: (p) => p.paidOn, description: '发放日期 Paid on' }),
      isReversed: t.boolean({
        description: '台账中是否已冲销（冲销后不再计入，该学期可重新发放） Whether its ledger entry was reversed; then it no longer counts and the term may be paid again',
        resolve: (p, _args, ctx) => entryReversedLoader(ctx).load(p.ledgerEntryId),
      }),
      disbursement: t.field({
        type: 'Disbursement',
        nullable: true,
        description: '资金台账中的报账记录（资金和项目都不在您的管辖范围内时为空） The disbursement in the fund ledger; null when neither its fund nor its project lies in your scope',
        resolve: (p, _args, ctx) => ledgerEntryLoader(ctx).load(p.ledgerEntryId),
      }),
      villageCode: t.exposeString('villageCode', { authScopes: REGISTRY, description: '学生所在村代码（需查看建档立卡数据的权限） 12-digit code of the student\'s village; needs the right to read the registry' }),
      student: t.field({ type: 'Member', nullable: true, authScopes: REGISTRY, description: '学生 The student', resolve: (p, _args, ctx) => memberLoader(ctx).load(p.memberId) }),
      accountHolder: t.exposeString('accountHolder', { authScopes: REGISTRY, description: '收款人（学生本人） The account holder: the student' }),
      bankAccount: t.string({
        nullable: true,
        authScopes: REGISTRY,
        description: '收款账号（社保卡或一卡通；个人信息，遮蔽） The account paid into; personal data, masked for roles that may not read it',
        resolve: (p, _args, ctx) => personalValue(ctx, { objectType: 'AidPayment', objectId: p.id, areaCode: p.villageCode }, 'bankAccount', p.bankAccount, maskBankAccount),
      }),
      application: t.field({ type: AidApplication, nullable: true, authScopes: REGISTRY, description: '资助申请 The application', resolve: (p, _args, ctx) => applicationLoader(ctx).load(p.applicationId) }),
      updatedAt: t.field({
        type: 'DateTime',
        resolve: (p, _args, ctx) => changeTimeValue(ctx, p.updatedAt),
        description: changeTimeDescription('最后修改时间（冲销时更新）', 'Last changed at, a reversal included'),
      }),
    }),
  });

  const Connection = builder.connectionObject({ type: AidPayment, name: 'AidPaymentConnection', description: '资助发放分页列表 A page of aid payments' });

  builder.queryField('aidPayments', (t) =>
    t.connection(
      {
        type: AidPayment,
        description:
          '教育资助发放（区划及其下级），按村代码排序；给出 updatedAfter 时按修改时间排序，供合作机构拉取变更（合作机构按县及以上区划查询，始终按修改时间排序） Aid payments in an area and everything under it, by village; with updatedAfter, those changed after that moment in the order they changed, for partners\' pulls (partners ask by county or a larger area, and always get the order of change)',
        args: {
          regionCode: t.arg.string({ description: '区划代码（含下级） Division code; the area and everything under it' }),
          scheme: t.arg({ type: AidSchemeEnum, description: '资助项目 Only this scheme' }),
          year: t.arg.int({ description: '年度 Only this year' }),
          updatedAfter: t.arg({ type: 'DateTime', description: updatedAfterDescription('只列此时刻之后有变更的（含冲销）', 'Only payments changed after this moment, reversals included') }),
        },
        resolve: (_root, args, ctx) => {
          const regionCode = args.regionCode == null ? null : checkDivisionCode(args.regionCode, 'regionCode');
          return pullConnection(ctx, {
            entity: PaymentSchema,
            alias: 'p',
            conditions: paymentConditions(ctx, { regionCode, scheme: args.scheme, year: args.year }),
            updatedAfter: args.updatedAfter,
            // A partner's pages are in the order payments changed: a cursor by village would name the village.
            order: args.updatedAfter || !readsStudents(ctx) ? 'updated' : 'code',
            code: { property: 'villageCode', column: 'village_code' },
          }, args);
        },
      },
      Connection,
    ),
  );
}
