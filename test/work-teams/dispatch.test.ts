import { describe, expect, it } from 'vitest';
import { AREAS } from '../fixtures/areas.js';
import { CALLERS } from '../fixtures/principals.js';
import { DispatchWorkTeam, RegisterCadre, WorkTeamStats } from './operations.js';
import { cadre, cadres, county, expectRefused, server, teamInput, unitId, useWorkTeamWorld } from './world.js';

/** Dispatching a work team through GraphQL: what is recorded, and every refusal a typed error naming the field, with nothing written. */

useWorkTeamWorld();

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

  it('registers a cadre once in his county: the same form sent twice, or twice at once, is a conflict on phone', async () => {
    const input = { name: '龙登记', phone: '13712345678', rank: 'STAFF' as const, unitId, countyCode: AREAS.baojing };
    const first = (await server.execute(RegisterCadre, { input }, county)).data!.registerCadre;
    expect(first.__typename).toBe('RegisterCadrePayload');
    await expectRefused(async () => (await server.execute(RegisterCadre, { input }, county)).data!.registerCadre, 'ConflictError', 'phone');
    const racing = { ...input, phone: '13787654321' };
    const outcomes = await Promise.all(Array.from({ length: 4 }, async () => (await server.execute(RegisterCadre, { input: racing }, county)).data!.registerCadre.__typename));
    expect(outcomes.sort()).toEqual(['ConflictError', 'ConflictError', 'ConflictError', 'RegisterCadrePayload']);
    const [row] = await server.sql<{ n: string }>(`select count(*) as n from cadre where phone in ('13712345678', '13787654321')`);
    expect(row.n).toBe('2');
  });
});
