import type { WorkflowDefinition } from './workflow-definition.js';

/** Every workflow by its kind, so that a case, a notice or an objection finds its rules. */
const workflows = new Map<string, WorkflowDefinition>();

/** The GraphQL type (implementing `WorkflowCase`) of each kind's cases. */
export const CASE_TYPES: Record<string, string> = {};

/**
 * Makes a workflow known by its kind, with the GraphQL type its cases are shown as; a second,
 * different definition of one kind is a bug.
 */
export function registerWorkflow<W extends WorkflowDefinition>(workflow: W, caseType: string): W {
  const known = workflows.get(workflow.kind);
  if (known && known !== workflow) throw new Error(`workflow ${workflow.kind} is defined twice`);
  workflows.set(workflow.kind, workflow);
  CASE_TYPES[workflow.kind] = caseType;
  return workflow;
}

/** The workflow of a stored case's kind. */
export function workflowOf(kind: string): WorkflowDefinition {
  const workflow = workflows.get(kind);
  if (!workflow) throw new Error(`no workflow of kind ${kind}`);
  return workflow;
}
