import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { TuopinContext } from '../kernel/context.js';
import { groupRows } from '../kernel/group-rows.js';
import { rowsWhereIn } from '../kernel/read/entity-reads.js';
import { scopedLoaderByCode } from '../kernel/scoped-loader.js';
import { WorkflowCaseSchema } from '../workflow/workflow.entity.js';
import { workflowCaseLoader } from '../workflow/workflow.loaders.js';
import { CountyExitSchema, VillageExitSchema, type CountyExit, type CountyExitRow, type VillageExit, type VillageExitRow } from './area-exit.entity.js';

const villageExitRowLoader = scopedLoaderByCode(VillageExitSchema, 'id', 'villageCode');
const countyExitRowLoader = scopedLoaderByCode(CountyExitSchema, 'id', 'countyCode');

type WithWorkflow<Row> = Row & { workflow: VillageExitRow['workflow']; villageCode: string };

/** The row with its workflow row, and the case's area code as `villageCode` (a county's code for a county exit). */
async function withWorkflow<Row extends { id: number }>(ctx: TuopinContext, row: Row | null | undefined): Promise<WithWorkflow<Row> | null> {
  const workflow = row ? await workflowCaseLoader(ctx).load(row.id) : null;
  return row && workflow ? { ...row, workflow, villageCode: workflow.villageCode } : null;
}

export const loadVillageExit = async (ctx: TuopinContext, id: number): Promise<VillageExitRow | null> => withWorkflow(ctx, await villageExitRowLoader(ctx).load(id));
export const loadCountyExit = async (ctx: TuopinContext, id: number): Promise<CountyExitRow | null> => withWorkflow(ctx, await countyExitRowLoader(ctx).load(id));

/** The exit cases of areas (a village's, a county's), oldest first; reached from an area the caller reads. */
function exitsOfArea<Row extends { id: number }>(entity: Parameters<typeof rowsWhereIn<Row>>[1], codeProperty: keyof Row & string) {
  return createContextCache(
    (ctx: TuopinContext) =>
      new DataLoader<string, Row[]>(async (codes) => {
        const rows = await rowsWhereIn<Row>(ctx, entity, codeProperty, codes, { orderBy: [['id', 'asc']] });
        const withRows = await Promise.all(rows.map((row) => withWorkflow(ctx, row)));
        return groupRows(codes, withRows.filter((row) => row !== null) as Row[], (row) => row[codeProperty] as string);
      }),
  );
}
export const exitsOfVillageLoader = exitsOfArea<VillageExit>(VillageExitSchema, 'villageCode');
export const exitsOfCountyLoader = exitsOfArea<CountyExit>(CountyExitSchema, 'countyCode');

/** As stored now, for a payload. */
export async function freshAreaExit<Row extends { id: number }>(ctx: TuopinContext, entity: Parameters<typeof rowsWhereIn<Row>>[1], id: number) {
  const [[row], [workflow]] = await Promise.all([rowsWhereIn<Row>(ctx, entity, 'id' as keyof Row & string, [id]), rowsWhereIn(ctx, WorkflowCaseSchema, 'id', [id])]);
  if (!row || !workflow) throw new Error(`exit ${id} vanished after its write`);
  return { ...row, workflow, villageCode: workflow.villageCode };
}
