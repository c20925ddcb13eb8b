import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import { Demolish, Retain } from './fixtures/operations.js';
import { applyFor, approve, houseAndMoveIn } from './fixtures/relocation-flow.js';
import { CODES, insertAreas, PRINCIPALS, settingsWith, TestClock } from './fixtures/world.js';

/** 拆旧期限: `demolitionMonthsAfterMoveIn` (no national default) dates each household's deadline. */

const Deadline = graphql(`
  query RelocationDemolitionDeadline($id: ID!) {
    node(id: $id) { ... on RelocatedHousehold { moveInDate demolitionDueOn demolitionOverdue } }
  }
`);

const clock = new TestClock();
let withDeadline: TestServer;
let withoutDeadline: TestServer;

beforeAll(async () => {
  // 湖南 gives households of plan year 2016 six months after the move-in (2016-12-01 in the flow).
  withDeadline = await createTestServer({
    settings: settingsWith(clock, { provinces: { [CODES.hunan]: { years: { '2016': { demolitionMonthsAfterMoveIn: 6 } } } } }),
    principal: PRINCIPALS.baojingOfficer,
  });
  withoutDeadline = await createTestServer({ settings: settingsWith(clock), principal: PRINCIPALS.baojingOfficer });
  for (const server of [withDeadline, withoutDeadline]) await insertAreas(server);
});
afterAll(async () => {
  await withDeadline.close();
  await withoutDeadline.close();
});

async function movedIn(server: TestServer): Promise<string> {
  clock.setToday('2017-06-01');
  const id = await applyFor(server, {});
  await approve(server, id);
  await houseAndMoveIn(server, id, { floorArea: '90.00' });
  return id;
}

const deadlineOf = async (server: TestServer, id: string) => {
  const result = await server.execute(Deadline, { id });
  expect(result.errors).toBeUndefined();
  return result.data!.node;
};

describe('the demolition deadline', () => {
  it('is the move-in date plus the province\'s months, and overdue only after it', async () => {
    const id = await movedIn(withDeadline);
    clock.setToday('2017-06-01');
    expect(await deadlineOf(withDeadline, id)).toEqual({ moveInDate: '2016-12-01', demolitionDueOn: '2017-06-01', demolitionOverdue: false });
    clock.setToday('2017-06-02');
    expect(await deadlineOf(withDeadline, id)).toMatchObject({ demolitionDueOn: '2017-06-01', demolitionOverdue: true });
  });

  it('is no longer overdue once the old house is demolished, or kept with the county\'s approval', async () => {
    const demolished = await movedIn(withDeadline);
    const retained = await movedIn(withDeadline);
    clock.setToday('2017-07-01');
    expect(await deadlineOf(withDeadline, demolished)).toMatchObject({ demolitionOverdue: true });
    mustSucceed((await withDeadline.execute(Demolish, { input: { relocatedHouseholdId: demolished, oldHouseArea: '96.00', demolishedOn: '2017-06-20' } })).data?.recordOldHouseDemolition);
    expect(await deadlineOf(withDeadline, demolished)).toMatchObject({ demolitionDueOn: '2017-06-01', demolitionOverdue: false });
    mustSucceed(
      (await withDeadline.execute(Retain, { input: { relocatedHouseholdId: retained, reason: 'TRADITIONAL_VILLAGE', countyApprovalNo: '保发改〔2017〕12号', approvedOn: '2017-06-25' } })).data?.retainOldHouse,
    );
    expect(await deadlineOf(withDeadline, retained)).toMatchObject({ demolitionOverdue: false });
  });

  it('does not exist before the move-in, nor where the province sets no deadline', async () => {
    clock.setToday('2017-06-01');
    const applied = await applyFor(withDeadline, {});
    expect(await deadlineOf(withDeadline, applied)).toEqual({ moveInDate: null, demolitionDueOn: null, demolitionOverdue: false });
    const elsewhere = await movedIn(withoutDeadline);
    clock.setToday('2030-01-01');
    expect(await deadlineOf(withoutDeadline, elsewhere)).toEqual({ moveInDate: '2016-12-01', demolitionDueOn: null, demolitionOverdue: false });
  });
});
