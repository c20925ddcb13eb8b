import type { TuopinContext } from '../kernel/context.js';
import { rowsWhereIn } from '../kernel/read/entity-reads.js';
import { WorkflowObjectionSchema, type WorkflowObjection } from './workflow.entity.js';

/** An objection as stored now, bypassing anything this request loaded before the write. */
export async function freshObjection(ctx: TuopinContext, id: number): Promise<WorkflowObjection> {
  const [row] = await rowsWhereIn(ctx, WorkflowObjectionSchema, 'id', [id]);
  if (!row) throw new Error(`objection ${id} vanished after its write`);
  return row;
}
