import { buildPlatform, corePlugin, PluginConfigurationError, type Principal } from '@tuopin/core';
import { createTestServer, documentOf, mustSucceed, TEST_REGISTRAR, type TestServer } from '@tuopin/testing';
import { isEnumType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAreas } from '../fixtures/areas.js';
import { globalId, registrationInput } from '../fixtures/households.js';
import { ACTORS, openCase, stepOk, throughVillageNotice } from '../fixtures/monitoring.js';
import { makeNotesPlugin } from '../fixtures/notes-plugin.js';
import { RegisterHousehold } from '../fixtures/operations.js';
import { CALLERS } from '../fixtures/principals.js';
import { settingsWith, TestClock } from '../fixtures/projects.js';

/**
 * Measures of help (帮扶措施) and the contract by which a plugin adds its own kinds of measure and
 * links a measure to its record: the notes fixture declares a follow-up visit recorded as a note.
 */
const RecordMeasure = documentOf(`mutation($input: RecordMonitoringMeasureInput!) { recordMonitoringMeasure(input: $input) { __typename
  ... on RecordMonitoringMeasurePayload { monitoringCase { measures { measureType memberId description amount startedOn carriedOutOn recordId } } }
  ... on Error { code field messageEn } } }`);
const AddNote = documentOf(`mutation($input: AddNoteInput!) { addNote(input: $input) { __typename ... on AddNotePayload { note { id } } } }`);

const clock = new TestClock(new Date('2021-03-01T02:00:00Z'));
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({ plugins: [makeNotesPlugin()], settings: settingsWith(clock) });
  await insertAreas(server);
});
afterAll(() => server.close());

async function household(overrides = {}) {
  return mustSucceed(await server.execute(RegisterHousehold, { input: registrationInput({ status: 'EXITED', exitYear: 2019, ...overrides }) }, { principal: TEST_REGISTRAR })).household;
}

async function identifiedCase(householdId: string) {
  clock.setToday('2021-03-01');
  const opened = await openCase(server, { category: 'UNSTABLE_EXITED', householdId, riskTypes: ['ILLNESS'], leadSource: 'CADRE_VISIT', leadDate: '2021-03-01', income12Months: '9000.00' });
  const noticed = await throughVillageNotice(server, clock, opened.id, '2021-03-01', '2021-03-02');
  clock.setToday('2021-03-08');
  const reviewed = await stepOk(server, { caseId: opened.id, version: noticed.version, step: 'TOWNSHIP_REVIEW' });
  const decided = await stepOk(server, { caseId: opened.id, version: reviewed.version, step: 'COUNTY_DECISION', decision: 'IDENTIFIED' });
  await stepOk(server, { caseId: opened.id, version: decided.version, step: 'ENTERED' });
  return opened;
}

const note = async (householdId: string) => mustSucceed(await server.execute(AddNote, { input: { householdId, text: '回访：已住院治疗' } }, { principal: ACTORS.VILLAGE })).note;

describe('measures of help', () => {
  it('records core\'s measures and a plugin\'s, linked to the plugin\'s record of the same household', async () => {
    const home = await household();
    const kase = await identifiedCase(home.id);
    const visit = await note(home.id);
    const relief = await server.execute(RecordMeasure, {
      input: { caseId: kase.id, measureType: 'TEMPORARY_RELIEF', description: '临时救助', amount: '20000.00', startedOn: '2021-03-08', carriedOutOn: '2021-03-08' },
    }, { principal: ACTORS.VILLAGE });
    mustSucceed(relief);
    const linked = mustSucceed(await server.execute(RecordMeasure, {
      input: { caseId: kase.id, measureType: 'NOTES_FOLLOW_UP_VISIT', memberId: home.members[1].id, description: '每月回访', startedOn: '2021-03-08', recordId: visit.id },
    }, { principal: ACTORS.VILLAGE }));
    expect(linked.monitoringCase.measures).toEqual([
      { measureType: 'TEMPORARY_RELIEF', memberId: null, description: '临时救助', amount: '20000.00', startedOn: '2021-03-08', carriedOutOn: '2021-03-08', recordId: null },
      { measureType: 'NOTES_FOLLOW_UP_VISIT', memberId: home.members[1].id, description: '每月回访', amount: null, startedOn: '2021-03-08', carriedOutOn: null, recordId: visit.id },
    ]);
  });

  it('refuses a record of another type or household, a record on a type without one, an undecided case, the wrong level, writing nothing', async () => {
    const home = await household();
    const other = await household();
    const kase = await identifiedCase(home.id);
    const othersNote = await note(other.id);
    clock.setToday('2021-03-09');
    const undecided = await openCase(server, { category: 'UNSTABLE_EXITED', householdId: other.id, riskTypes: ['ILLNESS'], leadSource: 'CADRE_VISIT', leadDate: '2021-03-09', income12Months: '9000.00' });
    const base = { caseId: kase.id, measureType: 'NOTES_FOLLOW_UP_VISIT', description: '回访', startedOn: '2021-03-09' };
    const snapshot = async () => [await server.sql('select * from monitoring_measure order by id'), await server.sql('select count(*)::int as n from audit_log')];
    const before = await snapshot();
    const refusals: [Record<string, unknown>, string, string, Principal?][] = [
      [{ ...base, recordId: othersNote.id }, 'RuleViolationError', 'recordId'],
      [{ ...base, recordId: home.id }, 'ValidationError', 'recordId'],
      [{ ...base, recordId: globalId('Note', 999999) }, 'NotFoundError', 'recordId'],
      [{ ...base, measureType: 'TEMPORARY_RELIEF', recordId: othersNote.id }, 'ValidationError', 'recordId'],
      [{ ...base, memberId: other.members[0].id }, 'NotFoundError', 'memberId'],
      [{ ...base, caseId: undecided.id }, 'RuleViolationError', 'caseId'],
      [{ ...base, startedOn: '2021-03-10' }, 'ValidationError', 'startedOn'],
      // Before the case's lead (2021-03-01): a slip of the keyboard, 1921 for 2021.
      [{ ...base, startedOn: '1921-03-09' }, 'ValidationError', 'startedOn'],
      [base, 'ForbiddenError', 'caseId', ACTORS.COUNTY],
    ];
    for (const [input, typename, field, principal] of refusals) {
      const result = await server.execute(RecordMeasure, { input }, { principal: principal ?? ACTORS.VILLAGE });
      expect(result.data.recordMonitoringMeasure, JSON.stringify(input)).toMatchObject({ __typename: typename, field });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('hides from masked roles whom a health measure helps and what it is, and shows officers both', async () => {
    const home = await household();
    const kase = await identifiedCase(home.id);
    const ill = home.members[1].id;
    mustSucceed(await server.execute(RecordMeasure, {
      input: { caseId: kase.id, measureType: 'HEALTH', memberId: ill, description: '慢性病家庭医生签约，门诊慢特病报销', startedOn: '2021-03-08' },
    }, { principal: ACTORS.VILLAGE }));
    mustSucceed(await server.execute(RecordMeasure, {
      input: { caseId: kase.id, measureType: 'EMPLOYMENT', memberId: home.members[0].id, description: '公益岗位', startedOn: '2021-03-08' },
    }, { principal: ACTORS.VILLAGE }));
    const Measures = documentOf(`query($id: ID!) { node(id: $id) { ... on MonitoringCase { measures { measureType memberId description } } } }`);
    const seen = async (principal: Principal) => {
      const result = await server.execute(Measures, { id: kase.id }, { principal });
      expect(result.errors).toBeUndefined();
      return (result.data.node as { measures: unknown[] }).measures;
    };
    // Member.health is masked for administrators: a health measure naming the member, or saying what it treats, would tell it.
    expect(await seen(CALLERS.nationalAdmin)).toEqual([
      { measureType: 'HEALTH', memberId: null, description: '***' },
      { measureType: 'EMPLOYMENT', memberId: home.members[0].id, description: '公益岗位' },
    ]);
    expect(await seen(ACTORS.VILLAGE)).toEqual([
      { measureType: 'HEALTH', memberId: ill, description: '慢性病家庭医生签约，门诊慢特病报销' },
      { measureType: 'EMPLOYMENT', memberId: home.members[0].id, description: '公益岗位' },
    ]);
  });

  it('lists a plugin\'s measure types only where the plugin runs, and refuses one outside its namespace', () => {
    const values = (platform: ReturnType<typeof buildPlatform>) => {
      const type = platform.schema.getType('MonitoringMeasureType');
      return isEnumType(type) ? type.getValues().map((value) => value.name) : [];
    };
    expect(values(server.platform)).toContain('NOTES_FOLLOW_UP_VISIT');
    expect(values(buildPlatform({ plugins: [corePlugin] }))).not.toContain('NOTES_FOLLOW_UP_VISIT');
    expect(values(buildPlatform({ plugins: [corePlugin] }))).toContain('TEMPORARY_RELIEF');
    const stray = makeNotesPlugin({ measureTypes: [{ name: 'FOLLOW_UP', title: '回访 Follow-up' }] });
    expect(() => buildPlatform({ plugins: [corePlugin, stray] })).toThrowError(PluginConfigurationError);
    expect(() => buildPlatform({ plugins: [corePlugin, stray] })).toThrowError(/measure type 'FOLLOW_UP' must be upper case and start with 'NOTES_'/);
  });
});

const Propose = documentOf(`mutation($input: ProposeRiskEliminationInput!) { proposeRiskElimination(input: $input) { __typename
  ... on ProposeRiskEliminationPayload { riskElimination { id step version state monitoringCase { eliminatedOn } } }
  ... on Error { code field messageEn } } }`);
const TakeElimination = documentOf(`mutation($input: TakeRiskEliminationStepInput!) { takeRiskEliminationStep(input: $input) { __typename
  ... on TakeRiskEliminationStepPayload { riskElimination { step version state history { step takenRole } monitoringCase { eliminatedOn } } }
  ... on Error { code field messageEn } } }`);

describe('risk elimination (风险消除)', () => {
  const findings = { incomeStable: true, rigidSpendingResolved: true, assurancesSecured: true };
  const relief = (caseId: string, carriedOutOn: string | null) =>
    server.execute(RecordMeasure, { input: { caseId, measureType: 'EMPLOYMENT', description: '公益岗位', startedOn: '2021-03-08', carriedOutOn } }, { principal: ACTORS.VILLAGE });

  it('ends a monitored household\'s risk after six months and a measure carried out, through the village, its notice, the township and the county', async () => {
    const home = await household();
    const kase = await identifiedCase(home.id);
    clock.setToday('2021-04-01');
    mustSucceed(await relief(kase.id, '2021-04-01'));
    clock.setToday('2021-09-10');
    const proposed = mustSucceed(await server.execute(Propose, { input: { monitoringCaseId: kase.id, ...findings } }, { principal: ACTORS.VILLAGE })).riskElimination;
    expect(proposed).toMatchObject({ step: 'VILLAGE_ASSESSMENT', version: 1, state: 'OPEN', monitoringCase: { eliminatedOn: null } });
    const take = async (step: string, version: number, principal: Principal, extra = {}) =>
      mustSucceed(await server.execute(TakeElimination, { input: { caseId: proposed.id, version, step, ...extra } }, { principal })).riskElimination;
    await take('VILLAGE_NOTICE', 1, ACTORS.VILLAGE, { notice: { startDate: '2021-09-10', endDate: '2021-09-14', location: '村委会公示栏' } });
    clock.setToday('2021-09-15');
    await take('TOWNSHIP_REVIEW', 2, ACTORS.TOWNSHIP);
    const done = await take('COUNTY_DECISION', 3, ACTORS.COUNTY);
    expect(done).toMatchObject({ state: 'COMPLETED', monitoringCase: { eliminatedOn: '2021-09-15' } });
    expect(done.history.map((s: { takenRole: string }) => s.takenRole)).toEqual(['VILLAGE_OFFICER', 'VILLAGE_OFFICER', 'TOWNSHIP_OFFICER', 'COUNTY_OFFICER']);
    // The record stays; no more measures, and no second elimination.
    expect((await relief(kase.id, null)).data.recordMonitoringMeasure).toMatchObject({ __typename: 'RuleViolationError', field: 'caseId' });
    expect((await server.execute(Propose, { input: { monitoringCaseId: kase.id, ...findings } }, { principal: ACTORS.VILLAGE })).data.proposeRiskElimination).toMatchObject({
      __typename: 'RuleViolationError',
      field: 'monitoringCaseId',
    });
  });

  it('refuses too soon, without a measure carried out, a finding not met, a household without labour, the wrong level, writing nothing', async () => {
    const home = await household();
    const kase = await identifiedCase(home.id);
    const idle = await household({ members: registrationInput().members.map((member) => ({ ...member, labourAbility: 'NONE' })) });
    const idleCase = await identifiedCase(idle.id);
    mustSucceed(await relief(idleCase.id, '2021-03-08'));
    mustSucceed(await relief(kase.id, null));
    clock.setToday('2021-09-01');
    const snapshot = async () => [await server.sql('select * from workflow_case order by id'), await server.sql('select * from monitoring_elimination'), await server.sql('select count(*)::int as n from audit_log')];
    const before = await snapshot();
    const refusals: [Record<string, unknown>, string, string, Principal?][] = [
      [{ monitoringCaseId: kase.id, ...findings }, 'RuleViolationError', 'monitoringCaseId'],
      [{ monitoringCaseId: kase.id, ...findings, date: '2021-09-08' }, 'ValidationError', 'date'],
      [{ monitoringCaseId: idleCase.id, ...findings }, 'RuleViolationError', 'monitoringCaseId'],
      [{ monitoringCaseId: kase.id, ...findings, incomeStable: false }, 'ValidationError', 'incomeStable'],
      [{ monitoringCaseId: kase.id, ...findings, assurancesSecured: false }, 'ValidationError', 'assurancesSecured'],
      [{ monitoringCaseId: kase.id, ...findings }, 'ForbiddenError', 'monitoringCaseId', ACTORS.COUNTY],
    ];
    for (const [input, typename, field, principal] of refusals) {
      const result = await server.execute(Propose, { input }, { principal: principal ?? ACTORS.VILLAGE });
      expect(result.data.proposeRiskElimination, JSON.stringify(input)).toMatchObject({ __typename: typename, field });
    }
    clock.setToday('2021-09-20');
    // Six months have passed, but the only measure is not carried out yet.
    expect((await server.execute(Propose, { input: { monitoringCaseId: kase.id, ...findings } }, { principal: ACTORS.VILLAGE })).data.proposeRiskElimination).toMatchObject({
      __typename: 'RuleViolationError',
      field: 'monitoringCaseId',
    });
    expect(await snapshot()).toEqual(before);
  });
});
