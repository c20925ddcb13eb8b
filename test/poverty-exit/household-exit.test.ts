import { createTestServer, mustSucceed, TEST_REGISTRAR, type TestServer } from '@tuopin/testing';
import type { Principal } from '@tuopin/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { exitReadyHousehold, exitStep, exitStepOk, proposeExit, RecordExitIncome, ReturnHouseholdToPoverty } from '../fixtures/exit.js';
import { ACTORS, openCase, RaiseObjection, ResolveObjection, stepOk, throughVillageNotice } from '../fixtures/monitoring.js';
import { CALLERS } from '../fixtures/principals.js';
import { settingsWith, TestClock } from '../fixtures/projects.js';

const clock = new TestClock(new Date('2020-01-06T02:00:00Z'));
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({ settings: settingsWith(clock) });
  await insertAreas(server);
});
afterAll(() => server.close());

/** 野竹坪镇's officer: a township officer of another township than village A's. */
const otherTownshipOfficer: Principal = { id: 'test:yezhuping-officer', role: 'TOWNSHIP_OFFICER', areaScopes: [AREAS.yezhuping], provinceCode: AREAS.hunan };

const UpdateStatus = graphql(`
  mutation UpdateHouseholdExitYear($input: UpdateHouseholdInput!) {
    updateHousehold(input: $input) { __typename ... on Error { code field messageZh messageEn } }
  }
`);

/** Every row exit writes, the household's status, and the audit log's length: a refusal leaves all of it as it was. */
const snapshot = async () => [
  await server.sql('select * from workflow_case order by id'),
  await server.sql('select * from workflow_step order by id'),
  await server.sql('select * from workflow_notice order by id'),
  await server.sql('select * from household_exit order by id'),
  await server.sql('select id, status, exit_year from household order by id'),
  await server.sql('select count(*)::int as n from audit_log'),
];

const dbId = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);

const notice = (startDate: string, endDate: string) => ({ startDate, endDate, location: '村委会公示栏' });

describe('household exit (贫困户退出)', () => {
  it('runs assessment, verification, consent, notice and removal: the household is EXITED with its year, every step audited', async () => {
    const household = await exitReadyHousehold(server);
    clock.setToday('2020-01-06');
    const opened = mustSucceed(await proposeExit(server, household.id)).householdExit;
    expect(opened).toMatchObject({ step: 'VILLAGE_ASSESSMENT', version: 1, state: 'OPEN', exitYear: 2019, perCapitaIncome: '3300.08', povertyLine: '3218.00', household: { status: 'POOR' } });

    // A second exit of the same household is refused while this one is open.
    expect((await proposeExit(server, household.id)).data!.proposeHouseholdExit).toMatchObject({ __typename: 'RuleViolationError', field: 'householdId' });

    const verified = await exitStepOk(server, { caseId: opened.id, version: 1, step: 'TOWNSHIP_VERIFICATION' });
    const signed = await exitStepOk(server, { caseId: opened.id, version: verified.version, step: 'HOUSEHOLD_CONSENT', consentSignedOn: '2020-01-05' });
    expect(signed).toMatchObject({ consentSignedOn: '2020-01-05', nextSteps: ['VILLAGE_NOTICE'] });
    const noticed = await exitStepOk(server, { caseId: opened.id, version: signed.version, step: 'VILLAGE_NOTICE', notice: notice('2020-01-06', '2020-01-12') });
    expect(noticed.notices).toEqual([expect.objectContaining({ step: 'VILLAGE_NOTICE', days: 7 })]);
    // The notice names the head and the household's size, nothing else about the people.
    expect(noticed.villageNotice).toContain('户主彭大山，共3人，2019年度脱贫');
    for (const secret of ['田秀英', '彭小军', '3300', 'CHRONIC', '慢性病']) expect(noticed.villageNotice).not.toContain(secret);

    clock.setToday('2020-01-08');
    const objection = mustSucceed(await server.execute(RaiseObjection, { input: { noticeId: noticed.notices[0].id, content: '该户收入不实' } }, { principal: ACTORS.VILLAGE })).objection;
    clock.setToday('2020-01-13');
    const held = await exitStep(server, { caseId: opened.id, version: noticed.version, step: 'COUNTY_REMOVAL' });
    expect(held.data!.takeHouseholdExitStep).toMatchObject({ __typename: 'RuleViolationError', field: 'step' });
    mustSucceed(await server.execute(ResolveObjection, { input: { objectionId: objection.id, resolution: '经核实收入属实' } }, { principal: ACTORS.VILLAGE }));

    const removed = await exitStepOk(server, { caseId: opened.id, version: noticed.version, step: 'COUNTY_REMOVAL' });
    expect(removed).toMatchObject({ state: 'COMPLETED', closedOn: '2020-01-13', nextSteps: [], household: { status: 'EXITED', exitYear: 2019 } });
    expect(removed.history.map((s) => [s.step, s.takenRole])).toEqual([
      ['VILLAGE_ASSESSMENT', 'VILLAGE_OFFICER'],
      ['TOWNSHIP_VERIFICATION', 'TOWNSHIP_OFFICER'],
      ['HOUSEHOLD_CONSENT', 'VILLAGE_OFFICER'],
      ['VILLAGE_NOTICE', 'VILLAGE_OFFICER'],
      ['COUNTY_REMOVAL', 'COUNTY_OFFICER'],
    ]);
    const audited = await server.sql<{ object_type: string; operation: string }>(
      `select distinct object_type, operation from audit_log where ((object_type = 'household' and object_id = ?) or (object_type = 'household_exit' and object_id = ?)) order by 1, 2`,
      [String(dbId(household.id)), String(dbId(opened.id))],
    );
    expect(audited).toEqual(expect.arrayContaining([
      { object_type: 'household', operation: 'takeHouseholdExitStep' },
      { object_type: 'household_exit', operation: 'proposeHouseholdExit' },
      { object_type: 'household_exit', operation: 'takeHouseholdExitStep' },
    ]));
  });

  it('refuses an assessment that fails a test, naming the field, writing nothing', async () => {
    clock.setToday('2020-01-06');
    const low = await exitReadyHousehold(server, {}, { wages: '6000', business: '0', transfers: '0', property: '0', productionCosts: '0' });
    const unmet = await exitReadyHousehold(server, { assurances: { food: true, clothing: true, compulsoryEducation: true, basicMedicalCare: true, safeHousing: false } });
    const exited = await exitReadyHousehold(server, { status: 'EXITED', exitYear: 2018 });
    const ready = await exitReadyHousehold(server);
    const before = await snapshot();
    const cases: [Promise<unknown>, string, string, RegExp][] = [
      [proposeExit(server, low.id), 'RuleViolationError', 'perCapitaNetIncome', /2000\.00.*3218\.00/],
      [proposeExit(server, unmet.id), 'RuleViolationError', 'housingSecure', /住房安全有保障/],
      [proposeExit(server, exited.id), 'RuleViolationError', 'householdId', /未脱贫或返贫户/],
      [proposeExit(server, ready.id, { exitYear: 2018 }), 'RuleViolationError', 'exitYear', /2018年的收入记录/],
      [proposeExit(server, ready.id, { exitYear: 2021 }), 'ValidationError', 'exitYear', /退出年度/],
      [proposeExit(server, ready.id, {}, ACTORS.TOWNSHIP), 'ForbiddenError', 'householdId', /村级办理/],
    ];
    for (const [result, typename, field, zh] of cases) {
      const outcome = Object.values(((await result) as { data: Record<string, Record<string, string>> }).data)[0];
      expect(outcome).toMatchObject({ __typename: typename, field });
      expect(outcome.messageZh).toMatch(zh);
      expect(outcome.messageEn).toMatch(/[A-Za-z]/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a step without consent, a notice too short, the wrong level and another township, writing nothing', async () => {
    const household = await exitReadyHousehold(server);
    clock.setToday('2020-01-06');
    const opened = mustSucceed(await proposeExit(server, household.id)).householdExit;
    const verified = await exitStepOk(server, { caseId: opened.id, version: 1, step: 'TOWNSHIP_VERIFICATION' });
    const before = await snapshot();

    const noConsent = (await exitStep(server, { caseId: opened.id, version: verified.version, step: 'HOUSEHOLD_CONSENT' })).data!.takeHouseholdExitStep;
    expect(noConsent).toMatchObject({ __typename: 'ValidationError', field: 'consentSignedOn' });
    expect(noConsent).toHaveProperty('messageEn', expect.stringContaining('signed'));
    const signed = await exitStepOk(server, { caseId: opened.id, version: verified.version, step: 'HOUSEHOLD_CONSENT', consentSignedOn: '2020-01-06' });
    const afterConsent = await snapshot();
    const short = (await exitStep(server, { caseId: opened.id, version: signed.version, step: 'VILLAGE_NOTICE', notice: notice('2020-01-06', '2020-01-10') })).data!.takeHouseholdExitStep;
    expect(short).toMatchObject({ __typename: 'ValidationError', field: 'notice.endDate', messageZh: expect.stringContaining('不少于7天') });
    const wrongLevel = (await exitStep(server, { caseId: opened.id, version: signed.version, step: 'VILLAGE_NOTICE', notice: notice('2020-01-06', '2020-01-12') }, ACTORS.COUNTY)).data!.takeHouseholdExitStep;
    expect(wrongLevel).toMatchObject({ __typename: 'ForbiddenError', field: 'step' });
    const outOfOrder = (await exitStep(server, { caseId: opened.id, version: signed.version, step: 'COUNTY_REMOVAL' })).data!.takeHouseholdExitStep;
    expect(outOfOrder).toMatchObject({ __typename: 'RuleViolationError', field: 'step' });
    expect(await snapshot()).toEqual(afterConsent);
    expect(before).not.toEqual(afterConsent);

    // A township officer of another township cannot even see the case, let alone verify it.
    const second = await exitReadyHousehold(server);
    const other = mustSucceed(await proposeExit(server, second.id)).householdExit;
    const beforeOther = await snapshot();
    const foreign = (await exitStep(server, { caseId: other.id, version: 1, step: 'TOWNSHIP_VERIFICATION' }, otherTownshipOfficer)).data!.takeHouseholdExitStep;
    expect(foreign).toMatchObject({ __typename: 'NotFoundError', field: 'caseId' });
    expect(await snapshot()).toEqual(beforeOther);
  });

  it('takes one of two concurrent steps of one case; the other is a typed conflict', async () => {
    const household = await exitReadyHousehold(server);
    clock.setToday('2020-01-06');
    const opened = mustSucceed(await proposeExit(server, household.id)).householdExit;
    const results = await Promise.all([1, 2].map(() => exitStep(server, { caseId: opened.id, version: 1, step: 'TOWNSHIP_VERIFICATION' })));
    const typenames = results.map((r) => r.data!.takeHouseholdExitStep.__typename).sort();
    expect(typenames).toEqual(['ConflictError', 'TakeHouseholdExitStepPayload']);
    const conflict = results.map((r) => r.data!.takeHouseholdExitStep).find((r) => r.__typename === 'ConflictError');
    expect(conflict).toMatchObject({ field: 'version', messageZh: expect.stringContaining('版本'), messageEn: expect.stringContaining('version') });
    const steps = await server.sql<{ n: number }>(`select count(*)::int as n from workflow_step where case_id = ? and step = 'TOWNSHIP_VERIFICATION'`, [dbId(opened.id)]);
    expect(steps[0].n).toBe(1);
  });

  it('refuses a status or exit year changed outside the workflow', async () => {
    const household = await exitReadyHousehold(server);
    const before = await snapshot();
    const result = await server.execute(UpdateStatus, { input: { id: household.id, exitYear: 2019 } }, { principal: TEST_REGISTRAR });
    expect(result.data!.updateHousehold).toMatchObject({ __typename: 'RuleViolationError', field: 'exitYear', messageEn: expect.stringContaining('exit workflow') });
    expect(await snapshot()).toEqual(before);
  });
});

describe('return to poverty (返贫)', () => {
  it('brings back an exited household whose income fell under the line, by the county, once; refusals write nothing', async () => {
    clock.setToday('2021-03-01');
    const household = await exitReadyHousehold(server, { status: 'EXITED', exitYear: 2019 });
    mustSucceed(await server.execute(RecordExitIncome, { input: { householdId: household.id, year: 2020, wages: '9000', business: '0', transfers: '0', property: '0', productionCosts: '0' } }, { principal: TEST_REGISTRAR }));
    const poorBefore = await exitReadyHousehold(server);
    const before = await snapshot();
    const returnsBefore = await server.sql('select * from household_return');
    const refusals: [Record<string, unknown>, Principal, string, string][] = [
      [{ householdId: household.id, year: 2019, reason: 'INCOME_BELOW_LINE' }, CALLERS.baojingOfficer, 'RuleViolationError', 'reason'],
      [{ householdId: household.id, year: 2020, reason: 'INCOME_BELOW_LINE' }, ACTORS.VILLAGE, 'ForbiddenError', 'householdId'],
      [{ householdId: poorBefore.id, year: 2019, reason: 'INCOME_BELOW_LINE' }, CALLERS.baojingOfficer, 'RuleViolationError', 'householdId'],
      [{ householdId: household.id, year: 2020, reason: 'MONITORING_DECISION' }, CALLERS.baojingOfficer, 'RuleViolationError', 'monitoringCaseId'],
    ];
    const Return = ReturnHouseholdToPoverty;
    for (const [input, principal, typename, field] of refusals) {
      const out = (await server.execute(Return, { input: input as never }, { principal })).data!.returnHouseholdToPoverty;
      expect(out).toMatchObject({ __typename: typename, field, messageZh: expect.any(String), messageEn: expect.any(String) });
    }
    expect(await snapshot()).toEqual(before);
    expect(await server.sql('select * from household_return')).toEqual(returnsBefore);

    // 9,000 ÷ 3 = 3,000 ≤ 2020's line of 4,000. Two decisions at once: one wins.
    const both = await Promise.all([1, 2].map(() => server.execute(Return, { input: { householdId: household.id, year: 2020, reason: 'INCOME_BELOW_LINE' } }, { principal: CALLERS.baojingOfficer })));
    const outcomes = both.map((r) => r.data!.returnHouseholdToPoverty);
    expect(outcomes.map((o) => o.__typename).sort()).toEqual(['ConflictError', 'ReturnHouseholdToPovertyPayload']);
    const done = outcomes.find((o) => o.__typename === 'ReturnHouseholdToPovertyPayload')!;
    expect(done).toMatchObject({ householdReturn: { year: 2020, reason: 'INCOME_BELOW_LINE', perCapitaIncome: '3000.00', povertyLine: '4000.00', household: { status: 'RETURNED', exitYear: 2019 } } });

    // 四个不摘: the household keeps its incomes and its history; and it can exit again.
    const [{ n }] = await server.sql<{ n: number }>('select count(*)::int as n from household_income where household_id = ?', [dbId(household.id)]);
    expect(n).toBe(2);
    clock.setToday('2021-03-02');
    expect((await proposeExit(server, household.id)).data!.proposeHouseholdExit).toMatchObject({ __typename: 'ProposeHouseholdExitPayload' });
  });

  it('brings back a household a monitoring case identified, linking the case', async () => {
    clock.setToday('2021-03-01');
    const household = await exitReadyHousehold(server, { status: 'EXITED', exitYear: 2019 });
    const kase = await openCase(server, { category: 'UNSTABLE_EXITED', householdId: household.id, riskTypes: ['ILLNESS'], leadSource: 'CADRE_VISIT', leadDate: '2021-03-01', income12Months: '10000.00' });
    const noticed = await throughVillageNotice(server, clock, kase.id, '2021-03-01', '2021-03-02');
    clock.setToday('2021-03-07');
    const reviewed = await stepOk(server, { caseId: kase.id, version: noticed.version, step: 'TOWNSHIP_REVIEW' });
    const decided = await stepOk(server, { caseId: kase.id, version: reviewed.version, step: 'COUNTY_DECISION', decision: 'IDENTIFIED' });
    expect(decided.decision).toBe('IDENTIFIED');
    const out = (await server.execute(ReturnHouseholdToPoverty, { input: { householdId: household.id, year: 2021, reason: 'MONITORING_DECISION', monitoringCaseId: kase.id } }, { principal: CALLERS.baojingOfficer })).data!.returnHouseholdToPoverty;
    expect(out).toMatchObject({ __typename: 'ReturnHouseholdToPovertyPayload', householdReturn: { reason: 'MONITORING_DECISION', perCapitaIncome: null, monitoringCase: { id: kase.id }, household: { status: 'RETURNED', exitYear: 2019 } } });
  });
});
