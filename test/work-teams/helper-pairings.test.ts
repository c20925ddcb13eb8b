import { mustSucceed } from '@tuopin/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import { AREAS } from '../fixtures/areas.js';
import { registrationInput } from '../fixtures/households.js';
import { CALLERS } from '../fixtures/principals.js';
import { PairHelper, RecordVisit, WorkTeamStats } from './operations.js';
import { cadre, cadres, county, expectRefused, Register, server, useWorkTeamWorld } from './world.js';

/** Helpers paired with households: the cap by rank, under concurrency too, ending a pairing, and a household's move. */

useWorkTeamWorld();

describe('helpers paired with households', () => {
  let households: string[];

  beforeAll(async () => {
    households = [];
    for (let i = 0; i < 4; i += 1) {
      households.push(mustSucceed(await server.execute(Register, { input: registrationInput() }, county)).household.id);
    }
  });

  it('pairs up to the cap of the helper\'s rank and refuses the next household', async () => {
    const helper = await cadre('村干部甲', 'VILLAGE_CADRE');
    const village = { principal: CALLERS.villageAOfficer };
    const first = mustSucceed(await server.execute(PairHelper, { input: { cadreId: helper, householdId: households[0], startsOn: '2016-01-01' } }, village));
    expect(first.pairing).toMatchObject({ startsOn: '2016-01-01', cadre: { name: '村干部甲' } });
    mustSucceed(await server.execute(PairHelper, { input: { cadreId: helper, householdId: households[1] } }, village));
    // 湖南's cap for village cadres is 2 (保靖县's 1–2).
    await expectRefused(async () => (await server.execute(PairHelper, { input: { cadreId: helper, householdId: households[2] } }, village)).data!.pairHelper, 'RuleViolationError', 'cadreId');
    // A household has one helper at a time.
    const other = await cadre('科级干部乙', 'SECTION_LEVEL');
    await expectRefused(async () => (await server.execute(PairHelper, { input: { cadreId: other, householdId: households[0] } }, village)).data!.pairHelper, 'ConflictError', 'householdId');

    const { pairing } = mustSucceed(await server.execute(RecordVisit, { input: { pairingId: first.pairing.id, visitedOn: '2016-03-01', note: '了解春耕和就医情况' } }, village));
    expect(pairing.visits).toEqual([{ visitedOn: '2016-03-01', note: '了解春耕和就医情况' }]);
    await expectRefused(async () => (await server.execute(RecordVisit, { input: { pairingId: first.pairing.id, visitedOn: '2016-07-01', note: '未来' } }, village)).data!.recordHelperVisit, 'RuleViolationError', 'visitedOn');
    // A note pasted from a long report: longer than the column holds (2,000 characters) is refused on note, not an internal error.
    await expectRefused(async () => (await server.execute(RecordVisit, { input: { pairingId: first.pairing.id, visitedOn: '2016-03-02', note: '访'.repeat(2001) } }, village)).data!.recordHelperVisit, 'ValidationError', 'note');

    const stats = (await server.execute(WorkTeamStats, { code: AREAS.baojing, asOf: '2016-12-31' }, county)).data!.region!.stats.workTeams;
    expect(stats).toMatchObject({ households: 4, pairedHouseholds: 2, helperCoverage: 0.5, visits: 1 });
  });

  it('refuses a household outside the caller\'s area, and a cadre of another county', async () => {
    const helper = await cadre('科级干部丙', 'SECTION_LEVEL');
    const outsider = { principal: { ...CALLERS.villageAOfficer, id: 'test:village-c', areaScopes: [AREAS.villageC] } };
    await expectRefused(async () => (await server.execute(PairHelper, { input: { cadreId: helper, householdId: households[3] } }, outsider)).data!.pairHelper, 'NotFoundError', 'householdId');
  });

  it('ends a pairing once, and the household may then have another helper', async () => {
    const EndPairing = graphql(`
      mutation WtEndPairing($input: EndHelperPairingInput!) {
        endHelperPairing(input: $input) { __typename ... on EndHelperPairingPayload { pairing { endedOn } } ... on Error { code field messageZh messageEn } }
      }
    `);
    const helper = await cadre('村干部戊', 'VILLAGE_CADRE');
    const village = { principal: CALLERS.villageAOfficer };
    const pairings: string[] = [];
    for (const householdId of [households[2], households[3]]) {
      pairings.push(mustSucceed(await server.execute(PairHelper, { input: { cadreId: helper, householdId, startsOn: '2016-02-01' } }, village)).pairing.id);
    }
    await expectRefused(async () => (await server.execute(EndPairing, { input: { pairingId: pairings[0], endedOn: '2016-01-31' } }, village)).data!.endHelperPairing, 'RuleViolationError', 'endedOn');
    const ended = mustSucceed(await server.execute(EndPairing, { input: { pairingId: pairings[0], endedOn: '2016-06-01' } }, village));
    expect(ended.pairing.endedOn).toBe('2016-06-01');
    await expectRefused(async () => (await server.execute(EndPairing, { input: { pairingId: pairings[0], endedOn: '2016-06-02' } }, village)).data!.endHelperPairing, 'ConflictError', 'pairingId');
    // Below the cap again: the household whose pairing ended gets a new helper, this one another household.
    const other = await cadre('科级干部己', 'SECTION_LEVEL');
    mustSucceed(await server.execute(PairHelper, { input: { cadreId: other, householdId: households[2] } }, village));
  });

  it('moves a household\'s pairing and visits with it', async () => {
    const Move = graphql(`
      mutation WtMoveHousehold($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { __typename ... on Error { code field messageZh messageEn } } }
    `);
    mustSucceed(await server.execute(Move, { input: { id: households[0], villageCode: AREAS.villageB } }, county));
    const id = Number(Buffer.from(households[0], 'base64').toString().split(':')[1]);
    const rows = await server.sql<{ pairing: string; visit: string | null }>(
      'select p.village_code as pairing, v.village_code as visit from helper_pairing p left join helper_visit v on v.pairing_id = p.id where p.household_id = ?',
      [id],
    );
    expect(rows).toEqual([{ pairing: AREAS.villageB, visit: AREAS.villageB }]);
  });

  it('lets only as many concurrent pairings through as the cap allows', async () => {
    const helper = await cadre('村干部丁', 'VILLAGE_CADRE');
    const extra: string[] = [];
    for (let i = 0; i < 6; i += 1) extra.push(mustSucceed(await server.execute(Register, { input: registrationInput() }, county)).household.id);
    const results = await Promise.all(extra.map((householdId) => server.execute(PairHelper, { input: { cadreId: helper, householdId } }, county)));
    const outcomes = results.map((r) => `${r.data!.pairHelper.__typename}:${'field' in r.data!.pairHelper ? r.data!.pairHelper.field : ''}`);
    expect(outcomes.filter((o) => o.startsWith('PairHelperPayload'))).toHaveLength(2);
    expect(outcomes.filter((o) => o === 'RuleViolationError:cadreId')).toHaveLength(4);
    const [row] = await server.sql<{ n: string }>('select count(*) as n from helper_pairing p join cadre c on c.id = p.cadre_id where c.name = ?', ['村干部丁']);
    expect(row.n).toBe('2');
  });
});
