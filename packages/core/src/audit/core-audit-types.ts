/**
 * The GraphQL type under which the audit log shows each core table's rows (`AuditRecord.objectType`).
 * Areas are one table for regions and villages: their interface. A project's beneficiary links are
 * recorded with the project's id, so they show as changes to the project.
 */
export const CORE_AUDIT_OBJECT_TYPES: Readonly<Record<string, string>> = {
  area: 'AdministrativeArea',
  village_group: 'VillageGroup',
  household: 'Household',
  member: 'Member',
  household_income: 'HouseholdIncome',
  project: 'Project',
  project_status_change: 'ProjectStatusChange',
  project_notice: 'ProjectNotice',
  project_output: 'ProjectOutput',
  project_beneficiary: 'Project',
  fund: 'Fund',
  ledger_entry: 'LedgerEntry',
  api_key: 'ApiKey',
  dispatch_unit: 'DispatchUnit',
  cadre: 'Cadre',
  work_team: 'WorkTeam',
  work_team_village: 'WorkTeamVillage',
  work_team_days: 'WorkTeamMonthDays',
  work_team_membership: 'WorkTeamMembership',
  work_team_leave: 'CadreLeave',
  work_team_assessment: 'CadreAssessment',
  helper_pairing: 'HelperPairing',
  helper_visit: 'HelperVisit',
  // A case of any workflow shows as the interface its types implement; its records as theirs.
  workflow_case: 'WorkflowCase',
  workflow_step: 'WorkflowStepRecord',
  workflow_notice: 'WorkflowNotice',
  workflow_objection: 'WorkflowObjection',
  monitoring_case: 'MonitoringCase',
  monitoring_measure: 'MonitoringMeasure',
  monitoring_elimination: 'RiskElimination',
  household_exit: 'HouseholdExit',
  household_return: 'HouseholdReturn',
  village_exit: 'VillageExit',
  county_exit: 'CountyExit',
  reduction_target: 'ReductionTarget',
};
