import { CORE_PERMISSIONS } from '../access/core-permissions.js';
import { hasPermission } from '../kernel/access-registry.js';
import { isWithinScope } from '../kernel/area-scope.js';
import type { TuopinContext } from '../kernel/context.js';
import { ForbiddenError } from '../kernel/errors.js';
import type { WorkflowActor } from './workflow-definition.js';

/** The permission that lets a role take the steps of each level; core gives each officer role its own. */
export const WORKFLOW_ACTOR_PERMISSIONS: Readonly<Record<WorkflowActor, string>> = {
  VILLAGE: CORE_PERMISSIONS.villageCaseSteps,
  TOWNSHIP: CORE_PERMISSIONS.townshipCaseSteps,
  COUNTY: CORE_PERMISSIONS.countyCaseSteps,
  PREFECTURE: CORE_PERMISSIONS.prefectureCaseSteps,
  PROVINCE: CORE_PERMISSIONS.provinceCaseSteps,
};

const ACTOR_ZH: Readonly<Record<WorkflowActor, string>> = { VILLAGE: '村级', TOWNSHIP: '乡镇', COUNTY: '县级', PREFECTURE: '市州', PROVINCE: '省级' };

/**
 * Refuses a step to a caller whose role does not take that level's steps, or whose scope does not
 * hold the case's area (a village's code, or the code of the county whose exit it is). Callers load the case through a scoped loader first, so a case outside
 * the scope is already "not found" and this never tells whether it exists.
 */
export function assertCanAct(ctx: TuopinContext, actor: WorkflowActor, villageCode: string, field: string, stepTitle: string): void {
  if (!hasPermission(ctx.principal, WORKFLOW_ACTOR_PERMISSIONS[actor])) {
    throw new ForbiddenError(
      field,
      `“${stepTitle.split(' ')[0]}”须由${ACTOR_ZH[actor]}办理，您的角色不能办理`,
      `The step ${stepTitle.split(' ').slice(1).join(' ')} is taken at ${actor.toLowerCase()} level; your role may not take it`,
    );
  }
  if (!isWithinScope(villageCode, ctx.principal.areaScopes)) {
    throw new ForbiddenError(field, '该村不在您的管辖范围内', 'This village is outside your area scope');
  }
}
