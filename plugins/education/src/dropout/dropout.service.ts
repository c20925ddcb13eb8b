import { ConflictError, inTransaction, IssueCollector, notFound, RuleViolationError, todayOf, type TuopinContext } from '@tuopin/core';
import { assertMayAt } from '../access/education-checks.js';
import { EDUCATION_PERMISSIONS } from '../access/education-access.js';
import { studentOf } from '../aid/application.service.js';
import { checkNotFuture, checkText, optionalText } from '../shared/checks.js';
import { DropoutCaseSchema, PersuasionVisitSchema } from './dropout.entity.js';
import { dropoutCaseLoader } from './dropout.loaders.js';

const CASE_ERRORS = { education_dropout_case_open_key: () => new ConflictError('memberId', '该学生已有未结案的控辍保学记录', 'This child has an open dropout case already') };

/** 建档: a child of the caller's areas suspected or confirmed to have dropped out. */
export async function openDropoutCase(ctx: TuopinContext, input: { memberId: number; status: 'SUSPECTED' | 'CONFIRMED'; openedOn?: string | null; reason?: string | null }): Promise<number> {
  const member = await studentOf(ctx, input.memberId);
  assertMayAt(ctx, EDUCATION_PERMISSIONS.manageAid, member.villageCode, 'memberId', '登记控辍保学', 'record dropout cases');
  const openedOn = input.openedOn ?? todayOf(ctx.settings);
  const reason = optionalText(input.reason);
  const issues = new IssueCollector();
  checkNotFuture(issues, 'openedOn', openedOn, todayOf(ctx.settings));
  checkText(issues, 'reason', reason, 500, false);
  issues.throwIfAny();
  return inTransaction(ctx, CASE_ERRORS, async (em) => {
    const row = em.create(DropoutCaseSchema, { memberId: member.id, householdId: member.householdId, villageCode: member.villageCode, status: input.status, openedOn, reason, createdBy: ctx.principal.id } as never);
    await em.flush();
    return (row as { id: number }).id;
  });
}

async function openCase(ctx: TuopinContext, caseId: number) {
  const found = await dropoutCaseLoader(ctx).load(caseId);
  if (!found) throw notFound('caseId', '控辍保学记录', 'Dropout case');
  assertMayAt(ctx, EDUCATION_PERMISSIONS.manageAid, found.villageCode, 'caseId', '登记控辍保学', 'record dropout cases');
  if (found.closedOn) throw new RuleViolationError('caseId', `该记录已于${found.closedOn}结案`, `The case was closed on ${found.closedOn}`);
  return found;
}

/** 劝返: one persuasion visit of an open case (date, who, result). */
export async function recordPersuasionVisit(ctx: TuopinContext, input: { caseId: number; visitedOn: string; visitors: string; result: string }): Promise<number> {
  const found = await openCase(ctx, input.caseId);
  const issues = new IssueCollector();
  checkText(issues, 'visitors', optionalText(input.visitors), 200, true);
  checkText(issues, 'result', optionalText(input.result), 500, true);
  checkNotFuture(issues, 'visitedOn', input.visitedOn, todayOf(ctx.settings));
  if (input.visitedOn < found.openedOn) issues.add('visitedOn', '走访日期不能早于建档日期', 'A visit cannot be dated before the case was opened');
  issues.throwIfAny();
  await inTransaction(ctx, {}, async (em) => {
    em.create(PersuasionVisitSchema, { caseId: found.id, villageCode: found.villageCode, visitedOn: input.visitedOn, visitors: input.visitors.trim(), result: input.result.trim(), createdBy: ctx.principal.id } as never);
    await em.flush();
    await em.execute('update education_dropout_case set updated_at = now() where id = ?', [found.id]);
  });
  dropoutCaseLoader(ctx).clear(found.id);
  return found.id;
}

/** 结案: the child returned to school, or is taught at home (送教上门). */
export async function closeDropoutCase(ctx: TuopinContext, input: { caseId: number; outcome: 'RETURNED_TO_SCHOOL' | 'HOME_TEACHING'; closedOn?: string | null }): Promise<number> {
  const found = await openCase(ctx, input.caseId);
  const closedOn = input.closedOn ?? todayOf(ctx.settings);
  const issues = new IssueCollector();
  checkNotFuture(issues, 'closedOn', closedOn, todayOf(ctx.settings));
  if (closedOn < found.openedOn) issues.add('closedOn', '结案日期不能早于建档日期', 'A case cannot close before it was opened');
  issues.throwIfAny();
  await inTransaction(ctx, {}, async (em) => {
    await em.execute('update education_dropout_case set status = ?, closed_on = ?, updated_at = now() where id = ? and closed_on is null', [input.outcome, closedOn, found.id]);
  });
  dropoutCaseLoader(ctx).clear(found.id);
  return found.id;
}
