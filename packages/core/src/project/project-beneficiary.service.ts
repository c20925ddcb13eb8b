import { householdLoader } from '../household/household.loaders.js';
import type { TuopinContext } from '../kernel/context.js';
import { subtreeRange } from '../area/division-code.js';
import { IssueCollector, NotFoundError, RuleViolationError } from '../kernel/errors.js';
import { pgTextArray } from '../kernel/pg-array.js';
import { inTransaction } from '../kernel/transaction.js';
import { loadAll } from '../kernel/load-all.js';
import { loadManagedProject } from './project-records.service.js';
import { assertCanManageProjectAt } from './place-scope.js';
import type { Project } from './project.entity.js';
import { lockProject, touchProject } from './touch.js';

/** A batch bigger than a large village's roll is a mistake, not a link. */
const MAX_BATCH = 500;

function checkBatch(ids: readonly number[]): void {
  const issues = new IssueCollector();
  if (ids.length === 0) issues.add('householdIds', '请至少指定一户', 'Give at least one household');
  if (ids.length > MAX_BATCH) issues.add('householdIds', `每次最多${MAX_BATCH}户`, `At most ${MAX_BATCH} households at a time`);
  issues.throwIfAny();
}

/**
 * The project whose beneficiaries the caller may change: one he manages through his areas. The
 * beneficiaries are households, which grants never reach; a grant on the project alone would let
 * its holder unlink households he cannot see and learn from the count which were linked.
 */
async function loadProjectForBeneficiaries(ctx: TuopinContext, id: number): Promise<Project> {
  const project = await loadManagedProject(ctx, id, 'projectId');
  assertCanManageProjectAt(ctx, project.placeCode, 'projectId');
  return project;
}

/**
 * Links registered households to a project as beneficiaries. Each must be a household the caller
 * may see, in the project's place; households already linked are left as they are. Returns how
 * many links were added.
 */
export async function linkProjectBeneficiaries(ctx: TuopinContext, input: { projectId: number; householdIds: number[] }): Promise<number> {
  checkBatch(input.householdIds);
  const project = await loadProjectForBeneficiaries(ctx, input.projectId);
  const households = await loadAll(householdLoader(ctx), input.householdIds);
  const { lo, hi } = subtreeRange(project.placeCode);
  households.forEach((household, i) => {
    if (household === null) {
      throw new NotFoundError(`householdIds[${i}]`, '户不存在或不在您的权限范围内', 'Household does not exist or is outside your scope');
    }
    if (household.villageCode < lo || household.villageCode > hi) {
      throw new RuleViolationError(`householdIds[${i}]`, '受益户须在项目实施地点内', 'A beneficiary household must live in the project\'s place');
    }
  });

  return inTransaction(ctx, {}, async (em) => {
    await lockProject(em, project.id);
    const inserted = await em.execute<{ household_id: number }[]>(
      `insert into project_beneficiary (project_id, household_id, linked_by)
       select ?, h, ? from unnest(?::int[]) as h
       on conflict do nothing returning household_id`,
      [project.id, ctx.principal.id, pgTextArray([...new Set(input.householdIds)].map(String))],
    );
    if (inserted.length > 0) await touchProject(em, project.id);
    return inserted.length;
  });
}

/** Removes beneficiary links; returns how many there were. Unknown ones are ignored. */
export async function unlinkProjectBeneficiaries(ctx: TuopinContext, input: { projectId: number; householdIds: number[] }): Promise<number> {
  checkBatch(input.householdIds);
  const project = await loadProjectForBeneficiaries(ctx, input.projectId);
  return inTransaction(ctx, {}, async (em) => {
    await lockProject(em, project.id);
    const deleted = await em.execute<{ household_id: number }[]>(
      `delete from project_beneficiary where project_id = ? and household_id = any(?::int[]) returning household_id`,
      [project.id, pgTextArray(input.householdIds.map(String))],
    );
    if (deleted.length > 0) await touchProject(em, project.id);
    return deleted.length;
  });
}
