import type { EntityManager } from '@mikro-orm/postgresql';
import { noticeRecordingGraceDaysOf } from '../core.settings.js';
import type { TuopinContext } from '../kernel/context.js';
import { ConflictError, IssueCollector, RuleViolationError, ValidationError } from '../kernel/errors.js';
import { todayOf } from '../kernel/settings.js';
import { earliestNoticeStart, noticeLengthInDays } from '../project/notice-period.js';
import { assertCanAct } from './workflow-actors.js';
import { stepAfter, stepOf, zhTitle, type WorkflowDefinition, type WorkflowStepDefinition } from './workflow-definition.js';
import type { WorkflowCase } from './workflow.entity.js';

/** A notice as a step posts it. */
export interface NoticeInput {
  startDate: string;
  endDate: string;
  location: string;
}

/** What a client sends to take a step. */
export interface StepRequest {
  /** The case's version as the client read it: a step taken since makes this one a conflict. */
  version: number;
  step: string;
  /** The day the step was taken; today when omitted. */
  date?: string | null;
  note?: string | null;
  notice?: NoticeInput | null;
}

/** What a workflow does at a step besides the mechanism's bookkeeping, inside its transaction. */
export interface StepEffects {
  /** Checks and writes the workflow's own data; throwing undoes the whole step. */
  apply?: (em: EntityManager, date: string) => Promise<void>;
  /** The case ends here although steps remain (a rejection): CLOSED. */
  closes?: boolean;
}

/** A notice period is at most a year; anything longer is a typing mistake. */
const MAX_NOTICE_DAYS = 366;

/** Checks a step's date and note, and its notice against the step's rule; returns the date. */
function checkRequest(ctx: TuopinContext, step: WorkflowStepDefinition, kase: WorkflowCase, request: StepRequest): string {
  const today = todayOf(ctx.settings);
  const date = request.date ?? today;
  const issues = new IssueCollector();
  if (date > today) issues.add('date', '办理日期不能晚于今天', 'The date of a step cannot be in the future');
  if (request.note != null && request.note.length > 2000) issues.add('note', '说明不能超过2000个字符', 'A note is at most 2,000 characters');
  const notice = request.notice;
  if (step.noticeDays && !notice) issues.add('notice', `“${zhTitle(step)}”须张贴公示并登记公示期`, `The step ${step.key} posts a notice: give its period and place`);
  if (!step.noticeDays && notice) issues.add('notice', `“${zhTitle(step)}”不张贴公示`, `The step ${step.key} posts no notice`);
  if (step.noticeDays && notice) {
    const earliest = earliestNoticeStart(today, noticeRecordingGraceDaysOf(ctx.settings));
    if (notice.startDate < earliest) {
      issues.add('notice.startDate', `公示须在张贴后及时登记：开始日期不能早于${earliest}`, `A notice is recorded when it goes up: it cannot have started before ${earliest}`);
    }
    if (notice.endDate < notice.startDate) issues.add('notice.endDate', '公示结束日期不能早于开始日期', 'The notice cannot end before it starts');
    else if (noticeLengthInDays(notice) > MAX_NOTICE_DAYS) issues.add('notice.endDate', '公示期不能超过一年', 'A notice period is at most a year');
    const days = step.noticeDays(ctx.settings, kase.villageCode);
    if (notice.endDate >= notice.startDate && noticeLengthInDays(notice) < days) {
      issues.add('notice.endDate', `公示期不少于${days}天`, `The notice runs at least ${days} days`);
    }
    if (!notice.location.trim() || notice.location.length > 200) issues.add('notice.location', '公示地点须为1–200个字符', 'The place of the notice is 1–200 characters');
  }
  issues.throwIfAny();
  return date;
}

/**
 * Refuses the step unless it is the one after the case's current step, the caller's level takes
 * it, and the client read the case's current version. Checked before the transaction for a clear
 * answer; the version condition of the UPDATE is what holds under concurrency.
 */
export function checkStepAllowed(ctx: TuopinContext, workflow: WorkflowDefinition, kase: WorkflowCase, request: StepRequest): WorkflowStepDefinition {
  const step = stepOf(workflow, request.step);
  if (!step) throw ValidationError.of('step', `“${workflow.title.split(' ')[0]}”没有该环节`, `${workflow.kind} has no step ${request.step}`);
  assertCanAct(ctx, step.actor, kase.villageCode, 'step', step.title);
  if (kase.state !== 'OPEN') throw new RuleViolationError('step', '该事项已办结，不能再办理', 'This case is finished; no step can be taken');
  if (kase.version !== request.version) throw staleVersion();
  const expected = stepAfter(workflow, kase.step);
  if (!expected || expected.key !== step.key) {
    const current = stepOf(workflow, kase.step)!;
    throw new RuleViolationError(
      'step',
      `须按顺序办理：当前环节为“${zhTitle(current)}”，下一环节为“${expected ? zhTitle(expected) : '无'}”`,
      `Steps are taken in order: the case is at ${current.key}; the next step is ${expected?.key ?? 'none'}`,
    );
  }
  return step;
}

const staleVersion = () =>
  new ConflictError('version', '该事项已被他人办理（版本已变化），请刷新后重试', 'Someone else took a step of this case since you read it (its version changed); reload and try again');

/**
 * Takes the next step of a case: moves it under its version, checks that the previous step's
 * notice has run and no objection is open, records the step (and its notice), and runs the
 * workflow's own effects — all in one audited transaction. Two steps sent with the same version
 * cannot both pass: the second UPDATE finds the version changed and the step is a ConflictError.
 * Returns the case's new version.
 */
export async function takeStep(em: EntityManager, ctx: TuopinContext, workflow: WorkflowDefinition, kase: WorkflowCase, request: StepRequest, effects: StepEffects = {}): Promise<number> {
  const step = checkStepAllowed(ctx, workflow, kase, request);
  const date = checkRequest(ctx, step, kase, request);
  const last = stepAfter(workflow, step.key) === null;
  const state = effects.closes ? 'CLOSED' : last ? 'COMPLETED' : 'OPEN';

  const moved = await em.execute<{ version: number }[]>(
    `update workflow_case set step = ?, version = version + 1, state = ?, closed_on = ?, updated_at = now()
     where id = ? and version = ? and state = 'OPEN' returning version`,
    [step.key, state, state === 'OPEN' ? null : date, kase.id, request.version],
  );
  if (moved.length === 0) throw staleVersion();

  const [previous] = await em.execute<{ taken_on: string }[]>(
    `select to_char(max(taken_on), 'YYYY-MM-DD') as taken_on from workflow_step where case_id = ?`,
    [kase.id],
  );
  if (previous.taken_on && date < previous.taken_on) {
    throw ValidationError.of('date', `办理日期不能早于上一环节（${previous.taken_on}）`, `A step cannot be dated before the previous one (${previous.taken_on})`);
  }
  await assertNoticeHasRun(em, ctx, workflow, kase, date);
  const [open] = await em.execute<{ n: number }[]>(`select count(*)::int as n from workflow_objection where case_id = ? and resolved_on is null`, [kase.id]);
  if (open.n > 0) {
    throw new RuleViolationError('step', `公示有${open.n}条异议尚未处理，不能进入下一环节`, `${open.n} objection(s) to the notice are still open; the next step waits until they are resolved`);
  }

  await em.execute(
    `insert into workflow_step (case_id, village_code, step, taken_on, taken_by, taken_role, note) values (?, ?, ?, ?, ?, ?, ?)`,
    [kase.id, kase.villageCode, step.key, date, ctx.principal.id, ctx.principal.role, request.note?.trim() || null],
  );
  if (request.notice) {
    await em.execute(
      `insert into workflow_notice (case_id, village_code, step, start_date, end_date, location, recorded_by) values (?, ?, ?, ?, ?, ?, ?)`,
      [kase.id, kase.villageCode, step.key, request.notice.startDate, request.notice.endDate, request.notice.location.trim(), ctx.principal.id],
    );
  }
  await effects.apply?.(em, date);
  return moved[0].version;
}

/** What a client sends to reject a case at the step it waits for. */
export interface RejectRequest {
  version: number;
  /** The step the case waits for: its level decides against the case. */
  step: string;
  date?: string | null;
  reason: string;
}

/**
 * Rejects a case at the step it waits for (不予通过): taken by that step's level, with the version
 * read and a reason, the case is CLOSED at its current step and stays on record with the step
 * that rejected it and why. A rejection waits neither for a notice to end nor for an objection to
 * be resolved: an objection found well-founded is the commonest reason to reject.
 */
export async function rejectCase(em: EntityManager, ctx: TuopinContext, workflow: WorkflowDefinition, kase: WorkflowCase, request: RejectRequest): Promise<number> {
  const step = checkStepAllowed(ctx, workflow, kase, request);
  const date = request.date ?? todayOf(ctx.settings);
  const issues = new IssueCollector();
  if (date > todayOf(ctx.settings)) issues.add('date', '办理日期不能晚于今天', 'The date of a step cannot be in the future');
  if (!request.reason.trim() || request.reason.length > 2000) issues.add('reason', '驳回理由须为1–2000个字符', 'A rejection gives its reason in 1–2,000 characters');
  issues.throwIfAny();
  const moved = await em.execute<{ version: number }[]>(
    `update workflow_case set state = 'CLOSED', closed_on = ?, rejected_step = ?, rejection_reason = ?, version = version + 1, updated_at = now()
     where id = ? and version = ? and state = 'OPEN' returning version`,
    [date, step.key, request.reason.trim(), kase.id, request.version],
  );
  if (moved.length === 0) throw staleVersion();
  const [previous] = await em.execute<{ taken_on: string }[]>(`select to_char(max(taken_on), 'YYYY-MM-DD') as taken_on from workflow_step where case_id = ?`, [kase.id]);
  if (previous.taken_on && date < previous.taken_on) {
    throw ValidationError.of('date', `办理日期不能早于上一环节（${previous.taken_on}）`, `A step cannot be dated before the previous one (${previous.taken_on})`);
  }
  return moved[0].version;
}

/** The step after a notice waits until the notice has run its period (it ended on or before `date`). */
async function assertNoticeHasRun(em: EntityManager, ctx: TuopinContext, workflow: WorkflowDefinition, kase: WorkflowCase, date: string): Promise<void> {
  const noticeStep = stepOf(workflow, kase.step);
  if (!noticeStep?.noticeDays) return;
  const [notice] = await em.execute<{ end_date: string }[]>(
    `select to_char(end_date, 'YYYY-MM-DD') as end_date from workflow_notice where case_id = ? and step = ?`,
    [kase.id, noticeStep.key],
  );
  if (!notice || notice.end_date > date) {
    throw new RuleViolationError(
      'step',
      `“${zhTitle(noticeStep)}”公示期${notice ? `至${notice.end_date}` : ''}尚未结束，不能进入下一环节`,
      `The notice of ${noticeStep.key} has not run its period${notice ? ` (it ends ${notice.end_date})` : ''}; the next step waits`,
    );
  }
}

/** Opens a case at the workflow's first step, in the caller's transaction; returns its id. */
export async function openCase(
  em: EntityManager,
  ctx: TuopinContext,
  workflow: WorkflowDefinition,
  opening: { householdId: number | null; villageCode: string; date: string; note?: string | null },
): Promise<number> {
  const first = workflow.steps[0];
  const [row] = await em.execute<{ id: number }[]>(
    `insert into workflow_case (kind, household_id, village_code, step, opened_on) values (?, ?, ?, ?, ?) returning id`,
    [workflow.kind, opening.householdId, opening.villageCode, first.key, opening.date],
  );
  await em.execute(
    `insert into workflow_step (case_id, village_code, step, taken_on, taken_by, taken_role, note) values (?, ?, ?, ?, ?, ?, ?)`,
    [row.id, opening.villageCode, first.key, opening.date, ctx.principal.id, ctx.principal.role, opening.note?.trim() || null],
  );
  return row.id;
}
