import { HelperPairingSchema, HelperVisitSchema } from '../helper-pairing/helper-pairing.entity.js';
import { registerHelperPairingSchema } from '../helper-pairing/helper-pairing.schema.js';
import type { TuopinBuilder } from '../kernel/builder.js';
import { registerCadreSchema } from './cadre.schema.js';
import { registerWorkTeamStats } from './work-team-stats.schema.js';
import {
  CadreAssessmentSchema,
  CadreLeaveSchema,
  CadreSchema,
  DispatchUnitSchema,
  TeamMonthDaysSchema,
  WorkTeamMembershipSchema,
  WorkTeamSchema,
  WorkTeamVillageSchema,
} from './work-team.entity.js';
import { registerWorkTeamMutations } from './work-team.mutations.js';
import { registerWorkTeamQueries } from './work-team.queries.js';
import { registerWorkTeamSchema } from './work-team.schema.js';

/** The entities of work teams and paired cadres. */
export const workTeamEntities = [
  DispatchUnitSchema,
  CadreSchema,
  WorkTeamSchema,
  WorkTeamVillageSchema,
  WorkTeamMembershipSchema,
  TeamMonthDaysSchema,
  CadreLeaveSchema,
  CadreAssessmentSchema,
  HelperPairingSchema,
  HelperVisitSchema,
] as const;

/** 驻村工作队与结对帮扶: types, queries, mutations and the statistics block. */
export function registerWorkTeamModule(builder: TuopinBuilder): void {
  registerWorkTeamSchema(builder);
  registerCadreSchema(builder);
  registerHelperPairingSchema(builder);
  registerWorkTeamQueries(builder);
  registerWorkTeamMutations(builder);
  registerWorkTeamStats(builder);
}
