import type { TuopinBuilder } from '../kernel/builder.js';
import { CountyExitSchema, ReductionTargetSchema, VillageExitSchema } from './area-exit.entity.js';
import { registerAreaExitSchema } from './area-exit.schema.js';
import { registerExitStats } from './exit-stats.schema.js';
import { HouseholdExitSchema, HouseholdReturnSchema } from './household-exit.entity.js';
import { registerHouseholdExitSchema } from './household-exit.schema.js';
import { registerReductionTargetSchema } from './reduction-target.schema.js';

/** The entities of exit (退出) and return to poverty (返贫). */
export const povertyExitEntities = [HouseholdExitSchema, HouseholdReturnSchema, VillageExitSchema, CountyExitSchema, ReductionTargetSchema] as const;

/** Registers exit: the household's, the village's and the county's workflows, returns, reduction targets and their statistics. */
export function registerPovertyExitSchema(builder: TuopinBuilder): void {
  registerHouseholdExitSchema(builder);
  registerAreaExitSchema(builder);
  registerReductionTargetSchema(builder);
  registerExitStats(builder);
}
