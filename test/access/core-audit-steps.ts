import type { Principal } from '@tuopin/core';
import { mutate, type AuditStep } from '@tuopin/testing';
import { AREAS } from '../fixtures/areas.js';
import { freshIdNumber, memberInput, registrationInput } from '../fixtures/households.js';
import { fundInput, projectInput } from '../fixtures/projects.js';
import { workTeamAuditSteps } from './work-team-audit-steps.js';
import { identificationAuditSteps } from './identification-audit-steps.js';
import { exitAuditSteps } from './exit-audit-steps.js';
import { CALLERS } from '../fixtures/principals.js';

/** A date `days` before today (UTC is close enough: the steps leave days of slack). */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** Every core mutation, in an order where each finds what it needs. */
export const coreAuditSteps: AuditStep[] = [
  {
    mutation: 'registerHousehold',
    table: 'household',
    async run(world) {
      const input = registrationInput();
      const out = await mutate(world, `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { __typename
        ... on RegisterHouseholdPayload { household { id members { id relationToHead } } } } }`, { input }, 'RegisterHouseholdPayload');
      world.ids.household = out.household.id;
      world.ids.spouse = out.household.members[1].id;
    },
  },
  {
    mutation: 'updateHousehold',
    table: 'household',
    run: (world) => mutate(world, `mutation($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { __typename } }`,
      { input: { id: world.ids.household, arableLand: 4.5 } }, 'UpdateHouseholdPayload').then(() => {}),
  },
  {
    mutation: 'addMember',
    table: 'member',
    async run(world) {
      const out = await mutate(world, `mutation($input: AddMemberInput!) { addMember(input: $input) { __typename ... on AddMemberPayload { member { id } } } }`,
        { input: { householdId: world.ids.household, member: memberInput() } }, 'AddMemberPayload');
      world.ids.addedMember = out.member.id;
    },
  },
  {
    mutation: 'updateMember',
    table: 'member',
    run: (world) => mutate(world, `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { __typename } }`,
      { input: { id: world.ids.addedMember, idNumber: freshIdNumber({ birthDate: '2001-04-04' }), ethnicity: '苗族' } }, 'UpdateMemberPayload').then(() => {}),
  },
  {
    mutation: 'changeHouseholdHead',
    table: 'member',
    run: (world) => mutate(world, `mutation($input: ChangeHouseholdHeadInput!) { changeHouseholdHead(input: $input) { __typename } }`,
      { input: { householdId: world.ids.household, newHeadId: world.ids.spouse, formerHeadRelation: 'SPOUSE' } }, 'ChangeHouseholdHeadPayload').then(() => {}),
  },
  {
    mutation: 'removeMember',
    table: 'member',
    run: (world) => mutate(world, `mutation($input: RemoveMemberInput!) { removeMember(input: $input) { __typename } }`,
      { input: { id: world.ids.addedMember } }, 'RemoveMemberPayload').then(() => {}),
  },
  {
    mutation: 'recordHouseholdIncome',
    table: 'household_income',
    run: (world) => mutate(world, `mutation($input: RecordHouseholdIncomeInput!) { recordHouseholdIncome(input: $input) { __typename } }`,
      { input: { householdId: world.ids.household, year: 2019, wages: '5000', business: '1000', transfers: '800', property: '0', productionCosts: '300' } },
      'RecordHouseholdIncomePayload').then(() => {}),
  },
  {
    mutation: 'createProject',
    table: 'project',
    async run(world) {
      const out = await mutate(world, `mutation($input: CreateProjectInput!) { createProject(input: $input) { __typename ... on CreateProjectPayload { project { id } } } }`,
        { input: projectInput({ placeCode: AREAS.villageA }) }, 'CreateProjectPayload');
      world.ids.project = out.project.id;
    },
  },
  {
    mutation: 'updateProject',
    table: 'project',
    run: (world) => mutate(world, `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { __typename } }`,
      { input: { id: world.ids.project, budget: '240000.00' } }, 'UpdateProjectPayload').then(() => {}),
  },
  {
    mutation: 'recordProjectNotice',
    table: 'project_notice',
    run: (world) => mutate(world, `mutation($input: RecordProjectNoticeInput!) { recordProjectNotice(input: $input) { __typename } }`,
      { input: { projectId: world.ids.project, noticeType: 'PROJECT_PLAN', startDate: daysAgo(12), endDate: daysAgo(3), location: '村务公开栏' } },
      'RecordProjectNoticePayload').then(() => {}),
  },
  {
    mutation: 'setProjectOutputs',
    table: 'project_output',
    run: (world) => mutate(world, `mutation($input: SetProjectOutputsInput!) { setProjectOutputs(input: $input) { __typename } }`,
      { input: { projectId: world.ids.project, outputs: [{ indicator: '硬化道路', unit: '公里', planned: 1.12 }] } }, 'SetProjectOutputsPayload').then(() => {}),
  },
  {
    mutation: 'linkProjectBeneficiaries',
    table: 'project_beneficiary',
    run: (world) => mutate(world, `mutation($input: LinkProjectBeneficiariesInput!) { linkProjectBeneficiaries(input: $input) { __typename } }`,
      { input: { projectId: world.ids.project, householdIds: [world.ids.household] } }, 'LinkProjectBeneficiariesPayload').then(() => {}),
  },
  {
    mutation: 'unlinkProjectBeneficiaries',
    table: 'project_beneficiary',
    run: (world) => mutate(world, `mutation($input: UnlinkProjectBeneficiariesInput!) { unlinkProjectBeneficiaries(input: $input) { __typename } }`,
      { input: { projectId: world.ids.project, householdIds: [world.ids.household] } }, 'UnlinkProjectBeneficiariesPayload').then(() => {}),
  },
  {
    mutation: 'changeProjectStatus',
    table: 'project_status_change',
    async run(world) {
      for (const status of ['APPROVED', 'UNDER_CONSTRUCTION']) {
        await mutate(world, `mutation($input: ChangeProjectStatusInput!) { changeProjectStatus(input: $input) { __typename } }`,
          { input: { projectId: world.ids.project, status } }, 'ChangeProjectStatusPayload');
      }
    },
  },
  {
    mutation: 'createFund',
    table: 'fund',
    async run(world) {
      const out = await mutate(world, `mutation($input: CreateFundInput!) { createFund(input: $input) { __typename ... on CreateFundPayload { fund { id } } } }`,
        { input: fundInput() }, 'CreateFundPayload');
      world.ids.fund = out.fund.id;
    },
  },
  {
    mutation: 'allocateFunds',
    table: 'ledger_entry',
    async run(world) {
      const out = await mutate(world, `mutation($input: AllocateFundsInput!) { allocateFunds(input: $input) { __typename ... on AllocateFundsPayload { allocation { id } } } }`,
        { input: { fundId: world.ids.fund, projectId: world.ids.project, amount: '100000.00' } }, 'AllocateFundsPayload');
      world.ids.allocation = out.allocation.id;
    },
  },
  {
    mutation: 'disburseFunds',
    table: 'ledger_entry',
    async run(world) {
      const out = await mutate(world, `mutation($input: DisburseFundsInput!) { disburseFunds(input: $input) { __typename ... on DisburseFundsPayload { disbursement { id } } } }`,
        { input: { allocationId: world.ids.allocation, amount: '30000.00', voucherNo: '报账-001' } }, 'DisburseFundsPayload');
      world.ids.disbursement = out.disbursement.id;
    },
  },
  {
    mutation: 'reverseLedgerEntry',
    table: 'ledger_entry',
    run: (world) => mutate(world, `mutation($input: ReverseLedgerEntryInput!) { reverseLedgerEntry(input: $input) { __typename } }`,
      { input: { entryId: world.ids.disbursement, reason: '重复报账，冲销 Duplicate payment' } }, 'ReverseLedgerEntryPayload').then(() => {}),
  },
  {
    mutation: 'createApiKey',
    table: 'api_key',
    async run(world) {
      const out = await mutate(world, `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { __typename ... on CreateApiKeyPayload { apiKey { id } } } }`,
        { input: { name: '审计测试 Audit test', areaScopes: ['433125'] } }, 'CreateApiKeyPayload', world.admin);
      world.ids.apiKey = out.apiKey.id;
    },
  },
  {
    mutation: 'revokeApiKey',
    table: 'api_key',
    run: (world) => mutate(world, `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { __typename } }`,
      { input: { id: world.ids.apiKey } }, 'RevokeApiKeyPayload', world.admin).then(() => {}),
  },
  ...workTeamAuditSteps,
  {
    mutation: 'openMonitoringCase',
    table: 'monitoring_case',
    async run(world) {
      // A sudden hardship: no income test, so no monitoring range is needed for this year.
      const out = await mutate(world, `mutation($input: OpenMonitoringCaseInput!) { openMonitoringCase(input: $input) { __typename ... on OpenMonitoringCasePayload { monitoringCase { id } } } }`,
        { input: { category: 'SUDDEN_HARDSHIP', householdId: world.ids.household, riskTypes: ['DISASTER'], leadSource: 'SELF_REPORT', leadDate: daysAgo(80) } },
        'OpenMonitoringCasePayload', CALLERS.villageAOfficer);
      world.ids.monitoringCase = out.monitoringCase.id;
    },
  },
  {
    mutation: 'takeMonitoringStep',
    table: 'workflow_step',
    async run(world) {
      const take = (step: string, version: number, principal: Principal, extra: object = {}) =>
        mutate(world, `mutation($input: TakeMonitoringStepInput!) { takeMonitoringStep(input: $input) { __typename
          ... on TakeMonitoringStepPayload { monitoringCase { notices { id } } } } }`,
          { input: { caseId: world.ids.monitoringCase, version, step, ...extra } }, 'TakeMonitoringStepPayload', principal);
      // Dated as they were taken, months ago (the test allows notices recorded 90 days late), so that
      // the risk can be eliminated today (the test's riskEliminationMonths is 1).
      await take('HOME_CHECK', 1, CALLERS.villageAOfficer, { date: daysAgo(80) });
      await take('CONSENT', 2, CALLERS.villageAOfficer, { date: daysAgo(79), consentSignedOn: daysAgo(79) });
      await take('CROSS_CHECK', 3, world.officer, { date: daysAgo(78) });
      await take('VILLAGE_ASSESSMENT', 4, CALLERS.villageAOfficer, { date: daysAgo(77) });
      const out = await take('VILLAGE_NOTICE', 5, CALLERS.villageAOfficer, { date: daysAgo(75), notice: { startDate: daysAgo(75), endDate: daysAgo(71), location: '村委会公示栏' } });
      world.ids.notice = out.monitoringCase.notices[0].id;
    },
  },
  {
    mutation: 'raiseWorkflowObjection',
    table: 'workflow_objection',
    async run(world) {
      const out = await mutate(world, `mutation($input: RaiseWorkflowObjectionInput!) { raiseWorkflowObjection(input: $input) { __typename
        ... on RaiseWorkflowObjectionPayload { objection { id } } } }`, { input: { noticeId: world.ids.notice, content: '异议 An objection', raisedOn: daysAgo(73) } }, 'RaiseWorkflowObjectionPayload', CALLERS.villageAOfficer);
      world.ids.objection = out.objection.id;
    },
  },
  {
    mutation: 'resolveWorkflowObjection',
    table: 'workflow_objection',
    run: (world) => mutate(world, `mutation($input: ResolveWorkflowObjectionInput!) { resolveWorkflowObjection(input: $input) { __typename } }`,
      { input: { objectionId: world.ids.objection, resolution: '经核实 Checked' } }, 'ResolveWorkflowObjectionPayload', CALLERS.villageAOfficer).then(() => {}),
  },
  {
    mutation: 'recordMonitoringMeasure',
    table: 'monitoring_measure',
    async run(world) {
      for (const [step, version, principal, extra] of [
        ['TOWNSHIP_REVIEW', 6, CALLERS.qianlingOfficer, {}],
        ['COUNTY_DECISION', 7, world.officer, { decision: 'IDENTIFIED' }],
      ] as const) {
        await mutate(world, `mutation($input: TakeMonitoringStepInput!) { takeMonitoringStep(input: $input) { __typename } }`,
          { input: { caseId: world.ids.monitoringCase, version, step, date: daysAgo(40), ...extra } }, 'TakeMonitoringStepPayload', principal);
      }
      await mutate(world, `mutation($input: RecordMonitoringMeasureInput!) { recordMonitoringMeasure(input: $input) { __typename } }`,
        { input: { caseId: world.ids.monitoringCase, measureType: 'TEMPORARY_RELIEF', description: '临时救助 Temporary relief', amount: '20000.00', startedOn: daysAgo(40) } },
        'RecordMonitoringMeasurePayload', CALLERS.villageAOfficer);
    },
  },
  {
    mutation: 'proposeRiskElimination',
    table: 'monitoring_elimination',
    async run(world) {
      await mutate(world, `mutation($input: RecordMonitoringMeasureInput!) { recordMonitoringMeasure(input: $input) { __typename } }`,
        { input: { caseId: world.ids.monitoringCase, measureType: 'PUBLIC_WELFARE_POST', description: '公益岗位 A public-welfare post', startedOn: daysAgo(40), carriedOutOn: daysAgo(40) } },
        'RecordMonitoringMeasurePayload', CALLERS.villageAOfficer);
      const out = await mutate(world, `mutation($input: ProposeRiskEliminationInput!) { proposeRiskElimination(input: $input) { __typename
        ... on ProposeRiskEliminationPayload { riskElimination { id } } } }`,
        { input: { monitoringCaseId: world.ids.monitoringCase, incomeStable: true, rigidSpendingResolved: true, assurancesSecured: true } },
        'ProposeRiskEliminationPayload', CALLERS.villageAOfficer);
      world.ids.riskElimination = out.riskElimination.id;
    },
  },
  {
    mutation: 'takeRiskEliminationStep',
    table: 'workflow_notice',
    run: (world) => mutate(world, `mutation($input: TakeRiskEliminationStepInput!) { takeRiskEliminationStep(input: $input) { __typename } }`,
      { input: { caseId: world.ids.riskElimination, version: 1, step: 'VILLAGE_NOTICE', notice: { startDate: daysAgo(0), endDate: daysAgo(-4), location: '村委会公示栏' } } },
      'TakeRiskEliminationStepPayload', CALLERS.villageAOfficer).then(() => {}),
  },
  ...identificationAuditSteps,
  ...exitAuditSteps,
];
