import type { Principal } from '@tuopin/core';
import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddSupport, Demolish, Reclaim, Retain } from './fixtures/operations.js';
import { applyFor, approve, houseAndMoveIn, snapshot } from './fixtures/relocation-flow.js';
import { insertAreas, PRINCIPALS, settingsWith, TestClock } from './fixtures/world.js';

/** 拆旧复垦 and 后续扶持 (rule 4): each refusal typed, naming the field, and writing nothing. */

const clock = new TestClock();
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({ settings: settingsWith(clock), principal: PRINCIPALS.baojingOfficer });
  await insertAreas(server);
});
afterAll(() => server.close());

type Outcome = { __typename?: string; field?: string | null; messageZh?: string; messageEn?: string } | null | undefined;

async function expectRefused(run: () => Promise<Outcome>, typename: string, field: string): Promise<Outcome> {
  const before = await snapshot(server);
  const outcome = await run();
  expect(outcome).toMatchObject({ __typename: typename, field });
  expect(outcome?.messageZh).toMatch(/[\u4e00-\u9fff]/);
  expect(outcome?.messageEn).toMatch(/[a-z]/);
  expect(await snapshot(server)).toBe(before);
  return outcome;
}

const demolish = async (id: string, principal: Principal = PRINCIPALS.baojingOfficer) =>
  (await server.execute(Demolish, { input: { relocatedHouseholdId: id, oldHouseArea: '96.00', demolishedOn: '2017-03-01' } }, { principal })).data?.recordOldHouseDemolition;
const retain = async (input: Record<string, unknown>, principal: Principal = PRINCIPALS.baojingOfficer) =>
  (await server.execute(Retain, { input: input as never }, { principal })).data?.retainOldHouse;
const reclaim = async (id: string) =>
  (await server.execute(Reclaim, { input: { relocatedHouseholdId: id, reclaimedAreaMu: '0.35', kind: 'ARABLE', landQuotaMu: '0.30', reclaimedOn: '2017-05-01' } })).data?.recordLandReclamation;

/** A scattered household that has moved in. */
async function movedIn(): Promise<string> {
  const id = await applyFor(server, {});
  await approve(server, id);
  await houseAndMoveIn(server, id, { floorArea: '90.00' });
  return id;
}

describe('demolition and reclamation', () => {
  it('refuses a demolition without an agreement, and before the move in', async () => {
    const applied = await applyFor(server, {});
    const noAgreement = await expectRefused(() => demolish(applied), 'RuleViolationError', 'agreementDate');
    expect(noAgreement?.messageEn).toBe('No demolition agreement was signed; the demolition cannot be recorded');
    await approve(server, applied);
    await expectRefused(() => demolish(applied), 'RuleViolationError', 'demolishedOn');
  });

  it('records the demolition after the move in, then the reclamation, and refuses a second demolition', async () => {
    const id = await movedIn();
    expect(mustSucceed(await demolish(id)).relocatedHousehold).toMatchObject({ status: 'DEMOLISHED', demolishedOn: '2017-03-01', oldHouseArea: '96.00' });
    await expectRefused(() => demolish(id), 'RuleViolationError', 'relocatedHouseholdId');
    expect(mustSucceed(await reclaim(id)).relocatedHousehold).toMatchObject({ status: 'RECLAIMED', reclaimedAreaMu: '0.35', reclamationKind: 'ARABLE', landQuotaMu: '0.30' });
  });

  it('refuses a reclamation before the demolition', async () => {
    const id = await movedIn();
    await expectRefused(() => reclaim(id), 'RuleViolationError', 'relocatedHouseholdId');
  });
});

describe('retention: three reasons, the county\'s approval', () => {
  const approval = { countyApprovalNo: '保发改〔2017〕12号', approvedOn: '2017-02-01' };

  it('refuses a retention without one of the three reasons', async () => {
    const id = await movedIn();
    const refused = await expectRefused(() => retain({ relocatedHouseholdId: id, ...approval }), 'ValidationError', 'reason');
    expect(refused?.messageEn).toContain('only in a protected traditional village, in an ethnic-featured village, or when joined to a neighbour');
  });

  it('refuses a retention without the county\'s approval', async () => {
    const id = await movedIn();
    await expectRefused(() => retain({ relocatedHouseholdId: id, reason: 'TRADITIONAL_VILLAGE', approvedOn: '2017-02-01' }), 'ValidationError', 'countyApprovalNo');
    await expectRefused(() => retain({ relocatedHouseholdId: id, reason: 'TRADITIONAL_VILLAGE', countyApprovalNo: approval.countyApprovalNo }), 'ValidationError', 'approvedOn');
  });

  it('refuses a retention recorded below the county, and before the move in', async () => {
    const id = await movedIn();
    await expectRefused(() => retain({ relocatedHouseholdId: id, reason: 'ETHNIC_VILLAGE', ...approval }, PRINCIPALS.qianlingOfficer), 'ForbiddenError', 'countyApprovalNo');
    const housedOnly = await applyFor(server, {});
    await approve(server, housedOnly);
    await expectRefused(() => retain({ relocatedHouseholdId: housedOnly, reason: 'ETHNIC_VILLAGE', ...approval }), 'RuleViolationError', 'relocatedHouseholdId');
  });

  it('keeps a house joined to a neighbour\'s with the county\'s approval; its land is then not reclaimed', async () => {
    const id = await movedIn();
    const { relocatedHousehold } = mustSucceed(await retain({ relocatedHouseholdId: id, reason: 'JOINED_TO_NEIGHBOUR', ...approval }));
    expect(relocatedHousehold).toMatchObject({ status: 'RETAINED', retentionReason: 'JOINED_TO_NEIGHBOUR', retentionApprovalNo: approval.countyApprovalNo });
    await expectRefused(() => reclaim(id), 'RuleViolationError', 'relocatedHouseholdId');
    await expectRefused(() => demolish(id), 'RuleViolationError', 'relocatedHouseholdId');
  });
});

describe('follow-up support', () => {
  const support = async (input: Record<string, unknown>) => (await server.execute(AddSupport, { input: { note: '安置点扶贫车间务工', startedOn: '2017-01-10', ...input } as never })).data?.addRelocationSupport;

  it('starts once the household has moved in', async () => {
    const id = await applyFor(server, {});
    await expectRefused(() => support({ relocatedHouseholdId: id, kind: 'EMPLOYMENT', people: 1 }), 'RuleViolationError', 'relocatedHouseholdId');
  });

  it('records employment of at least one and at most the people moved', async () => {
    const id = await movedIn();
    await expectRefused(() => support({ relocatedHouseholdId: id, kind: 'EMPLOYMENT', people: 0 }), 'ValidationError', 'people');
    await expectRefused(() => support({ relocatedHouseholdId: id, kind: 'EMPLOYMENT', people: 5 }), 'RuleViolationError', 'people');
    expect(mustSucceed(await support({ relocatedHouseholdId: id, kind: 'EMPLOYMENT', people: 2 })).support).toMatchObject({ kind: 'EMPLOYMENT', people: 2 });
    expect(mustSucceed(await support({ relocatedHouseholdId: id, kind: 'SCHOOLING', note: '子女就近入学' })).support).toMatchObject({ kind: 'SCHOOLING', people: 0 });
  });
});
