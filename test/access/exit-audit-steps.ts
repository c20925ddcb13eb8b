import type { Principal } from '@tuopin/core';
import { mutate, type AuditStep } from '@tuopin/testing';
import { AREAS } from '../fixtures/areas.js';
import { registrationInput } from '../fixtures/households.js';
import { CALLERS } from '../fixtures/principals.js';

/** 湘西州's officer: the county exit's prefecture check. */
export const PREFECTURE_ACTOR: Principal = { id: 'test:xiangxi-officer', role: 'PREFECTURE_OFFICER', areaScopes: ['4331'], provinceCode: AREAS.hunan };

const assured = { food: true, clothing: true, compulsoryEducation: true, basicMedicalCare: true, safeHousing: true };
const thisYear = new Date().getUTCFullYear();

/** Registers a household of village A and its income of 2020 (per person: the amount ÷ 3); returns its id. */
async function householdWithIncome(world: Parameters<AuditStep['run']>[0], overrides: object, wages: string): Promise<string> {
  const out = await mutate(world, `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { __typename ... on RegisterHouseholdPayload { household { id } } } }`,
    { input: registrationInput({ assurances: assured, ...overrides }) }, 'RegisterHouseholdPayload');
  await mutate(world, `mutation($input: RecordHouseholdIncomeInput!) { recordHouseholdIncome(input: $input) { __typename } }`,
    { input: { householdId: out.household.id, year: 2020, wages, business: '0', transfers: '0', property: '0', productionCosts: '0' } }, 'RecordHouseholdIncomePayload');
  return out.household.id;
}

/** Exit (退出) and return to poverty (返贫): each mutation, by the level that takes it. */
export const exitAuditSteps: AuditStep[] = [
  {
    mutation: 'proposeHouseholdExit',
    table: 'household_exit',
    async run(world) {
      const householdId = await householdWithIncome(world, {}, '30000');
      const out = await mutate(world, `mutation($input: ProposeHouseholdExitInput!) { proposeHouseholdExit(input: $input) { __typename ... on ProposeHouseholdExitPayload { householdExit { id } } } }`,
        { input: { householdId, exitYear: 2020 } }, 'ProposeHouseholdExitPayload', CALLERS.villageAOfficer);
      world.ids.householdExit = out.householdExit.id;
    },
  },
  {
    mutation: 'takeHouseholdExitStep',
    table: 'workflow_step',
    run: (world) => mutate(world, `mutation($input: TakeHouseholdExitStepInput!) { takeHouseholdExitStep(input: $input) { __typename } }`,
      { input: { caseId: world.ids.householdExit, version: 1, step: 'TOWNSHIP_VERIFICATION' } }, 'TakeHouseholdExitStepPayload', CALLERS.qianlingOfficer).then(() => {}),
  },
  {
    mutation: 'returnHouseholdToPoverty',
    table: 'household_return',
    async run(world) {
      const householdId = await householdWithIncome(world, { status: 'EXITED', exitYear: 2019 }, '6000');
      await mutate(world, `mutation($input: ReturnHouseholdToPovertyInput!) { returnHouseholdToPoverty(input: $input) { __typename } }`,
        { input: { householdId, year: 2020, reason: 'INCOME_BELOW_LINE' } }, 'ReturnHouseholdToPovertyPayload');
    },
  },
  {
    mutation: 'proposeVillageExit',
    table: 'village_exit',
    async run(world) {
      const checklist = ['ROADS', 'WATER', 'ELECTRICITY', 'SERVICES', 'COLLECTIVE_INCOME'].map((item) => ({ item, met: true, evidence: '验收报告 Acceptance report' }));
      const out = await mutate(world, `mutation($input: ProposeVillageExitInput!) { proposeVillageExit(input: $input) { __typename ... on ProposeVillageExitPayload { villageExit { id } } } }`,
        { input: { villageCode: AREAS.villageA, exitYear: thisYear, checklist } }, 'ProposeVillageExitPayload', CALLERS.villageAOfficer);
      world.ids.villageExit = out.villageExit.id;
    },
  },
  {
    mutation: 'takeVillageExitStep',
    table: 'workflow_case',
    run: (world) => mutate(world, `mutation($input: TakeVillageExitStepInput!) { takeVillageExitStep(input: $input) { __typename } }`,
      { input: { caseId: world.ids.villageExit, version: 1, step: 'TOWNSHIP_CHECK' } }, 'TakeVillageExitStepPayload', CALLERS.qianlingOfficer).then(() => {}),
  },
  {
    mutation: 'proposeCountyExit',
    table: 'county_exit',
    async run(world) {
      // Applications close at the end of February of the exit year: next year's is open today.
      const out = await mutate(world, `mutation($input: ProposeCountyExitInput!) { proposeCountyExit(input: $input) { __typename ... on ProposeCountyExitPayload { countyExit { id } } } }`,
        { input: { countyCode: AREAS.baojing, exitYear: thisYear + 1, wrongExitRate: 0.5, missedRate: 0.8, approvalRate: 96 } }, 'ProposeCountyExitPayload');
      world.ids.countyExit = out.countyExit.id;
    },
  },
  {
    mutation: 'takeCountyExitStep',
    table: 'workflow_step',
    run: (world) => mutate(world, `mutation($input: TakeCountyExitStepInput!) { takeCountyExitStep(input: $input) { __typename } }`,
      { input: { caseId: world.ids.countyExit, version: 1, step: 'PREFECTURE_CHECK' } }, 'TakeCountyExitStepPayload', PREFECTURE_ACTOR).then(() => {}),
  },
  {
    mutation: 'signReductionTarget',
    table: 'reduction_target',
    run: (world) => mutate(world, `mutation($input: SignReductionTargetInput!) { signReductionTarget(input: $input) { __typename } }`,
      { input: { countyCode: AREAS.baojing, townshipCode: AREAS.qianling, year: thisYear, targetPeople: 120 } }, 'SignReductionTargetPayload').then(() => {}),
  },
];
