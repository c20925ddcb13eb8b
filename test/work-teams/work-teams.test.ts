import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import type { DispatchWorkTeamInput } from '../../schema/generated/graphql.js';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { registrationInput } from '../fixtures/households.js';
import { CALLERS } from '../fixtures/principals.js';
import { settingsWith, TestClock } from '../fixtures/projects.js';
import { AssessCadre, CreateDispatchUnit, DispatchWorkTeam, PairHelper, RecallCadre, RecordLeave, RecordTeamDays, RecordVisit, RegisterCadre, WorkTeamStats } from './operations.js';

/**
 * Work teams and paired cadres through GraphQL: the county dispatches a team, the township and
 * village record its days, leave and visits, helpers are paired up to their rank's cap, and every
 * refusal is a typed error naming the field, with nothing written.
 */
const clock = new TestClock(new Date('2016-06-15T02:00:00Z'));
const county = { principal: CALLERS.baojingOfficer };
let server: TestServer;
let unitId: string;
const cadres: string[] = [];
let teamId: string;
let firstSecretaryMembership: string;

const Register = graphql(`
  mutation WtRegisterHousehold($input: RegisterHouseholdInput!) {
    registerHousehold(input: $input) { __typename ... on RegisterHouseholdPayload { household { id } } ... on Error { code field messageZh messageEn } }
  }
`);

async function cadre(name: string, rank: 'SECTION_LEVEL' | 'STAFF' | 'VILLAGE_CADRE' = 'STAFF'): Promise<string> {
  const phone = `139${String(cadres.length + 10_000_000).padStart(8, '0')}`;
  const { cadre } = mustSucceed(await server.execute(RegisterCadre, { input: { name, phone, rank, unitId, countyCode: AREAS.baojing } }, county));
  cadres.push(cadre.id);
  return cadre.id;
}

function teamInput(members: DispatchWorkTeamInput['members'], overrides: Partial<DispatchWorkTeamInput> = {}): DispatchWorkTeamInput {
  return {
    name: '县扶贫办驻甲村工作队',
    unitId,
    countyCode: AREAS.baojing,
    startsOn: '2015-04-01',
    endsOn: '2018-03-31',
    villages: [
      { villageCode: AREAS.villageA, role: 'BUILD' },
      { villageCode: AREAS.villageC, role: 'HELP' },
    ],
    members,
    ...overrides,
  };
}

/** Row counts of every work-team table: a refusal leaves them all as they were. */
async function written(): Promise<Record<string, string>> {
  const [row] = await server.sql<Record<string, string>>(
    `select (select count(*) from work_team) as teams, (select count(*) from work_team_membership) as memberships,
            (select count(*) from work_team_days) as days, (select sum(days) from work_team_days) as day_total,
            (select count(*) from work_team_leave) as leaves, (select count(*) from work_team_assessment) as assessments,
            (select count(*) from helper_pairing) as pairings, (select count(*) from helper_visit) as visits,
            (select count(*) from cadre) as cadres, (select count(*) from dispatch_unit) as units`,
  );
  return row;
}

async function expectRefused<T extends { __typename?: string; field?: string | null }>(run: () => Promise<T>, typename: string, field: string) {
  const before = await written();
  const outcome = await run();
  expect(outcome).toMatchObject({ __typename: typename, field });
  expect((outcome as { messageZh?: string }).messageZh).toMatch(/\p{Script=Han}/u);
  expect((outcome as { messageEn?: string }).messageEn).toMatch(/[A-Za-z]/);
  expect(await written()).toEqual(before);
}

beforeAll(async () => {
  server = await createTestServer({ settings: settingsWith(clock) });
  await insertAreas(server);
  unitId = mustSucceed(await server.execute(CreateDispatchUnit, { input: { name: '保靖县扶贫开发办', level: 'COUNTY', areaCode: AREAS.baojing } }, county)).unit.id;
  for (const name of ['向第一', '彭队长', '田队员', '龙队员', '石队员']) await cadre(name);
  const { team } = mustSucceed(
    await server.execute(
      DispatchWorkTeam,
      {
        input: teamInput([
          { cadreId: cadres[0], role: 'FIRST_SECRETARY', villageCode: AREAS.villageA },
          { cadreId: cadres[1], role: 'LEADER' },
          { cadreId: cadres[2], role: 'MEMBER' },
        ]),
      },
      county,
    ),
  );
  teamId = team.id;
  firstSecretaryMembership = team.members[0].id;
}, 120_000);
afterAll(() => server.close());

describe('dispatching a work team', () => {
  it('records the team, its villages and members, and counts it in the county, its townships and the year', async () => {
    const { region } = (await server.execute(WorkTeamStats, { code: AREAS.baojing }, county)).data!;
    expect(region!.stats.workTeams).toMatchObject({
      asOf: null,
      teams: 1,
      cadres: 3,
      firstSecretaries: 1,
      byUnitLevel: [{ level: 'COUNTY', teams: 1, cadres: 3 }],
      povertyVillages: 2,
      coveredPovertyVillages: 2,
      villageCoverage: 1,
    });
    const township = (await server.execute(WorkTeamStats, { code: AREAS.qianling, asOf: '2016-12-31' }, county)).data!.region!.stats.workTeams;
    expect(township).toMatchObject({ teams: 1, cadres: 3, povertyVillages: 1, coveredPovertyVillages: 1 });
    const before = (await server.execute(WorkTeamStats, { code: AREAS.baojing, asOf: '2014-12-31' }, county)).data!.region!.stats.workTeams;
    expect(before).toMatchObject({ teams: 0, cadres: 0, coveredPovertyVillages: 0, villageCoverage: 0 });
  });

  it('refuses a term that ends before it starts', async () => {
    await expectRefused(
      async () =>
        (await server.execute(DispatchWorkTeam, { input: teamInput([{ cadreId: cadres[3], role: 'MEMBER' }], { startsOn: '2016-01-01', endsOn: '2015-12-31' }) }, county)).data!
          .dispatchWorkTeam,
      'ValidationError',
      'endsOn',
    );
  });

  it('refuses a team below the minimum size, or a term shorter than the minimum', async () => {
    // 湖南's minimum is 2 (保靖县's provincial teams had two cadres each); the national one is 3.
    const one = [{ cadreId: cadres[3], role: 'LEADER' as const }];
    await expectRefused(async () => (await server.execute(DispatchWorkTeam, { input: teamInput(one, { startsOn: '2019-01-01', endsOn: '2021-12-31' }) }, county)).data!.dispatchWorkTeam, 'RuleViolationError', 'members');
    const three = [...one, { cadreId: cadres[4], role: 'MEMBER' as const }, { cadreId: cadres[2], role: 'MEMBER' as const }];
    await expectRefused(async () => (await server.execute(DispatchWorkTeam, { input: teamInput(three, { startsOn: '2019-01-01', endsOn: '2020-12-30' }) }, county)).data!.dispatchWorkTeam, 'RuleViolationError', 'endsOn');
  });

  it('refuses a cadre on two active teams, and first secretary of a second village', async () => {
    const later = { name: '州直驻丙村工作队', startsOn: '2016-01-01', endsOn: '2018-12-31', villages: [{ villageCode: AREAS.villageC, role: 'BUILD' as const }] };
    await expectRefused(
      async () =>
        (
          await server.execute(
            DispatchWorkTeam,
            { input: teamInput([{ cadreId: cadres[3], role: 'LEADER' }, { cadreId: cadres[4], role: 'MEMBER' }, { cadreId: cadres[2], role: 'MEMBER' }], later) },
            county,
          )
        ).data!.dispatchWorkTeam,
      'ConflictError',
      'members[2].cadreId',
    );
    // The first secretary of 甲村 named first secretary of 丙村 as well.
    await expectRefused(
      async () =>
        (
          await server.execute(
            DispatchWorkTeam,
            { input: teamInput([{ cadreId: cadres[0], role: 'FIRST_SECRETARY', villageCode: AREAS.villageC }, { cadreId: cadres[3], role: 'LEADER' }, { cadreId: cadres[4], role: 'MEMBER' }], later) },
            county,
          )
        ).data!.dispatchWorkTeam,
      'ConflictError',
      'members[0].cadreId',
    );
  });

  it('refuses a second first secretary of a village, and a village the registry does not hold', async () => {
    const later = { name: '第二支工作队', startsOn: '2016-01-01', endsOn: '2018-12-31' };
    await expectRefused(
      async () =>
        (
          await server.execute(
            DispatchWorkTeam,
            { input: teamInput([{ cadreId: cadres[3], role: 'FIRST_SECRETARY', villageCode: AREAS.villageA }, { cadreId: cadres[4], role: 'MEMBER' }], later) },
            county,
          )
        ).data!.dispatchWorkTeam,
      'ConflictError',
      'members[0].villageCode',
    );
    const nowhere = await server.execute(
      DispatchWorkTeam,
      { input: teamInput([{ cadreId: cadres[3], role: 'LEADER' }, { cadreId: cadres[4], role: 'MEMBER' }], { ...later, villages: [{ villageCode: '433125100299', role: 'BUILD' }] }) },
      county,
    );
    expect(nowhere.data!.dispatchWorkTeam).toMatchObject({ __typename: 'ValidationError', issues: [{ field: 'villages[0].villageCode' }] });
  });

  it('refuses a county outside the caller\'s area, and a caller who does not dispatch', async () => {
    const input = teamInput([{ cadreId: cadres[3], role: 'LEADER' }, { cadreId: cadres[4], role: 'MEMBER' }, { cadreId: cadres[2], role: 'MEMBER' }], { startsOn: '2019-01-01', endsOn: '2021-12-31' });
    await expectRefused(async () => (await server.execute(DispatchWorkTeam, { input }, { principal: CALLERS.liaoningOfficer })).data!.dispatchWorkTeam, 'ForbiddenError', 'countyCode');
    await expectRefused(async () => (await server.execute(DispatchWorkTeam, { input }, { principal: CALLERS.qianlingOfficer })).data!.dispatchWorkTeam, 'ForbiddenError', null as unknown as string);
  });

  it('lets exactly one of concurrent dispatches of the same cadre win', async () => {
    const fresh = await cadre('麻队员');
    const others = [await cadre('吴队员'), await cadre('梁队员')];
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        server.execute(
          DispatchWorkTeam,
          {
            input: teamInput([{ cadreId: fresh, role: 'LEADER' }, { cadreId: others[0], role: 'MEMBER' }, { cadreId: others[1], role: 'MEMBER' }], {
              name: `并发工作队${i}`,
              startsOn: '2019-01-01',
              endsOn: '2021-12-31',
              villages: [{ villageCode: AREAS.villageB, role: 'BUILD' }],
            }),
          },
          county,
        ),
      ),
    );
    const outcomes = results.map((r) => r.data!.dispatchWorkTeam.__typename);
    expect(outcomes.filter((t) => t === 'DispatchWorkTeamPayload')).toHaveLength(1);
    expect(outcomes.filter((t) => t === 'ConflictError')).toHaveLength(7);
    const [row] = await server.sql<{ n: string }>(`select count(*) as n from work_team where name like '并发工作队%'`);
    expect(row.n).toBe('1');
  });
});

describe('days in the village, leave, assessment and recall', () => {
  it('records days by month and refuses more days than the month has', async () => {
    const township = { principal: CALLERS.qianlingOfficer };
    mustSucceed(await server.execute(RecordTeamDays, { input: { teamId, year: 2016, month: 1, days: 20 } }, township));
    const { team } = mustSucceed(await server.execute(RecordTeamDays, { input: { teamId, year: 2016, month: 2, days: 29 } }, township));
    expect(team.daysInVillage).toBe(49);
    await expectRefused(async () => (await server.execute(RecordTeamDays, { input: { teamId, year: 2015, month: 2, days: 29 } }, township)).data!.recordTeamDays, 'ValidationError', 'days');
    await expectRefused(async () => (await server.execute(RecordTeamDays, { input: { teamId, year: 2015, month: 1, days: 10 } }, township)).data!.recordTeamDays, 'RuleViolationError', 'month');
    // A village officer of 乙村 (no village of the team) does not see it.
    const other = { principal: { ...CALLERS.villageAOfficer, id: 'test:village-b', areaScopes: [AREAS.villageB] } };
    await expectRefused(async () => (await server.execute(RecordTeamDays, { input: { teamId, year: 2016, month: 3, days: 5 } }, other)).data!.recordTeamDays, 'NotFoundError', 'teamId');
    const stats = (await server.execute(WorkTeamStats, { code: AREAS.baojing, asOf: '2016-12-31' }, county)).data!.region!.stats.workTeams;
    expect(stats.daysInVillage).toBe(49);
  });

  it('records leave with its approver, and refuses leave that ends before it starts', async () => {
    const village = { principal: CALLERS.villageAOfficer };
    const { membership } = mustSucceed(
      await server.execute(RecordLeave, { input: { membershipId: firstSecretaryMembership, startsOn: '2016-05-03', endsOn: '2016-05-05', reason: '家中有事', approver: '迁陵镇党委书记' } }, village),
    );
    expect(membership.leaves).toEqual([{ startsOn: '2016-05-03', endsOn: '2016-05-05', approver: '迁陵镇党委书记' }]);
    await expectRefused(
      async () => (await server.execute(RecordLeave, { input: { membershipId: firstSecretaryMembership, startsOn: '2016-05-05', endsOn: '2016-05-03', reason: '事', approver: '书记' } }, village)).data!.recordCadreLeave,
      'ValidationError',
      'endsOn',
    );
  });

  it('assesses once a year, by the county only', async () => {
    const { membership } = mustSucceed(await server.execute(AssessCadre, { input: { membershipId: firstSecretaryMembership, year: 2015, grade: 'EXCELLENT' } }, county));
    expect(membership.assessments).toEqual([{ year: 2015, grade: 'EXCELLENT' }]);
    await expectRefused(async () => (await server.execute(AssessCadre, { input: { membershipId: firstSecretaryMembership, year: 2015, grade: 'COMPETENT' } }, county)).data!.assessCadre, 'ConflictError', 'year');
    await expectRefused(async () => (await server.execute(AssessCadre, { input: { membershipId: firstSecretaryMembership, year: 2016, grade: 'COMPETENT' } }, { principal: CALLERS.qianlingOfficer })).data!.assessCadre, 'ForbiddenError', null as unknown as string);
  });

  it('recalls a cadre and replaces him from the next day; a second recall is a conflict', async () => {
    const members = ((await server.execute(graphql(`query WtTeamMembers($id: ID!) { node(id: $id) { ... on WorkTeam { members { id role } } } }`), { id: teamId }, county)).data!.node as { members: { id: string; role: string }[] }).members;
    const member = members.find((m) => m.role === 'MEMBER')!;
    const replacement = await cadre('接任队员');
    const recalled = mustSucceed(await server.execute(RecallCadre, { input: { membershipId: member.id, recalledOn: '2016-06-01', reason: '不胜任', replacementCadreId: replacement } }, county));
    expect(recalled.membership).toEqual({ recalledOn: '2016-06-01', recallReason: '不胜任' });
    expect(recalled.replacement).toMatchObject({ role: 'MEMBER', startsOn: '2016-06-02', endsOn: '2018-03-31', cadre: { name: '接任队员' }, replaces: { id: member.id } });
    await expectRefused(async () => (await server.execute(RecallCadre, { input: { membershipId: member.id, recalledOn: '2016-06-10', reason: '再次' } }, county)).data!.recallCadre, 'ConflictError', 'membershipId');
  });
});

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

describe('who sees what', () => {
  const TeamNode = graphql(`
    query WtTeamNode($id: ID!) { node(id: $id) { ... on WorkTeam { name members { cadre { name phone } } } } }
  `);

  it('masks cadres\' phone numbers for administrators and records officers\' reads', async () => {
    const masked = (await server.execute(TeamNode, { id: teamId }, { principal: CALLERS.nationalAdmin })).data!.node as { members: { cadre: { phone: string } }[] };
    expect(masked.members[0].cadre.phone).toMatch(/^139\*{4}\d{4}$/);
    const plain = (await server.execute(TeamNode, { id: teamId }, county)).data!.node as { members: { cadre: { phone: string } }[] };
    expect(plain.members[0].cadre.phone).toMatch(/^139\d{8}$/);
    const [read] = await server.sql<{ n: string }>(`select count(*) as n from audit_log where action = 'READ' and actor = ? and 'Cadre:' || ? = any(read_objects)`, [
      CALLERS.baojingOfficer.id,
      Buffer.from(cadres[0], 'base64').toString().split(':')[1],
    ]);
    expect(Number(read.n)).toBeGreaterThan(0);
  });

  it('shows a team only in its villages\' areas, and to partners not at all', async () => {
    expect((await server.execute(TeamNode, { id: teamId }, { principal: CALLERS.liaoningOfficer })).data!.node).toBeNull();
    expect((await server.execute(TeamNode, { id: teamId }, { principal: { ...CALLERS.villageAOfficer, id: 'test:b', areaScopes: [AREAS.villageB] } })).data!.node).toBeNull();
    expect((await server.execute(TeamNode, { id: teamId }, { principal: CALLERS.villageAOfficer })).data!.node).toMatchObject({ name: '县扶贫办驻甲村工作队' });
    const partner = await server.execute(TeamNode, { id: teamId }, { principal: CALLERS.baojingNgo });
    expect(partner.data?.node ?? null).toBeNull();
  });

  it('gives partners the statistics protected: fewer than five withheld, the rest rounded down', async () => {
    const exact = (await server.execute(WorkTeamStats, { code: AREAS.baojing, asOf: '2016-12-31' }, county)).data!.region!.stats.workTeams;
    const partner = (await server.execute(WorkTeamStats, { code: AREAS.baojing, asOf: '2016-12-31' }, { principal: CALLERS.baojingNgo })).data!.region!.stats.workTeams;
    expect(exact).toMatchObject({ teams: 1, daysInVillage: 49 });
    for (const key of ['teams', 'cadres', 'firstSecretaries', 'povertyVillages', 'coveredPovertyVillages', 'households', 'pairedHouseholds', 'daysInVillage', 'visits'] as const) {
      const value = exact[key]!;
      expect(partner[key], key).toBe(value < 5 ? null : value - (value % 5));
    }
    expect(partner.byUnitLevel).toEqual([]);
    expect(partner.villageCoverage).toBeNull();
  });

  it('computes the statistics of a page of areas in one statement, however many areas', async () => {
    const Page = graphql(`
      query WtVillagePage($code: String!, $first: Int!) {
        regions(parentCode: $code, level: VILLAGE, first: $first) { edges { node { code stats { workTeams(asOf: "2016-12-31") { teams cadres pairedHouseholds daysInVillage } } } } }
      }
    `);
    const one = await server.countStatements(async () => expect((await server.execute(Page, { code: AREAS.baojing, first: 1 }, county)).errors).toBeUndefined());
    const three = await server.countStatements(async () => expect((await server.execute(Page, { code: AREAS.baojing, first: 3 }, county)).errors).toBeUndefined());
    expect(three.count).toBe(one.count);
    expect(three.statements.filter((sql) => sql.includes('work_team_village'))).toHaveLength(1);
  });

  it('audits every step under its mutation, with the phone number masked', async () => {
    const rows = await server.sql<{ operation: string; object_type: string; phone: string | null }>(
      `select operation, object_type, after ->> 'phone' as phone from audit_log where action in ('INSERT', 'UPDATE') and object_type in
         ('dispatch_unit', 'cadre', 'work_team', 'work_team_village', 'work_team_membership', 'work_team_days', 'work_team_leave', 'work_team_assessment', 'helper_pairing', 'helper_visit')`,
    );
    const steps = new Set(rows.map((r) => `${r.operation}:${r.object_type}`));
    for (const step of [
      'createDispatchUnit:dispatch_unit',
      'registerCadre:cadre',
      'dispatchWorkTeam:work_team',
      'dispatchWorkTeam:work_team_village',
      'dispatchWorkTeam:work_team_membership',
      'recordTeamDays:work_team_days',
      'recordCadreLeave:work_team_leave',
      'assessCadre:work_team_assessment',
      'recallCadre:work_team_membership',
      'pairHelper:helper_pairing',
      'recordHelperVisit:helper_visit',
    ]) {
      expect(steps).toContain(step);
    }
    expect(rows.filter((r) => r.object_type === 'cadre').every((r) => r.phone === '***')).toBe(true);
  });
});
