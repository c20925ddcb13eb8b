import { FundSchema } from '../fund/fund.entity.js';
import { registerFundMutations } from '../fund/fund.mutations.js';
import { registerFundSchema } from '../fund/fund.schema.js';
import type { TuopinBuilder } from '../kernel/builder.js';
import { LedgerEntrySchema } from '../ledger/ledger-entry.entity.js';
import { registerLedgerMutations } from '../ledger/ledger.mutations.js';
import { registerLedgerSchema } from '../ledger/ledger.schema.js';
import { registerProjectFundingSchema } from '../ledger/project-funding.schema.js';
import { ProjectSchema, ProjectStatusChangeSchema } from './project.entity.js';
import { ProjectBeneficiarySchema, ProjectNoticeSchema, ProjectOutputSchema } from './project-records.entity.js';
import { registerProjectMutations } from './project.mutations.js';
import { registerProjectRecordMutations } from './project-records.mutations.js';
import { registerProjectRecordsSchema } from './project-records.schema.js';
import { registerProjectSchema } from './project.schema.js';
import { registerProjectStatsSchema } from './project-stats.schema.js';

/** The entities of projects, funds and the ledger. */
export const projectFundEntities = [
  ProjectSchema,
  ProjectStatusChangeSchema,
  ProjectNoticeSchema,
  ProjectOutputSchema,
  ProjectBeneficiarySchema,
  FundSchema,
  LedgerEntrySchema,
] as const;

/** Registers projects, funds and the ledger: types, queries, mutations and statistics fields. */
export function registerProjectFundSchema(builder: TuopinBuilder): void {
  registerProjectSchema(builder);
  registerProjectRecordsSchema(builder);
  registerFundSchema(builder);
  registerLedgerSchema(builder);
  registerProjectFundingSchema(builder);
  registerProjectStatsSchema(builder);
  registerProjectMutations(builder);
  registerProjectRecordMutations(builder);
  registerFundMutations(builder);
  registerLedgerMutations(builder);
}
