import { createTestServer, mustSucceed, TEST_REGISTRAR, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { registrationInput } from '../fixtures/households.js';
import { ACTORS, openCase, RaiseObjection, ResolveObjection, step, stepOk, throughVillageNotice } from '../fixtures/monitoring.js';
import { RegisterHousehold } from '../fixtures/operations.js';
import { CALLERS } from '../fixtures/principals.js';
import { settingsWith, TestClock } from '../fixtures/projects.js';

const clock = new TestClock(new Date('2021-03-01T02:00:00Z'));
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({ settings: settingsWith(clock) });
  await insertAreas(server);
});
afterAll(() => server.close());

async function household(overrides = {}) {
  return mustSucceed(await server.execute(RegisterHousehold, { input: registrationInput(overrides) }, { principal: TEST_REGISTRAR })).household;
}
const exitedHousehold = () => household({ status: 'EXITED', exitYear: 2019 });

/** An exited household at risk, income within 2021's range (8,000 net of spending for 3 people ≤ 3 × 6,000). */
const lead = (householdId: string, leadDate = '2021-03-01') => ({
  category: 'UNSTABLE_EXITED' as const,
  householdId,
  riskTypes: ['ILLNESS' as const],
  leadSource: 'CADRE_VISIT' as const,
  leadDate,
  income12Months: '10000.00',
  compliantSpending: '2000.00',
});

/** Every row the workflows write, and the audit log's length: a refusal leaves all of it as it was. */
const snapshot = async () => [
  await server.sql('select * from workflow_case order by id'),
  await server.sql('select * from workflow_step order by id'),
  await server.sql('select * from workflow_notice order by id'),
  await server.sql('select * from workflow_objection order by id'),
  await server.sql('select * from monitoring_case order by id'),
  await server.sql('select count(*)::int as n from audit_log'),
];

describe('return-to-poverty monitoring', () => {
  it('runs the nine steps from lead to entry, an objection holding the notice until resolved, every step audited', async () => {
    clock.setToday('2021-03-01');
    const { id: householdId, householdNo } = await exitedHousehold();
    const opened = await openCase(server, lead(householdId));
    expect(opened).toMatchObject({ step: 'WARNING', version: 1, state: 'OPEN', category: 'UNSTABLE_EXITED', people: 3, monitoringRange: '6000.00', household: { householdNo } });

    const noticed = await throughVillageNotice(server, clock, opened.id, '2021-03-01', '2021-03-02');
    expect(noticed).toMatchObject({ step: 'VILLAGE_NOTICE', nextSteps: ['TOWNSHIP_REVIEW'], consentSignedOn: '2021-03-01', openObjections: 0 });
    const [notice] = noticed.notices;
    expect(notice).toMatchObject({ step: 'VILLAGE_NOTICE', startDate: '2021-03-02', endDate: '2021-03-06', days: 5 });
    // The village notice names no one: no name, no ID number, no risk (因病 is health), no income.
    expect(noticed.villageNotice).toContain('甲村拟将1户（3人）确定为防返贫监测对象（脱贫不稳定户）');
    for (const secret of ['彭大山', householdNo, '因病', 'ILLNESS', '10000', '6230']) expect(noticed.villageNotice).not.toContain(secret);

    clock.setToday('2021-03-04');
    const objection = mustSucceed(await server.execute(RaiseObjection, { input: { noticeId: notice.id, content: '该户家中有轿车' } }, { principal: ACTORS.VILLAGE })).objection;
    clock.setToday('2021-03-07');
    const held = await step(server, { caseId: opened.id, version: noticed.version, step: 'TOWNSHIP_REVIEW' });
    expect(held.data!.takeMonitoringStep).toMatchObject({ __typename: 'RuleViolationError', field: 'step' });
    mustSucceed(await server.execute(ResolveObjection, { input: { objectionId: objection.id, resolution: '经核实，车辆为亲属所有' } }, { principal: ACTORS.VILLAGE }));

    const reviewed = await stepOk(server, { caseId: opened.id, version: noticed.version, step: 'TOWNSHIP_REVIEW' });
    clock.setToday('2021-03-10');
    const decided = await stepOk(server, { caseId: opened.id, version: reviewed.version, step: 'COUNTY_DECISION', decision: 'IDENTIFIED' });
    expect(decided).toMatchObject({ decision: 'IDENTIFIED', decidedOn: '2021-03-10', daysToDecision: 9, decisionOverdue: false });
    const entered = await stepOk(server, { caseId: opened.id, version: decided.version, step: 'ENTERED' });
    expect(entered).toMatchObject({ state: 'COMPLETED', nextSteps: [], version: 9 });
    expect(entered.history.map((s) => [s.step, s.takenRole])).toEqual([
      ['WARNING', 'VILLAGE_OFFICER'],
      ['HOME_CHECK', 'VILLAGE_OFFICER'],
      ['CONSENT', 'VILLAGE_OFFICER'],
      ['CROSS_CHECK', 'COUNTY_OFFICER'],
      ['VILLAGE_ASSESSMENT', 'VILLAGE_OFFICER'],
      ['VILLAGE_NOTICE', 'VILLAGE_OFFICER'],
      ['TOWNSHIP_REVIEW', 'TOWNSHIP_OFFICER'],
      ['COUNTY_DECISION', 'COUNTY_OFFICER'],
      ['ENTERED', 'COUNTY_OFFICER'],
    ]);
    expect(entered.notices[0].objections).toEqual([expect.objectContaining({ content: '该户家中有轿车', resolvedOn: '2021-03-07' })]);

    const audited = await server.sql<{ operation: string; n: number }>(
      `select operation, count(*)::int as n from audit_log where object_type = 'workflow_step' and area_code = ? group by operation order by operation`,
      [AREAS.villageA],
    );
    expect(audited).toEqual(expect.arrayContaining([{ operation: 'openMonitoringCase', n: expect.any(Number) }, { operation: 'takeMonitoringStep', n: expect.any(Number) }]));
    const [{ actors }] = await server.sql<{ actors: string[] }>(
      `select array_agg(distinct actor order by actor) as actors from audit_log where object_type = 'workflow_step' and object_id in (select id::text from workflow_step where case_id = ?)`,
      [Number(Buffer.from(opened.id, 'base64').toString().split(':')[1])],
    );
    expect(actors).toEqual([CALLERS.baojingOfficer.id, CALLERS.qianlingOfficer.id, CALLERS.villageAOfficer.id].sort());
  });

  it('takes a sudden hardship whatever its income and in a year without a range, and a household never registered on the edge', async () => {
    clock.setToday('2023-03-13');
    const { id } = await household();
    const fire = await openCase(server, { category: 'SUDDEN_HARDSHIP', householdId: id, riskTypes: ['DISASTER'], leadSource: 'SELF_REPORT', leadDate: '2023-03-13', income12Months: '90000.00' });
    expect(fire).toMatchObject({ state: 'OPEN', monitoringRange: null, daysToDecision: 0 });
    clock.setToday('2022-05-01');
    const edge = await openCase(server, {
      category: 'EDGE',
      villageCode: AREAS.villageA,
      people: 4,
      riskTypes: ['UNSTABLE_EMPLOYMENT', 'EDUCATION'],
      leadSource: 'DEPARTMENT_DATA',
      leadDate: '2022-05-01',
      income12Months: '26000.00',
    });
    expect(edge).toMatchObject({ people: 4, monitoringRange: '6500.00', household: null });
    clock.setToday('2022-05-20');
    expect((await stepOk(server, { caseId: edge.id, version: 1, step: 'HOME_CHECK' })).daysToDecision).toBe(19);
    const late = await stepOk(server, { caseId: edge.id, version: 2, step: 'CONSENT', consentSignedOn: '2022-05-20' });
    expect(late).toMatchObject({ daysToDecision: 19, decisionOverdue: true });
  });

  it('refuses what the rules forbid when a case is opened, naming the field, writing nothing', async () => {
    clock.setToday('2021-06-01');
    const poor = await household();
    const exited = await exitedHousehold();
    await openCase(server, lead(exited.id, '2021-06-01'));
    const before = await snapshot();
    const cases: [Parameters<typeof openCase>[1], string, string, object?][] = [
      [lead(poor.id, '2021-06-01'), 'RuleViolationError', 'householdId'],
      [lead(exited.id, '2021-06-01'), 'RuleViolationError', 'householdId'],
      [{ ...lead(exited.id), category: 'EDGE' }, 'ValidationError', 'householdId'],
      [{ ...lead(exited.id), income12Months: '20000.00', compliantSpending: '1000.00' }, 'RuleViolationError', 'income12Months'],
      [{ ...lead(exited.id), leadDate: '2020-12-01' }, 'RuleViolationError', 'leadDate'],
      [{ ...lead(exited.id), leadDate: '2021-06-02' }, 'ValidationError', 'leadDate'],
      // A typing slip of a century (1921 for 2021): monitoring began in 2020, even for a sudden hardship, which needs no range.
      [{ category: 'SUDDEN_HARDSHIP', householdId: poor.id, riskTypes: ['DISASTER'], leadSource: 'SELF_REPORT', leadDate: '1921-03-13' }, 'ValidationError', 'leadDate'],
      [{ category: 'SUDDEN_HARDSHIP', householdId: poor.id, riskTypes: ['DISASTER'], leadSource: 'SELF_REPORT', leadDate: '2019-12-31' }, 'ValidationError', 'leadDate'],
      [{ ...lead(exited.id), riskTypes: [] }, 'ValidationError', 'riskTypes'],
      [{ category: 'EDGE', riskTypes: ['OTHER'], leadSource: 'COMPLAINT', leadDate: '2021-06-01', income12Months: '1.00' }, 'ValidationError', 'villageCode'],
      // Codes from a spreadsheet: padded with a space, or cut short; a township's code. Each is a slip, not an area outside the scope.
      ...[` ${AREAS.villageA}`, `${AREAS.villageA} `, AREAS.villageA.slice(0, 10), AREAS.qianling].map(
        (villageCode) => [{ category: 'EDGE', villageCode, people: 3, riskTypes: ['OTHER'], leadSource: 'COMPLAINT', leadDate: '2021-06-01', income12Months: '1.00' }, 'ValidationError', 'villageCode'] as [Parameters<typeof openCase>[1], string, string],
      ),
      [lead(exited.id), 'ForbiddenError', 'householdId', CALLERS.qianlingOfficer],
      [lead(exited.id), 'NotFoundError', 'householdId', CALLERS.liaoningOfficer],
      [lead(exited.id), 'ForbiddenError', null as never, CALLERS.baojingNgo],
    ];
    for (const [input, typename, field, principal] of cases) {
      const result = await server.execute((await import('../fixtures/monitoring.js')).OpenMonitoringCase, { input }, { principal: (principal as never) ?? ACTORS.VILLAGE });
      expect(result.data!.openMonitoringCase, JSON.stringify(input)).toMatchObject({ __typename: typename, ...(field === null ? {} : { field }) });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses steps out of order, by the wrong level, on a stale version, or before the notice has run, writing nothing', async () => {
    clock.setToday('2021-07-01');
    const { id } = await exitedHousehold();
    const kase = await openCase(server, lead(id, '2021-07-01'));
    const checked = await stepOk(server, { caseId: kase.id, version: 1, step: 'HOME_CHECK' });
    const before = await snapshot();
    const refusals: [Parameters<typeof step>[1], string, string, Parameters<typeof step>[2]?][] = [
      [{ caseId: kase.id, version: 2, step: 'CROSS_CHECK' }, 'RuleViolationError', 'step'],
      [{ caseId: kase.id, version: 2, step: 'CONSENT', consentSignedOn: '2021-07-01' }, 'ForbiddenError', 'step', ACTORS.COUNTY],
      [{ caseId: kase.id, version: 2, step: 'CONSENT', consentSignedOn: '2021-07-01' }, 'ForbiddenError', 'step', ACTORS.TOWNSHIP],
      [{ caseId: kase.id, version: 1, step: 'CONSENT', consentSignedOn: '2021-07-01' }, 'ConflictError', 'version'],
      [{ caseId: kase.id, version: 2, step: 'CONSENT' }, 'ValidationError', 'consentSignedOn'],
      [{ caseId: kase.id, version: 2, step: 'CONSENT', consentSignedOn: '2021-07-01', decision: 'IDENTIFIED' }, 'ValidationError', 'decision'],
      [{ caseId: kase.id, version: 2, step: 'CONSENT', consentSignedOn: '2021-07-01', date: '2021-07-02' }, 'ValidationError', 'date'],
      [{ caseId: kase.id, version: 2, step: 'CONSENT', consentSignedOn: '2021-06-30', date: '2021-06-30' }, 'ValidationError', 'date'],
      [{ caseId: kase.id, version: 2, step: 'CONSENT', consentSignedOn: '2021-07-01', notice: { startDate: '2021-07-01', endDate: '2021-07-05', location: '公示栏' } }, 'ValidationError', 'notice'],
      [{ caseId: kase.id, version: 2, step: 'CONSENT', consentSignedOn: '2021-07-01' }, 'NotFoundError', 'caseId', CALLERS.liaoningOfficer],
    ];
    for (const [input, typename, field, principal] of refusals) {
      const result = await step(server, input, principal);
      expect(result.data!.takeMonitoringStep, JSON.stringify(input)).toMatchObject({ __typename: typename, field });
    }
    expect(await snapshot()).toEqual(before);

    // A notice shorter than five days, then the township before the notice has run.
    await stepOk(server, { caseId: kase.id, version: checked.version, step: 'CONSENT', consentSignedOn: '2021-07-01' });
    await stepOk(server, { caseId: kase.id, version: 3, step: 'CROSS_CHECK' });
    await stepOk(server, { caseId: kase.id, version: 4, step: 'VILLAGE_ASSESSMENT' });
    const short = await step(server, { caseId: kase.id, version: 5, step: 'VILLAGE_NOTICE', notice: { startDate: '2021-07-01', endDate: '2021-07-04', location: '公示栏' } });
    expect(short.data!.takeMonitoringStep).toMatchObject({ __typename: 'ValidationError', field: 'notice.endDate' });
    const noticed = await stepOk(server, { caseId: kase.id, version: 5, step: 'VILLAGE_NOTICE', notice: { startDate: '2021-07-01', endDate: '2021-07-05', location: '公示栏' } });
    clock.setToday('2021-07-04');
    const early = await step(server, { caseId: kase.id, version: noticed.version, step: 'TOWNSHIP_REVIEW' });
    expect(early.data!.takeMonitoringStep).toMatchObject({ __typename: 'RuleViolationError', field: 'step' });
    const outside = await server.execute(RaiseObjection, { input: { noticeId: noticed.notices[0].id, content: '异议', raisedOn: '2021-06-30' } }, { principal: ACTORS.VILLAGE });
    expect(outside.data!.raiseWorkflowObjection).toMatchObject({ __typename: 'ValidationError', field: 'raisedOn' });
    const wrongLevel = await server.execute(RaiseObjection, { input: { noticeId: noticed.notices[0].id, content: '异议' } }, { principal: ACTORS.COUNTY });
    expect(wrongLevel.data!.raiseWorkflowObjection).toMatchObject({ __typename: 'ForbiddenError', field: 'noticeId' });
    expect((await server.sql('select count(*)::int as n from workflow_objection where case_id = (select max(id) from workflow_case)'))[0]).toEqual({ n: 0 });
  });

  it('gives one of two concurrent steps of a case the win and the other a typed conflict', async () => {
    clock.setToday('2021-08-01');
    const { id } = await exitedHousehold();
    const kase = await openCase(server, lead(id, '2021-08-01'));
    for (let round = 0; round < 5; round += 1) {
      const version = round + 1;
      const name = (['HOME_CHECK', 'CONSENT', 'CROSS_CHECK', 'VILLAGE_ASSESSMENT'] as const)[round] ?? null;
      if (!name) break;
      const input = { caseId: kase.id, version, step: name, ...(name === 'CONSENT' ? { consentSignedOn: '2021-08-01' } : {}) };
      const results = await Promise.all([step(server, input), step(server, input), step(server, input)]);
      const kinds = results.map((r) => r.data!.takeMonitoringStep.__typename).sort();
      expect(kinds).toEqual(['ConflictError', 'ConflictError', 'TakeMonitoringStepPayload']);
      for (const r of results) if (r.data!.takeMonitoringStep.__typename === 'ConflictError') expect(r.data!.takeMonitoringStep).toMatchObject({ field: 'version' });
    }
    const caseId = Number(Buffer.from(kase.id, 'base64').toString().split(':')[1]);
    const rows = await server.sql<{ step: string }>('select step from workflow_step where case_id = ? order by id', [caseId]);
    expect(rows.map((r) => r.step)).toEqual(['WARNING', 'HOME_CHECK', 'CONSENT', 'CROSS_CHECK', 'VILLAGE_ASSESSMENT']);
  });
});
