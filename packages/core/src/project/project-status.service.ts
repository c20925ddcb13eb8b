import { notFound } from '../kernel/access.js';
import type { TuopinContext } from '../kernel/context.js';
import { RuleViolationError, ValidationError } from '../kernel/errors.js';
import { projectNoticeDaysOf } from '../core.settings.js';
import { todayOf } from '../kernel/settings.js';
import { inTransaction } from '../kernel/transaction.js';
import type { ProjectStatus } from './project-enums.js';
import { projectLoader } from './project.loaders.js';
import { noticePeriodHasRun, type NoticePeriod } from './notice-period.js';
import { transition } from './project-status.js';
import { assertCanManageProjectAt } from './place-scope.js';
import { lockProject, touchProject } from './touch.js';

/** A completion dated before a start someone recorded by hand. */
const DATE_ORDER_ERRORS = {
  project_actual_dates_order: () =>
    ValidationError.of('effectiveDate', '完工日期不能早于实际开工日期', 'Completion cannot be dated before the recorded actual start'),
};

export interface ChangeStatusInput {
  projectId: number;
  status: ProjectStatus;
  reason?: string | null;
  /** The date the change took effect (an approval signed last week); today when omitted. */
  effectiveDate?: string | null;
}

/**
 * Moves a project along its life cycle. The transition and the approval's notice rule are
 * checked under the project's row lock, so two officers clicking at once cannot both move it.
 * Returns the id of the status-history row written.
 */
export async function changeProjectStatus(ctx: TuopinContext, input: ChangeStatusInput): Promise<number> {
  const project = await projectLoader(ctx).load(input.projectId);
  if (!project) throw notFound('projectId', '项目', 'Project');
  assertCanManageProjectAt(ctx, project.placeCode, 'projectId', project.id);
  const today = todayOf(ctx.settings);
  const date = input.effectiveDate ?? today;
  if (date > today) throw ValidationError.of('effectiveDate', '生效日期不能晚于今天', 'The effective date cannot be in the future');
  const reason = input.reason?.trim() || null;
  if (reason && reason.length > 500) throw ValidationError.of('reason', '原因不能超过500个字符', 'The reason is at most 500 characters');

  return inTransaction(ctx, DATE_ORDER_ERRORS, async (em) => {
    const locked = await lockProject(em, project.id);
    const current = { status: locked.status as ProjectStatus, suspendedFrom: locked.suspended_from as ProjectStatus | null };
    const next = transition(current, input.status);

    const [last] = await em.execute<{ effective_date: string }[]>(
      `select to_char(max(effective_date), 'YYYY-MM-DD') as effective_date from project_status_change where project_id = ?`,
      [project.id],
    );
    if (last.effective_date && date < last.effective_date) {
      throw ValidationError.of('effectiveDate', `生效日期不能早于上一次状态变更（${last.effective_date}）`, `The effective date cannot be before the previous change (${last.effective_date})`);
    }
    // Approval, not a resume to APPROVED: the notice rule was met when it was first approved.
    if (next.status === 'APPROVED' && current.status === 'PLANNED') {
      const notices = await em.execute<NoticePeriod[]>(
        `select to_char(start_date, 'YYYY-MM-DD') as "startDate", to_char(end_date, 'YYYY-MM-DD') as "endDate"
         from project_notice where project_id = ? and notice_type = 'PROJECT_PLAN'`,
        [project.id],
      );
      const days = projectNoticeDaysOf(ctx.settings);
      if (!noticePeriodHasRun(notices, date, days)) {
        throw new RuleViolationError(
          'status',
          `批复前须完成不少于${days}天的项目计划公示，且公示期须在批复日期（${date}）前结束`,
          `Approval needs a project-plan notice of at least ${days} days that ended on or before the approval date (${date})`,
        );
      }
    }

    // Starting and finishing work fill the actual dates unless someone recorded them already.
    await em.execute(
      `update project set status = ?, suspended_from = ?,
         actual_start_date = case when ? = 'UNDER_CONSTRUCTION' then coalesce(actual_start_date, ?::date) else actual_start_date end,
         actual_end_date = case when ? = 'COMPLETED' then coalesce(actual_end_date, ?::date) else actual_end_date end
       where id = ?`,
      [next.status, next.suspendedFrom, next.status, date, next.status, date, project.id],
    );
    const [change] = await em.execute<{ id: number }[]>(
      `insert into project_status_change (project_id, from_status, to_status, effective_date, reason, changed_by)
       values (?, ?, ?, ?, ?, ?) returning id`,
      [project.id, current.status, next.status, date, reason, ctx.principal.id],
    );
    await touchProject(em, project.id);
    return change.id;
  });
}
