import {
  assertCanUsePersonalData,
  compareMoney,
  ConflictError,
  disburseFunds,
  ForbiddenError,
  formatMoney,
  hasPermission,
  inTransaction,
  IssueCollector,
  notFound,
  parseMoney,
  requireManagedAllocation,
  RuleViolationError,
  subtractMoney,
  subtreeRange,
  todayOf,
  type TuopinContext,
} from '@tuopin/core';
import { EDUCATION_PERMISSIONS } from '../access/education-access.js';
import { EnrolmentSchema } from '../enrolment/enrolment.entity.js';
import { educationSettingsOf, schemeRulesFor } from '../settings/education-settings.js';
import { checkNotFuture, checkPositiveAmount, checkText, optionalText } from '../shared/checks.js';
import type { Term } from '../shared/vocabulary.js';
import { applicationLoader } from './aid.loaders.js';
import { amountFor, assertEnrolmentEligible, studentOf } from './application.service.js';
import { PaymentSchema } from './payment.entity.js';

export interface PayAidInput {
  applicationId: number;
  term: Term;
  amount: string;
  /** The allocation of an education project that pays. */
  allocationId: number;
  /** Today when omitted. */
  paidOn?: string | null;
  voucherNo: string;
  accountHolder: string;
  bankAccount: string;
}

/** 社保卡或"一卡通"账号 A card account number: 12 to 30 digits. */
const ACCOUNT = /^\d{12,30}$/;

/**
 * The allocation's project must be an education project whose place covers the student's
 * village. Read only after core has checked that the caller may pay against the allocation.
 */
async function checkAllocation(ctx: TuopinContext, allocationId: number, villageCode: string): Promise<void> {
  const allocation = await requireManagedAllocation(ctx, allocationId);
  const [project] = await ctx.em.execute<{ category: string }[]>('select category from project where id = ?', [allocation.projectId]);
  const { lo, hi } = subtreeRange(allocation.projectPlaceCode);
  if (project.category !== 'EDUCATION' || villageCode < lo || villageCode > hi) {
    throw new RuleViolationError(
      'allocationId',
      '须使用覆盖学生所在地的教育扶贫项目（雨露计划等）的资金安排',
      'Pay from an allocation of an EDUCATION project (雨露计划 and the like) whose place covers the student\'s village',
    );
  }
}

/**
 * 发放: pays one term of an approved application from a fund, through core's ledger, to the
 * student's own account. The disbursement is core's `disburseFunds` inside this transaction, so
 * a payment never exceeds its allocation or fund however many are made at once. Refused, with
 * nothing written: before the public notice has ended; to an account in another name; for an
 * enrolment no longer in school; a second payment of the term; more payments than the scheme's
 * instalments, or a year's total above its amount. A mistake is reversed in the ledger
 * (`reverseLedgerEntry`), after which the term may be paid again.
 */
export async function payAid(ctx: TuopinContext, input: PayAidInput): Promise<number> {
  if (!hasPermission(ctx.principal, EDUCATION_PERMISSIONS.payAid)) {
    throw new ForbiddenError('applicationId', '您的角色不能发放教育资助', 'Your role may not pay education aid');
  }
  // The account is checked against the student: roles that see personal data masked do not enter it.
  assertCanUsePersonalData(ctx, 'bankAccount', '学生本人账户', 'the student\'s own account');
  const today = todayOf(ctx.settings);
  const paidOn = input.paidOn ?? today;
  const voucherNo = optionalText(input.voucherNo);
  const issues = new IssueCollector();
  checkPositiveAmount(issues, 'amount', input.amount);
  checkNotFuture(issues, 'paidOn', paidOn, today);
  checkText(issues, 'voucherNo', voucherNo, 64, true);
  checkText(issues, 'accountHolder', optionalText(input.accountHolder), 50, true);
  if (!ACCOUNT.test(input.bankAccount)) issues.add('bankAccount', '账号须为12至30位数字', 'The account number must be 12 to 30 digits');
  issues.throwIfAny();

  const application = await applicationLoader(ctx).load(input.applicationId);
  if (!application) throw notFound('applicationId', '资助申请', 'Aid application');
  if (application.status !== 'APPROVED') {
    throw new RuleViolationError('applicationId', '申请尚未经县级复核通过，不能发放', `The application is ${application.status}; only an application the county approved is paid`);
  }
  if (paidOn <= application.noticeUntil!) {
    throw new RuleViolationError('paidOn', `公示期至${application.noticeUntil}，公示结束后才能发放`, `The public notice runs until ${application.noticeUntil}; pay after it has ended`);
  }
  const student = await studentOf(ctx, application.memberId, 'applicationId');
  if (input.accountHolder.trim() !== student.name) {
    throw new RuleViolationError('accountHolder', '资助须发放到学生本人名下的账户', 'Aid is paid to an account in the student\'s own name');
  }
  await checkAllocation(ctx, input.allocationId, application.villageCode);
  const rules = schemeRulesFor(educationSettingsOf(ctx.settings), application.scheme, application.villageCode, application.year);

  return inTransaction(ctx, {}, async (em) => {
    // Payments of one application queue on its row: the checks below see every earlier one.
    await em.execute('select id from education_aid_application where id = ? for update', [application.id]);
    const enrolment = await em.findOneOrFail(EnrolmentSchema, { id: application.enrolmentId });
    assertEnrolmentEligible(enrolment, rules);
    const yearly = amountFor(rules, application.scheme, enrolment);
    const live = await em.execute<{ term: string; amount: string }[]>(
      `select p.term, p.amount::text as amount from education_aid_payment p
       where p.application_id = ? and not exists (select 1 from ledger_entry r where r.reverses_id = p.ledger_entry_id)`,
      [application.id],
    );
    if (live.some((payment) => payment.term === input.term)) {
      throw new ConflictError('term', '该学生本学期的该项资助已发放', 'This student has been paid this scheme for that term already');
    }
    if (live.length >= rules.instalments) {
      throw new RuleViolationError('term', `该资助项目每年分${rules.instalments}次发放，已发放完毕`, `The scheme is paid in ${rules.instalments} payment(s) a year, all made`);
    }
    const paid = formatMoney(live.reduce((total, payment) => total + parseMoney(payment.amount)!, 0n));
    const left = subtractMoney(yearly, paid);
    if (compareMoney(input.amount, left) > 0) {
      throw new RuleViolationError('amount', `超出该资助项目的年度标准（${yearly}元，已发放${paid}元）`, `The year's total would exceed the scheme's amount of ${yearly} yuan (${paid} paid)`);
    }
    const entryId = await disburseFunds(
      { ...ctx, em },
      { allocationId: input.allocationId, amount: input.amount, date: paidOn, voucherNo, memo: `教育资助 Education aid: ${application.year} ${input.term}` },
    );
    const row = em.create(PaymentSchema, {
      applicationId: application.id,
      memberId: application.memberId,
      householdId: application.householdId,
      villageCode: application.villageCode,
      scheme: application.scheme,
      stage: enrolment.stage,
      year: application.year,
      term: input.term,
      amount: input.amount,
      paidOn,
      ledgerEntryId: entryId,
      accountHolder: student.name,
      bankAccount: input.bankAccount,
      recordedBy: ctx.principal.id,
    } as never);
    await em.flush();
    return (row as { id: number }).id;
  });
}
