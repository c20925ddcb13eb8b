import { createTestServer, mustSucceed, TEST_REGISTRAR, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { registrationInput } from '../fixtures/households.js';
import { ApplyForIdentification, apply, applicationInput, clearExclusions, PASSING_VOTE, RejectIdentification, runUntil, takeStep, takeStepOk } from '../fixtures/identification.js';
import { ACTORS, addDays, RaiseObjection, ResolveObjection } from '../fixtures/monitoring.js';
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

const UpdateStatus = graphql(`
  mutation UpdateHouseholdStatus($input: UpdateHouseholdInput!) {
    updateHousehold(input: $input) { __typename ... on Error { code field messageZh messageEn } }
  }
`);

/** Every row identification writes, the registry's size and the audit log's length: a refusal leaves all of it as it was. */
const snapshot = async () => [
  await server.sql('select * from workflow_case order by id'),
  await server.sql('select * from workflow_step order by id'),
  await server.sql('select * from workflow_notice order by id'),
  await server.sql('select * from workflow_objection order by id'),
  await server.sql('select * from identification_application order by id'),
  await server.sql('select * from identification_exclusion order by id'),
  await server.sql('select count(*)::int as n, max(updated_at) as changed from household'),
  await server.sql('select count(*)::int as n from member'),
  await server.sql('select count(*)::int as n from audit_log'),
];

/** A typed refusal: the payload is the error, naming the field in both languages. */
function expectRefused(payload: { __typename: string } | undefined, typename: string, field: string) {
  expect(payload).toMatchObject({ __typename: typename, field, messageZh: expect.stringMatching(/\p{Script=Han}/u), messageEn: expect.stringMatching(/[a-z]/) });
}

describe('identification (识别)', () => {
  it('runs the seven steps end to end: the vote and exclusions recorded, two notices and the announcement, approval registering the household as poor', async () => {
    clock.setToday('2021-04-01');
    const input = applicationInput();
    const applied = await apply(server, { ...input, appliedOn: '2021-04-01' });
    expect(applied).toMatchObject({ step: 'APPLICATION', version: 1, state: 'OPEN', outcome: 'OPEN', headName: '向德明', idNumber: input.idNumber, people: 4 });

    const approved = await runUntil(server, clock, applied.id, '2021-04-01', 'COUNTY_APPROVAL');
    expect(approved).toMatchObject({ state: 'COMPLETED', outcome: 'APPROVED', step: 'COUNTY_APPROVAL', nextSteps: [], version: 7, povertyStandard: 'NATIONAL', assistanceClass: 'PRODUCTION_EMPLOYMENT' });
    expect(approved.vote).toEqual({ ...PASSING_VOTE, votedOn: '2021-04-01' });
    expect(approved.exclusions).toHaveLength(10);
    expect(approved.notices.map((n) => [n.step, n.startDate, n.days])).toEqual([
      ['VILLAGE_REVIEW', '2021-04-01', 7],
      ['TOWNSHIP_REVIEW', '2021-04-08', 7],
      ['COUNTY_RECHECK', '2021-04-15', 7],
    ]);
    expect(approved.history.map((s) => [s.step, s.takenRole])).toEqual([
      ['APPLICATION', 'VILLAGE_OFFICER'],
      ['GROUP_NOMINATION', 'VILLAGE_OFFICER'],
      ['REPRESENTATIVES_VOTE', 'VILLAGE_OFFICER'],
      ['VILLAGE_REVIEW', 'VILLAGE_OFFICER'],
      ['TOWNSHIP_REVIEW', 'TOWNSHIP_OFFICER'],
      ['COUNTY_RECHECK', 'COUNTY_OFFICER'],
      ['COUNTY_APPROVAL', 'COUNTY_OFFICER'],
    ]);
    expect(approved.household).toMatchObject({
      status: 'POOR',
      yearIdentified: 2021,
      category: 'ORDINARY',
      primaryCause: 'ILLNESS',
      povertyStandard: 'NATIONAL',
      assistanceClass: 'PRODUCTION_EMPLOYMENT',
      memberCount: 1,
      members: [{ name: '向德明', relationToHead: 'HEAD' }],
    });

    // Every step is audited under its mutation; the head's ID number is masked in the log.
    const audited = await server.sql<{ operation: string; after: { id_number: string } | null }>(
      `select operation, after from audit_log where object_type = 'identification_application' and area_code = ? order by id`,
      [AREAS.villageA],
    );
    expect(new Set(audited.map((a) => a.operation))).toEqual(new Set(['applyForIdentification', 'takeIdentificationStep']));
    expect(audited[0].after!.id_number).toBe(`${input.idNumber.slice(0, 6)}********${input.idNumber.slice(14)}`);

    // A household registered poor changes status only through its workflows.
    const update = await server.execute(UpdateStatus, { input: { id: approved.household!.id, status: 'EXITED', exitYear: 2021 } }, { principal: TEST_REGISTRAR });
    expectRefused(update.data!.updateHousehold, 'RuleViolationError', 'status');
    expect(await server.sql(`select status, exit_year from household where id = (select household_id from workflow_case where kind = 'IDENTIFICATION' and state = 'COMPLETED' limit 1)`)).toEqual([
      { status: 'POOR', exit_year: null },
    ]);
  });

  it('refuses an application that is malformed, already registered, already pending, or out of the caller\'s reach, writing nothing', async () => {
    clock.setToday('2021-05-01');
    const registered = mustSucceed(await server.execute(RegisterHousehold, { input: registrationInput() }, { principal: TEST_REGISTRAR })).household;
    const [{ id_number: registeredId }] = await server.sql<{ id_number: string }>(`select id_number from member where household_id = ? and relation_to_head = 'HEAD'`, [
      Number(Buffer.from(registered.id, 'base64').toString().split(':')[1]),
    ]);
    const pending = await apply(server);
    const [{ id_number: pendingId }] = await server.sql<{ id_number: string }>(`select id_number from identification_application where id = ?`, [
      Number(Buffer.from(pending.id, 'base64').toString().split(':')[1]),
    ]);
    const before = await snapshot();
    const cases: [Parameters<typeof applicationInput>[0], typeof CALLERS[keyof typeof CALLERS], string, string][] = [
      [{ idNumber: '43312519720520123' }, ACTORS.VILLAGE, 'ValidationError', 'idNumber'],
      [{ people: 0 }, ACTORS.VILLAGE, 'ValidationError', 'people'],
      [{ otherCauses: ['ILLNESS'] }, ACTORS.VILLAGE, 'ValidationError', 'otherCauses'],
      [{ appliedOn: '2021-05-02' }, ACTORS.VILLAGE, 'ValidationError', 'appliedOn'],
      [{ idNumber: registeredId }, ACTORS.VILLAGE, 'ConflictError', 'idNumber'],
      [{ idNumber: pendingId }, ACTORS.VILLAGE, 'ConflictError', 'idNumber'],
      [{ villageCode: AREAS.villageB }, ACTORS.VILLAGE, 'ForbiddenError', 'villageCode'],
      [{}, ACTORS.TOWNSHIP, 'ForbiddenError', 'villageCode'],
      [{}, CALLERS.nationalAdmin, 'ForbiddenError', 'idNumber'],
    ];
    for (const [overrides, principal, typename, field] of cases) {
      const result = await server.execute(ApplyForIdentification, { input: applicationInput(overrides) }, { principal });
      expectRefused(result.data!.applyForIdentification, typename, field);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses steps out of order, of another level, with a notice too short or not yet run, or while an objection is open, writing nothing', async () => {
    clock.setToday('2021-06-01');
    const { id } = await apply(server);
    let before = await snapshot();
    expectRefused((await takeStep(server, { caseId: id, version: 1, step: 'REPRESENTATIVES_VOTE', votes: PASSING_VOTE })).data!.takeIdentificationStep, 'RuleViolationError', 'step');
    expectRefused((await takeStep(server, { caseId: id, version: 1, step: 'GROUP_NOMINATION' }, ACTORS.TOWNSHIP)).data!.takeIdentificationStep, 'ForbiddenError', 'step');
    expect(await snapshot()).toEqual(before);

    const voted = await runUntil(server, clock, id, '2021-06-01', 'REPRESENTATIVES_VOTE');
    before = await snapshot();
    const shortNotice = { startDate: '2021-06-01', endDate: '2021-06-06', location: '村委会公示栏' };
    expectRefused((await takeStep(server, { caseId: id, version: voted.version, step: 'VILLAGE_REVIEW', notice: shortNotice })).data!.takeIdentificationStep, 'ValidationError', 'notice.endDate');
    expect(await snapshot()).toEqual(before);

    const reviewed = await takeStepOk(server, { caseId: id, version: voted.version, step: 'VILLAGE_REVIEW', notice: { ...shortNotice, endDate: '2021-06-07' } });
    clock.setToday('2021-06-05');
    before = await snapshot();
    expectRefused((await takeStep(server, { caseId: id, version: reviewed.version, step: 'TOWNSHIP_REVIEW', notice: { startDate: '2021-06-05', endDate: '2021-06-11', location: '镇政府公示栏' } })).data!.takeIdentificationStep, 'RuleViolationError', 'step');
    expect(await snapshot()).toEqual(before);

    const objection = mustSucceed(await server.execute(RaiseObjection, { input: { noticeId: reviewed.notices[0].id, content: '该户子女为村干部' } }, { principal: ACTORS.VILLAGE })).objection;
    clock.setToday('2021-06-08');
    before = await snapshot();
    const township = { caseId: id, version: reviewed.version, step: 'TOWNSHIP_REVIEW' as const, notice: { startDate: '2021-06-08', endDate: '2021-06-14', location: '镇政府公示栏' } };
    expectRefused((await takeStep(server, township)).data!.takeIdentificationStep, 'RuleViolationError', 'step');
    expect(await snapshot()).toEqual(before);
    mustSucceed(await server.execute(ResolveObjection, { input: { objectionId: objection.id, resolution: '经核实，子女非村干部' } }, { principal: ACTORS.VILLAGE }));
    expect(await takeStepOk(server, township)).toMatchObject({ step: 'TOWNSHIP_REVIEW', openObjections: 0 });
  });

  it('refuses a vote whose numbers do not add up, without a quorum, or that failed, writing nothing', async () => {
    clock.setToday('2021-07-01');
    const { id } = await apply(server);
    await takeStepOk(server, { caseId: id, version: 1, step: 'GROUP_NOMINATION' });
    const before = await snapshot();
    const vote = (votes: typeof PASSING_VOTE) => takeStep(server, { caseId: id, version: 2, step: 'REPRESENTATIVES_VOTE', votes, exclusions: clearExclusions() });
    expectRefused((await vote({ ...PASSING_VOTE, abstentions: 3 })).data!.takeIdentificationStep, 'ValidationError', 'votes.abstentions');
    expectRefused((await vote({ representatives: 20, present: 25, votesFor: 21, votesAgainst: 3, abstentions: 1 })).data!.takeIdentificationStep, 'ValidationError', 'votes.present');
    expectRefused((await vote({ representatives: 30, present: 19, votesFor: 19, votesAgainst: 0, abstentions: 0 })).data!.takeIdentificationStep, 'ValidationError', 'votes.present');
    // 12 of 24 present is half, not more than half: the vote failed.
    expectRefused((await vote({ representatives: 30, present: 24, votesFor: 12, votesAgainst: 10, abstentions: 2 })).data!.takeIdentificationStep, 'RuleViolationError', 'votes.votesFor');
    expectRefused((await takeStep(server, { caseId: id, version: 2, step: 'REPRESENTATIVES_VOTE' })).data!.takeIdentificationStep, 'ValidationError', 'votes');
    expect(await snapshot()).toEqual(before);
  });

  it('records the ten exclusions with their evidence, refuses a wrong exception, and refuses approval while one is unchecked or applies', async () => {
    clock.setToday('2021-08-01');
    const { id } = await apply(server);
    await takeStepOk(server, { caseId: id, version: 1, step: 'GROUP_NOMINATION' });
    let before = await snapshot();
    const payroll = clearExclusions().map((e) => (e.exclusion === 'PUBLIC_PAYROLL' ? { ...e, applies: true, exception: 'GIFT' as const } : e));
    expectRefused((await takeStep(server, { caseId: id, version: 2, step: 'REPRESENTATIVES_VOTE', votes: PASSING_VOTE, exclusions: payroll })).data!.takeIdentificationStep, 'ValidationError', 'exclusions[3].exception');
    expect(await snapshot()).toEqual(before);

    // A car received as a gift is allowed; the idle land is left unchecked for now.
    const partial = clearExclusions()
      .filter((e) => e.exclusion !== 'IDLE_LAND')
      .map((e) => (e.exclusion === 'VEHICLES' ? { ...e, applies: true, exception: 'GIFT' as const, evidence: '轿车为亲属赠与' } : e));
    const voted = await takeStepOk(server, { caseId: id, version: 2, step: 'REPRESENTATIVES_VOTE', votes: PASSING_VOTE, exclusions: partial });
    expect(voted.exclusions.find((e) => e.exclusion === 'VEHICLES')).toMatchObject({ applies: true, exception: 'GIFT', checkedStep: 'REPRESENTATIVES_VOTE' });
    const notice = (date: string) => ({ startDate: date, endDate: addDays(date, 6), location: '公示栏' });
    const reviewed = await takeStepOk(server, { caseId: id, version: 3, step: 'VILLAGE_REVIEW', notice: notice('2021-08-01') });
    clock.setToday('2021-08-08');
    const township = await takeStepOk(server, { caseId: id, version: reviewed.version, step: 'TOWNSHIP_REVIEW', notice: notice('2021-08-08') });
    clock.setToday('2021-08-15');
    const rechecked = await takeStepOk(server, { caseId: id, version: township.version, step: 'COUNTY_RECHECK', notice: notice('2021-08-15') });
    clock.setToday('2021-08-22');
    before = await snapshot();
    const approve = () => takeStep(server, { caseId: id, version: rechecked.version, step: 'COUNTY_APPROVAL', povertyStandard: 'NATIONAL', assistanceClass: 'EDUCATION' });
    const unchecked = (await approve()).data!.takeIdentificationStep;
    expectRefused(unchecked, 'RuleViolationError', 'exclusions');
    expect(unchecked).toMatchObject({ messageEn: expect.stringContaining('IDLE_LAND') });
    // Exclusions may not be recorded after the village committee's review.
    expectRefused((await takeStep(server, { caseId: id, version: rechecked.version, step: 'COUNTY_APPROVAL', povertyStandard: 'NATIONAL', assistanceClass: 'EDUCATION', exclusions: clearExclusions() })).data!.takeIdentificationStep, 'ValidationError', 'exclusions');
    // Land found idle: the exclusion applies and allows no exception.
    await server.sql(
      `insert into identification_exclusion (application_id, village_code, exclusion, applies, evidence, checked_step, checked_on)
       values (?, ?, 'IDLE_LAND', true, '承包地两年未耕种', 'VILLAGE_REVIEW', '2021-08-01')`,
      [Number(Buffer.from(id, 'base64').toString().split(':')[1]), AREAS.villageA],
    );
    before = await snapshot();
    const applying = (await approve()).data!.takeIdentificationStep;
    expectRefused(applying, 'RuleViolationError', 'exclusions');
    expect(applying).toMatchObject({ messageEn: expect.stringContaining('IDLE_LAND') });
    expectRefused((await takeStep(server, { caseId: id, version: rechecked.version, step: 'COUNTY_APPROVAL', povertyStandard: 'PROVINCIAL', assistanceClass: 'EDUCATION' })).data!.takeIdentificationStep, 'ValidationError', 'povertyStandard');
    expect(await snapshot()).toEqual(before);
  });

  it('lets the level of the step waited for reject, with its reason; the application stays on record, closed', async () => {
    clock.setToday('2021-09-01');
    const { id } = await apply(server);
    const reviewed = await runUntil(server, clock, id, '2021-09-01', 'VILLAGE_REVIEW');
    clock.setToday('2021-09-08');
    const before = await snapshot();
    const reject = (principal: typeof CALLERS[keyof typeof CALLERS], step: 'TOWNSHIP_REVIEW' | 'COUNTY_RECHECK', reason = '经乡镇审核，该户家庭成员经营企业并雇工') =>
      server.execute(RejectIdentification, { input: { caseId: id, version: reviewed.version, step, reason } }, { principal });
    expectRefused((await reject(ACTORS.VILLAGE, 'TOWNSHIP_REVIEW')).data!.rejectIdentificationApplication, 'ForbiddenError', 'step');
    expectRefused((await reject(ACTORS.COUNTY, 'COUNTY_RECHECK')).data!.rejectIdentificationApplication, 'RuleViolationError', 'step');
    expectRefused((await reject(ACTORS.TOWNSHIP, 'TOWNSHIP_REVIEW', ' ')).data!.rejectIdentificationApplication, 'ValidationError', 'reason');
    expect(await snapshot()).toEqual(before);

    const rejected = mustSucceed(await reject(ACTORS.TOWNSHIP, 'TOWNSHIP_REVIEW')).application;
    expect(rejected).toMatchObject({ state: 'CLOSED', outcome: 'REJECTED', step: 'VILLAGE_REVIEW', rejectedStep: 'TOWNSHIP_REVIEW', closedOn: '2021-09-08', nextSteps: [] });
    expect(rejected.rejectionReason).toContain('雇工');
    const after = await snapshot();
    expectRefused(
      (await takeStep(server, { caseId: id, version: rejected.version, step: 'TOWNSHIP_REVIEW', notice: { startDate: '2021-09-08', endDate: '2021-09-14', location: '镇' } })).data!.takeIdentificationStep,
      'RuleViolationError',
      'step',
    );
    expect(await snapshot()).toEqual(after);
    // Closed, the same person may apply again.
    const [{ id_number }] = await server.sql<{ id_number: string }>(`select id_number from identification_application where outcome = 'REJECTED' limit 1`);
    expect(await apply(server, applicationInput({ idNumber: id_number }))).toMatchObject({ outcome: 'OPEN' });
  });

  it('lets one of two concurrent steps of an application win; the other is a typed conflict and writes nothing', async () => {
    clock.setToday('2021-10-01');
    const { id } = await apply(server);
    const [{ n: stepsBefore }] = await server.sql<{ n: number }>('select count(*)::int as n from workflow_step');
    const results = await Promise.all([takeStep(server, { caseId: id, version: 1, step: 'GROUP_NOMINATION', note: 'A' }), takeStep(server, { caseId: id, version: 1, step: 'GROUP_NOMINATION', note: 'B' })]);
    const typenames = results.map((r) => r.data!.takeIdentificationStep.__typename).sort();
    expect(typenames).toEqual(['ConflictError', 'TakeIdentificationStepPayload']);
    expectRefused(results.find((r) => r.data!.takeIdentificationStep.__typename === 'ConflictError')!.data!.takeIdentificationStep, 'ConflictError', 'version');
    expect(await server.sql('select count(*)::int as n from workflow_step')).toEqual([{ n: stepsBefore + 1 }]);
    expect(await server.sql(`select version from workflow_case where id = ?`, [Number(Buffer.from(id, 'base64').toString().split(':')[1])])).toEqual([{ version: 2 }]);
  });
});
