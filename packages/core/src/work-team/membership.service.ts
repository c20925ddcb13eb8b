import { notFound } from '../kernel/access.js';
import type { TuopinContext } from '../kernel/context.js';
import { ConflictError, IssueCollector, RuleViolationError, ValidationError } from '../kernel/errors.js';
import { inTransaction } from '../kernel/transaction.js';
import { checkText } from '../project/project.validation.js';
import { addDays } from './dates.js';
import { MEMBERSHIP_CONSTRAINTS } from './dispatch.service.js';
import { assertCanManageWorkTeams, assertCanRecordWorkTeams } from './work-team-access.js';
import type { AssessmentGrade } from './work-team-enums.js';
import type { WorkTeamMembership } from './work-team.entity.js';
import { cadreLoader, teamLoader, visibleMembershipLoader } from './work-team.loaders.js';

async function visibleMembership(ctx: TuopinContext, id: number): Promise<WorkTeamMembership> {
  const membership = await visibleMembershipLoader(ctx).load(id);
  if (!membership) throw notFound('membershipId', '驻村任职', 'Work-team membership');
  return membership;
}

const alreadyRecalled = () => new ConflictError('membershipId', '该干部已被召回', 'The cadre has already been recalled');

export interface RecallInput {
  membershipId: number;
  recalledOn: string;
  reason: string;
  replacementCadreId?: number | null;
}

/**
 * 召回: a cadre not up to the job leaves the team on a day of his term; a replacement, if named,
 * takes his role (and village) from the next day to the end of the term. The recall updates only a
 * membership not yet recalled, so of two concurrent recalls one wins and the other is a conflict.
 */
export async function recallCadre(ctx: TuopinContext, input: RecallInput): Promise<{ membershipId: number; replacementId: number | null }> {
  assertCanManageWorkTeams(ctx, null);
  if (input.reason.trim() === '') throw ValidationError.of('reason', '召回原因不能为空', 'The reason cannot be empty');
  const membership = await visibleMembership(ctx, input.membershipId);
  if (membership.recalledOn !== null) throw alreadyRecalled();
  if (input.recalledOn < membership.startsOn || input.recalledOn > membership.endsOn) {
    throw new RuleViolationError('recalledOn', '召回日须在任期内', 'The recall day must lie within the term');
  }
  if (input.replacementCadreId != null) {
    if (input.recalledOn >= membership.endsOn) throw new RuleViolationError('replacementCadreId', '任期已满，无需替换', 'The term ends on the recall day: there is nothing left to replace');
    const [team, replacement] = await Promise.all([teamLoader(ctx).load(membership.teamId), cadreLoader(ctx).load(input.replacementCadreId)]);
    if (!replacement || replacement.areaCode !== team!.areaCode) throw notFound('replacementCadreId', '干部', 'Cadre');
  }
  return inTransaction(ctx, MEMBERSHIP_CONSTRAINTS, async (em) => {
    const updated = await em.execute<{ id: number }[]>(
      'update work_team_membership set recalled_on = ?, recall_reason = ? where id = ? and recalled_on is null returning id',
      [input.recalledOn, input.reason.trim(), membership.id],
    );
    if (updated.length === 0) throw alreadyRecalled();
    if (input.replacementCadreId == null) return { membershipId: membership.id, replacementId: null };
    const [row] = await em.execute<{ id: number }[]>(
      `insert into work_team_membership (team_id, cadre_id, role, village_code, deputy_secretary_of, starts_on, ends_on, replaces_id)
       values (?, ?, ?, ?, ?, ?, ?, ?) returning id`,
      [membership.teamId, input.replacementCadreId, membership.role, membership.villageCode, membership.deputySecretaryOf, addDays(input.recalledOn, 1), membership.endsOn, membership.id],
    );
    return { membershipId: membership.id, replacementId: row.id };
  }).finally(() => {
    if (input.replacementCadreId != null) cadreLoader(ctx).clear(input.replacementCadreId);
  });
}

/** 年度考核: one grade a year for each member, in a year of his term. */
export async function assessCadre(ctx: TuopinContext, input: { membershipId: number; year: number; grade: AssessmentGrade }): Promise<number> {
  assertCanManageWorkTeams(ctx, null);
  const membership = await visibleMembership(ctx, input.membershipId);
  const lastYear = Number((membership.recalledOn ?? membership.endsOn).slice(0, 4));
  if (input.year < Number(membership.startsOn.slice(0, 4)) || input.year > lastYear) {
    throw new RuleViolationError('year', '考核年度须在任期内', 'The year assessed must fall within the term');
  }
  const twice = () => new ConflictError('year', '该年度已考核', 'The cadre has already been assessed for that year');
  return inTransaction(ctx, { work_team_assessment_once_a_year: twice }, async (em) => {
    const [row] = await em.execute<{ id: number }[]>('insert into work_team_assessment (membership_id, year, grade, assessed_by) values (?, ?, ?, ?) returning id', [
      membership.id,
      input.year,
      input.grade,
      ctx.principal.id,
    ]);
    return row.id;
  });
}

export interface LeaveInput {
  membershipId: number;
  startsOn: string;
  endsOn: string;
  reason: string;
  approver: string;
}

/** 请假: a member's leave, within his term, with who approved it. */
export async function recordCadreLeave(ctx: TuopinContext, input: LeaveInput): Promise<number> {
  assertCanRecordWorkTeams(ctx, null);
  const issues = new IssueCollector();
  if (input.endsOn < input.startsOn) issues.add('endsOn', '请假结束日不能早于开始日', 'The leave cannot end before it starts');
  if (input.reason.trim() === '') issues.add('reason', '请假事由不能为空', 'The reason cannot be empty');
  if (input.approver.trim() === '') issues.add('approver', '须写明批准人', 'Name who approved the leave');
  // What the columns hold (work_team_leave_reason_check, …_approver_check): said here, rather than failing inside.
  checkText(issues, 'reason', input.reason.trim(), 500, false);
  checkText(issues, 'approver', input.approver.trim(), 128, false);
  issues.throwIfAny();
  const membership = await visibleMembership(ctx, input.membershipId);
  if (input.startsOn < membership.startsOn || input.endsOn > (membership.recalledOn ?? membership.endsOn)) {
    throw new RuleViolationError('startsOn', '请假须在任期内', 'The leave must fall within the term');
  }
  return inTransaction(ctx, {}, async (em) => {
    const [row] = await em.execute<{ id: number }[]>('insert into work_team_leave (membership_id, starts_on, ends_on, reason, approver) values (?, ?, ?, ?, ?) returning id', [
      membership.id,
      input.startsOn,
      input.endsOn,
      input.reason.trim(),
      input.approver.trim(),
    ]);
    return row.id;
  });
}
