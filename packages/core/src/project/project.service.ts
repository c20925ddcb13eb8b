import { notFound } from '../kernel/access.js';
import type { TuopinContext } from '../kernel/context.js';
import { subtreeRange } from '../area/division-code.js';
import { IssueCollector, RuleViolationError } from '../kernel/errors.js';
import { todayOf } from '../kernel/settings.js';
import { inTransaction } from '../kernel/transaction.js';
import type { Project } from './project.entity.js';
import { projectLoader } from './project.loaders.js';
import { checkProjectFields, optionalText, type ProjectFields } from './project.validation.js';
import { assertCanManageProjectAt, requireArea } from './place-scope.js';
import { lockProject, touchProject } from './touch.js';
import { assertMoveKeepsEarmarks } from '../fund/fund-earmark.js';

/** A project is placed at a village, a township or a county: never higher, never nowhere. */
export const PLACE_LEVELS = ['COUNTY', 'TOWNSHIP', 'VILLAGE'] as const;

export type CreateProjectInput = Omit<ProjectFields, 'plannedStartDate' | 'plannedEndDate' | 'actualStartDate' | 'actualEndDate' | 'performanceTargets' | 'povertyLink' | 'note'> &
  Partial<Pick<ProjectFields, 'plannedStartDate' | 'plannedEndDate' | 'actualStartDate' | 'actualEndDate' | 'performanceTargets' | 'povertyLink' | 'note'>>;

/** Database columns of the project's own fields, in one order for inserts and updates. */
const COLUMNS: [keyof ProjectFields, string][] = [
  ['name', 'name'],
  ['category', 'category'],
  ['constructionType', 'construction_type'],
  ['placeCode', 'place_code'],
  ['responsibleUnit', 'responsible_unit'],
  ['budget', 'budget'],
  ['year', 'year'],
  ['plannedStartDate', 'planned_start_date'],
  ['plannedEndDate', 'planned_end_date'],
  ['actualStartDate', 'actual_start_date'],
  ['actualEndDate', 'actual_end_date'],
  ['performanceTargets', 'performance_targets'],
  ['povertyLink', 'poverty_link'],
  ['note', 'note'],
];

function normalized(input: CreateProjectInput): ProjectFields {
  return {
    ...input,
    name: input.name.trim(),
    placeCode: input.placeCode.trim(),
    responsibleUnit: input.responsibleUnit.trim(),
    plannedStartDate: input.plannedStartDate ?? null,
    plannedEndDate: input.plannedEndDate ?? null,
    actualStartDate: input.actualStartDate ?? null,
    actualEndDate: input.actualEndDate ?? null,
    performanceTargets: optionalText(input.performanceTargets),
    povertyLink: optionalText(input.povertyLink),
    note: optionalText(input.note),
  };
}

function checked(fields: ProjectFields, today: string): void {
  const issues = new IssueCollector();
  checkProjectFields(issues, fields, today);
  issues.throwIfAny();
}

/** Enters a project in the library (status PLANNED), with the first line of its status history. */
export async function createProject(ctx: TuopinContext, input: CreateProjectInput): Promise<number> {
  const today = todayOf(ctx.settings);
  const fields = normalized(input);
  checked(fields, today);
  assertCanManageProjectAt(ctx, fields.placeCode, 'placeCode');
  await requireArea(ctx.em, fields.placeCode, 'placeCode', PLACE_LEVELS);

  return inTransaction(ctx, {}, async (em) => {
    const [row] = await em.execute<{ id: number }[]>(
      `insert into project (${COLUMNS.map(([, column]) => column).join(', ')}, status, created_by)
       values (${COLUMNS.map(() => '?').join(', ')}, 'PLANNED', ?) returning id`,
      [...COLUMNS.map(([key]) => fields[key]), ctx.principal.id],
    );
    await em.execute(
      `insert into project_status_change (project_id, from_status, to_status, effective_date, reason, changed_by)
       values (?, null, 'PLANNED', ?, ?, ?)`,
      [row.id, today, '入库 Entered in the project library', ctx.principal.id],
    );
    return row.id;
  });
}

export type ProjectPatch = { id: number } & { [K in keyof ProjectFields]?: ProjectFields[K] | null };

/** Required fields keep their value when sent as null; optional ones are cleared by null. */
function applyPatch(current: Project, patch: ProjectPatch): ProjectFields {
  const keep = <K extends keyof ProjectFields>(key: K): ProjectFields[K] =>
    (patch[key] === undefined ? (current[key] ?? null) : patch[key]) as ProjectFields[K];
  return normalized({
    name: patch.name ?? current.name,
    category: patch.category ?? current.category,
    constructionType: patch.constructionType ?? current.constructionType,
    placeCode: patch.placeCode ?? current.placeCode,
    responsibleUnit: patch.responsibleUnit ?? current.responsibleUnit,
    budget: patch.budget ?? current.budget,
    year: patch.year ?? current.year,
    plannedStartDate: keep('plannedStartDate'),
    plannedEndDate: keep('plannedEndDate'),
    actualStartDate: keep('actualStartDate'),
    actualEndDate: keep('actualEndDate'),
    performanceTargets: keep('performanceTargets'),
    povertyLink: keep('povertyLink'),
    note: keep('note'),
  });
}

/** Changes a project's own fields (never its status: that has its own mutation and rules). */
export async function updateProject(ctx: TuopinContext, patch: ProjectPatch): Promise<number> {
  const current = await projectLoader(ctx).load(patch.id);
  if (!current) throw notFound('id', '项目', 'Project');
  assertCanManageProjectAt(ctx, current.placeCode, 'id', current.id);
  const next = applyPatch(current, patch);
  checked(next, todayOf(ctx.settings));
  const moved = next.placeCode !== current.placeCode;
  if (moved) {
    // A grant is on the project where it lies, not a licence to move it: a holder from another
    // province would take it into his own areas for good. Moving needs both places in his areas.
    assertCanManageProjectAt(ctx, current.placeCode, 'placeCode');
    assertCanManageProjectAt(ctx, next.placeCode, 'placeCode');
    await requireArea(ctx.em, next.placeCode, 'placeCode', PLACE_LEVELS);
  }

  await inTransaction(ctx, {}, async (em) => {
    await lockProject(em, current.id);
    if (moved) {
      // Beneficiaries are households of the place; a move must not leave any outside it.
      const { lo, hi } = subtreeRange(next.placeCode);
      const [outside] = await em.execute<{ n: string }[]>(
        `select count(*) as n from project_beneficiary b join household h on h.id = b.household_id
         where b.project_id = ? and h.village_code not between ? and ?`,
        [current.id, lo, hi],
      );
      if (Number(outside.n) > 0) {
        throw new RuleViolationError(
          'placeCode',
          `有${outside.n}个受益户不在新的实施地点内，请先解除关联`,
          `${outside.n} beneficiary households lie outside the new place; unlink them first`,
        );
      }
      // Money earmarked for an area must not leave it with the project it pays for.
      await assertMoveKeepsEarmarks(em, current.id, next.placeCode, 'placeCode');
    }
    await em.execute(
      `update project set ${COLUMNS.map(([, column]) => `${column} = ?`).join(', ')} where id = ?`,
      [...COLUMNS.map(([key]) => next[key]), current.id],
    );
    await touchProject(em, current.id);
  });
  return current.id;
}
