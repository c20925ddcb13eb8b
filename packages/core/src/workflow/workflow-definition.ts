import type { PlatformSettings } from '../kernel/settings.js';

/**
 * A workflow is its steps in order, each taken by the level the rules name: the village applies
 * and assesses, the township reviews, the county approves. Identification, exit and monitoring
 * are each one definition run by the same mechanism (workflow-steps.service.ts).
 */

/** Who takes a step: the officers of that level, through the permission of `WORKFLOW_ACTOR_PERMISSIONS`. */
/** Household workflows stop at the county; a county's exit (摘帽) goes on to the prefecture and the province. */
export type WorkflowActor = 'VILLAGE' | 'TOWNSHIP' | 'COUNTY' | 'PREFECTURE' | 'PROVINCE';

export interface WorkflowStepDefinition<Step extends string = string> {
  readonly key: Step;
  /** Bilingual, Chinese first: '村级评议 Village assessment'. */
  readonly title: string;
  readonly actor: WorkflowActor;
  /**
   * A notice (公示/公告) is posted at this step; the next step may be taken only after it has run
   * at least this many days (counted inclusively), and while no objection to it is open. Given
   * the case's village, so that a length may differ by province.
   */
  readonly noticeDays?: (settings: PlatformSettings, villageCode: string) => number;
}

export interface WorkflowDefinition<Step extends string = string> {
  /** Stored in `workflow_case.kind`; upper case. */
  readonly kind: string;
  readonly title: string;
  readonly steps: readonly WorkflowStepDefinition<Step>[];
}

/** Declares a workflow; refuses, at load, duplicate steps or an empty one. */
export function defineWorkflow<const Step extends string>(definition: WorkflowDefinition<Step>): WorkflowDefinition<Step> {
  const keys = definition.steps.map((step) => step.key);
  if (keys.length === 0 || new Set(keys).size !== keys.length) throw new Error(`workflow ${definition.kind}: steps must be distinct and at least one`);
  return definition;
}

/** The definition of a step, or undefined for a key the workflow does not have. */
export function stepOf<Step extends string>(workflow: WorkflowDefinition<Step>, key: string): WorkflowStepDefinition<Step> | undefined {
  return workflow.steps.find((step) => step.key === key);
}

/** The step after `key`, or null after the last. */
export function stepAfter<Step extends string>(workflow: WorkflowDefinition<Step>, key: string): WorkflowStepDefinition<Step> | null {
  const index = workflow.steps.findIndex((step) => step.key === key);
  return workflow.steps[index + 1] ?? null;
}

/** '村级评议' of '村级评议 Village assessment'. */
export const zhTitle = (step: WorkflowStepDefinition) => step.title.split(' ')[0];
