import type { Area, VillageGroup } from './area/area.entity.js';
import type { RegionStatsSource } from './area/region-stats.schema.js';
import type { Fund } from './fund/fund.entity.js';
import type { Household } from './household/household.entity.js';
import type { HouseholdIncome } from './income/income.entity.js';
import type { LedgerEntryRow } from './ledger/ledger-rows.js';
import type { Member } from './member/member.entity.js';
import type { Project, ProjectStatusChange } from './project/project.entity.js';
import type { ProjectNotice, ProjectOutput } from './project/project-records.entity.js';
import type { HelperPairing, HelperVisit } from './helper-pairing/helper-pairing.entity.js';
import type {
  CadreAssessment,
  CadreLeave,
  CadreWithAreas,
  DispatchUnit,
  TeamMonthDays,
  WorkTeam,
  WorkTeamMembership,
  WorkTeamVillage,
} from './work-team/work-team.entity.js';
import type { WorkTeamStatsSource } from './work-team/work-team-stats.loader.js';
import type { RiskEliminationRow } from './monitoring/elimination.entity.js';
import type { MonitoringMeasure } from './monitoring/measure.entity.js';
import type { MonitoringCaseRow } from './monitoring/monitoring-case.entity.js';
import type { MonitoringStatsSource } from './monitoring/monitoring-stats.loader.js';
import type { IdentificationStatsSource } from './identification/identification-stats.loader.js';
import type { IdentificationApplicationRow, IdentificationExclusionCheck } from './identification/identification.entity.js';
import type { CountyExitRow, ReductionTarget, VillageExitRow } from './poverty-exit/area-exit.entity.js';
import type { ExitStatsSource } from './poverty-exit/exit-stats.loader.js';
import type { HouseholdExitRow, HouseholdReturn } from './poverty-exit/household-exit.entity.js';
import type { WorkflowCaseView, WorkflowNotice, WorkflowObjection, WorkflowStep } from './workflow/workflow.entity.js';

/**
 * Core's GraphQL types by name, with the value each one's resolvers receive: what plugins extend
 * (`builder.objectField('Household', 'loans', …)`). Declared into the kernel's open maps, as every
 * plugin declares its own; the public entry loads this file, so every importer of `@tuopin/core`
 * sees them.
 */
declare module './kernel/builder.js' {
  interface TuopinObjectTypes {
    Region: Area;
    Village: Area;
    VillageGroup: VillageGroup;
    RegionStats: RegionStatsSource;
    Household: Household;
    Member: Member;
    HouseholdIncome: HouseholdIncome;
    Project: Project;
    ProjectStatusChange: ProjectStatusChange;
    ProjectNotice: ProjectNotice;
    ProjectOutput: ProjectOutput;
    Fund: Fund;
    Allocation: LedgerEntryRow;
    Disbursement: LedgerEntryRow;
    Reversal: LedgerEntryRow;
    DispatchUnit: DispatchUnit;
    WorkTeam: WorkTeam;
    WorkTeamVillage: WorkTeamVillage;
    WorkTeamMonthDays: TeamMonthDays;
    WorkTeamMembership: WorkTeamMembership;
    CadreLeave: CadreLeave;
    CadreAssessment: CadreAssessment;
    Cadre: CadreWithAreas;
    HelperPairing: HelperPairing;
    HelperVisit: HelperVisit;
    WorkTeamStats: WorkTeamStatsSource;
    WorkflowStepRecord: WorkflowStep;
    WorkflowNotice: WorkflowNotice;
    WorkflowObjection: WorkflowObjection;
    MonitoringCase: MonitoringCaseRow;
    IdentificationApplication: IdentificationApplicationRow;
    IdentificationExclusionCheck: IdentificationExclusionCheck;
    IdentificationStats: IdentificationStatsSource;
    MonitoringMeasure: MonitoringMeasure;
    RiskElimination: RiskEliminationRow;
    HouseholdExit: HouseholdExitRow;
    HouseholdReturn: HouseholdReturn;
    VillageExit: VillageExitRow;
    CountyExit: CountyExitRow;
    ReductionTarget: ReductionTarget;
    ExitStats: ExitStatsSource;
    MonitoringStats: MonitoringStatsSource;
  }
  interface TuopinInterfaceTypes {
    AdministrativeArea: Area;
    LedgerEntry: LedgerEntryRow;
    WorkflowCase: WorkflowCaseView;
  }
}
