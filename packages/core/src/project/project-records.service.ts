import { notFound } from '../kernel/access.js';
import type { TuopinContext } from '../kernel/context.js';
import { ConflictError, IssueCollector } from '../kernel/errors.js';
import { noticeRecordingGraceDaysOf } from '../core.settings.js';
import { todayOf } from '../kernel/settings.js';
import { inTransaction } from '../kernel/transaction.js';
import type { Project } from './project.entity.js';
import type { NoticeType } from './project-enums.js';
import { projectLoader } from './project.loaders.js';
import { checkText, optionalText } from './project.validation.js';
import { earliestNoticeStart, noticeLengthInDays } from './notice-period.js';
import { assertCanManageProjectAt } from './place-scope.js';
import { lockProject, touchProject } from './touch.js';

/** Loads a project the caller may manage, or throws the typed error naming `field`. */
export async function loadManagedProject(ctx: TuopinContext, id: number, field: string): Promise<Project> {
  const project = await projectLoader(ctx).load(id);
  if (!project) throw notFound(field, '项目', 'Project');
  assertCanManageProjectAt(ctx, project.placeCode, field, project.id);
  return project;
}

export interface NoticeInput {
  projectId: number;
  noticeType: NoticeType;
  startDate: string;
  endDate: string;
  location: string;
  content?: string | null;
}

/** A notice board is not left up for more than a year; longer is a typing mistake. */
const MAX_NOTICE_DAYS = 366;

/** Records a public notice (公示) of a project; returns its id. */
export async function recordProjectNotice(ctx: TuopinContext, input: NoticeInput): Promise<number> {
  const project = await loadManagedProject(ctx, input.projectId, 'projectId');
  const location = input.location.trim();
  const content = optionalText(input.content);
  const issues = new IssueCollector();
  const earliest = earliestNoticeStart(todayOf(ctx.settings), noticeRecordingGraceDaysOf(ctx.settings));
  if (input.startDate < earliest) {
    issues.add('startDate', `公示须在张贴后及时登记：开始日期不能早于${earliest}`, `A notice is recorded when it goes up: it cannot have started before ${earliest}`);
  }
  if (input.endDate < input.startDate) issues.add('endDate', '公示结束日期不能早于开始日期', 'The notice cannot end before it starts');
  else if (noticeLengthInDays(input) > MAX_NOTICE_DAYS) issues.add('endDate', '公示期不能超过一年', 'A notice period is at most a year');
  checkText(issues, 'location', location, 200, true);
  checkText(issues, 'content', content, 2000, false);
  issues.throwIfAny();

  return inTransaction(ctx, {}, async (em) => {
    const [row] = await em.execute<{ id: number }[]>(
      `insert into project_notice (project_id, notice_type, start_date, end_date, location, content, recorded_by)
       values (?, ?, ?, ?, ?, ?, ?) returning id`,
      [project.id, input.noticeType, input.startDate, input.endDate, location, content, ctx.principal.id],
    );
    await touchProject(em, project.id);
    return row.id;
  });
}

export interface OutputInput {
  indicator: string;
  unit: string;
  planned: number;
  actual?: number | null;
}

const MAX_OUTPUTS = 20;
/** numeric(14,3) holds eleven integer digits. */
const MAX_QUANTITY = 99_999_999_999;

const duplicateIndicator = () => new ConflictError('outputs', '产出指标名称不能重复', 'Each output indicator may appear once');

/** Replaces a project's outputs with the list given (an empty list clears them). */
export async function setProjectOutputs(ctx: TuopinContext, input: { projectId: number; outputs: OutputInput[] }): Promise<number> {
  const project = await loadManagedProject(ctx, input.projectId, 'projectId');
  const outputs = input.outputs.map((o) => ({ ...o, indicator: o.indicator.trim(), unit: o.unit.trim(), actual: o.actual ?? null }));
  const issues = new IssueCollector();
  if (outputs.length > MAX_OUTPUTS) issues.add('outputs', `产出指标最多${MAX_OUTPUTS}项`, `At most ${MAX_OUTPUTS} outputs`);
  const seen = new Set<string>();
  outputs.forEach((output, i) => {
    checkText(issues, `outputs[${i}].indicator`, output.indicator, 64, true);
    checkText(issues, `outputs[${i}].unit`, output.unit, 16, true);
    for (const key of ['planned', 'actual'] as const) {
      const value = output[key];
      if (value !== null && !(Number.isFinite(value) && value >= 0 && value <= MAX_QUANTITY)) {
        issues.add(`outputs[${i}].${key}`, '数量须为0至99999999999之间的数', 'A quantity is a number from 0 to 99,999,999,999');
      }
    }
    if (seen.has(output.indicator)) issues.add(`outputs[${i}].indicator`, '产出指标名称不能重复', 'Each output indicator may appear once');
    seen.add(output.indicator);
  });
  issues.throwIfAny();

  await inTransaction(ctx, { project_output_indicator_unique: duplicateIndicator }, async (em) => {
    await lockProject(em, project.id);
    await em.execute('delete from project_output where project_id = ?', [project.id]);
    if (outputs.length > 0) {
      await em.execute(
        `insert into project_output (project_id, position, indicator, unit, planned, actual)
         values ${outputs.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
        outputs.flatMap((o, i) => [project.id, i + 1, o.indicator, o.unit, o.planned, o.actual]),
      );
    }
    await touchProject(em, project.id);
  });
  return project.id;
}
