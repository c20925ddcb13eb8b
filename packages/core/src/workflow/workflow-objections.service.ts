import { notFound } from '../kernel/access.js';
import type { TuopinContext } from '../kernel/context.js';
import { ConflictError, IssueCollector, RuleViolationError } from '../kernel/errors.js';
import { todayOf } from '../kernel/settings.js';
import { inTransaction } from '../kernel/transaction.js';
import { assertCanAct } from './workflow-actors.js';
import { stepOf } from './workflow-definition.js';
import { workflowOf } from './workflow-registry.js';
import { workflowCaseLoader, workflowNoticeLoader, workflowObjectionLoader } from './workflow.loaders.js';

export interface RaiseObjectionInput {
  noticeId: number;
  raisedOn?: string | null;
  content: string;
}

export interface ResolveObjectionInput {
  objectionId: number;
  resolvedOn?: string | null;
  resolution: string;
}

function checkText(issues: IssueCollector, field: string, text: string): void {
  if (!text.trim() || text.length > 2000) issues.add(field, '须为1–2000个字符', 'Must be 1–2,000 characters');
}

/** The notice, its case and the step that posted it; the caller must take that step's level. */
async function noticeInScope(ctx: TuopinContext, noticeId: number, field: string) {
  const notice = await workflowNoticeLoader(ctx).load(noticeId);
  if (!notice) throw notFound(field, '公示', 'Notice');
  const kase = (await workflowCaseLoader(ctx).load(notice.caseId))!;
  const step = stepOf(workflowOf(kase.kind), notice.step)!;
  assertCanAct(ctx, step.actor, kase.villageCode, field, step.title);
  return { notice, kase };
}

/**
 * Records an objection to a notice, raised while it runs (异议). It blocks the case's next step
 * until resolved. Taken under the case's row lock, so a step being taken at the same moment
 * either sees the objection or was taken before it.
 */
export async function raiseObjection(ctx: TuopinContext, input: RaiseObjectionInput): Promise<number> {
  const { notice, kase } = await noticeInScope(ctx, input.noticeId, 'noticeId');
  const raisedOn = input.raisedOn ?? todayOf(ctx.settings);
  const issues = new IssueCollector();
  checkText(issues, 'content', input.content);
  if (raisedOn < notice.startDate || raisedOn > notice.endDate) {
    issues.add('raisedOn', `异议须在公示期内（${notice.startDate}至${notice.endDate}）提出`, `An objection is raised while the notice runs (${notice.startDate} to ${notice.endDate})`);
  }
  if (raisedOn > todayOf(ctx.settings)) issues.add('raisedOn', '日期不能晚于今天', 'The date cannot be in the future');
  issues.throwIfAny();

  return inTransaction(ctx, {}, async (em) => {
    const [locked] = await em.execute<{ step: string; state: string }[]>(`select step, state from workflow_case where id = ? for update`, [kase.id]);
    if (locked.state !== 'OPEN' || locked.step !== notice.step) {
      throw new RuleViolationError('noticeId', '该公示所在环节已办结，不能再提出异议', 'The step of this notice is over; objections to it can no longer be recorded');
    }
    const [row] = await em.execute<{ id: number }[]>(
      `insert into workflow_objection (case_id, notice_id, village_code, raised_on, content, raised_by) values (?, ?, ?, ?, ?, ?) returning id`,
      [kase.id, notice.id, kase.villageCode, raisedOn, input.content.trim(), ctx.principal.id],
    );
    return row.id;
  });
}

/** Resolves an open objection with what was found (核实结果); then the case may go on. */
export async function resolveObjection(ctx: TuopinContext, input: ResolveObjectionInput): Promise<number> {
  const objection = await workflowObjectionLoader(ctx).load(input.objectionId);
  if (!objection) throw notFound('objectionId', '异议', 'Objection');
  await noticeInScope(ctx, objection.noticeId, 'objectionId');
  const resolvedOn = input.resolvedOn ?? todayOf(ctx.settings);
  const issues = new IssueCollector();
  checkText(issues, 'resolution', input.resolution);
  if (resolvedOn < objection.raisedOn) issues.add('resolvedOn', '处理日期不能早于提出日期', 'An objection cannot be resolved before it was raised');
  if (resolvedOn > todayOf(ctx.settings)) issues.add('resolvedOn', '日期不能晚于今天', 'The date cannot be in the future');
  issues.throwIfAny();
  if (objection.resolvedOn) throw new RuleViolationError('objectionId', '该异议已处理', 'This objection is already resolved');

  return inTransaction(ctx, {}, async (em) => {
    const updated = await em.execute<{ id: number }[]>(
      `update workflow_objection set resolved_on = ?, resolution = ?, resolved_by = ? where id = ? and resolved_on is null returning id`,
      [resolvedOn, input.resolution.trim(), ctx.principal.id, objection.id],
    );
    if (updated.length === 0) throw new ConflictError('objectionId', '该异议已被他人处理', 'Someone else resolved this objection meanwhile');
    return objection.id;
  });
}
