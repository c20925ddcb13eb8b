import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, expect } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import type { DispatchWorkTeamInput } from '../../schema/generated/graphql.js';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { CALLERS } from '../fixtures/principals.js';
import { settingsWith, TestClock } from '../fixtures/projects.js';
import { CreateDispatchUnit, DispatchWorkTeam, RegisterCadre } from './operations.js';

/**
 * The world every work-team test file starts from: 保靖县's county office as a dispatching unit,
 * five cadres, and one team (first secretary of 甲村, a leader, a member) covering 甲村 and 丙村.
 * The bindings are live: they hold the values once `useWorkTeamWorld()`'s beforeAll has run.
 */
export const clock = new TestClock(new Date('2016-06-15T02:00:00Z'));
export const county = { principal: CALLERS.baojingOfficer };
export let server: TestServer;
export let unitId: string;
export const cadres: string[] = [];
export let teamId: string;
export let firstSecretaryMembership: string;

export const Register = graphql(`
  mutation WtRegisterHousehold($input: RegisterHouseholdInput!) {
    registerHousehold(input: $input) { __typename ... on RegisterHouseholdPayload { household { id } } ... on Error { code field messageZh messageEn } }
  }
`);

export async function cadre(name: string, rank: 'SECTION_LEVEL' | 'STAFF' | 'VILLAGE_CADRE' = 'STAFF'): Promise<string> {
  const phone = `139${String(cadres.length + 10_000_000).padStart(8, '0')}`;
  const { cadre } = mustSucceed(await server.execute(RegisterCadre, { input: { name, phone, rank, unitId, countyCode: AREAS.baojing } }, county));
  cadres.push(cadre.id);
  return cadre.id;
}

export function teamInput(members: DispatchWorkTeamInput['members'], overrides: Partial<DispatchWorkTeamInput> = {}): DispatchWorkTeamInput {
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
export async function written(): Promise<Record<string, string>> {
  const [row] = await server.sql<Record<string, string>>(
    `select (select count(*) from work_team) as teams, (select count(*) from work_team_membership) as memberships,
            (select count(*) from work_team_days) as days, (select sum(days) from work_team_days) as day_total,
            (select count(*) from work_team_leave) as leaves, (select count(*) from work_team_assessment) as assessments,
            (select count(*) from helper_pairing) as pairings, (select count(*) from helper_visit) as visits,
            (select count(*) from cadre) as cadres, (select count(*) from dispatch_unit) as units`,
  );
  return row;
}

export async function expectRefused<T extends { __typename?: string; field?: string | null }>(run: () => Promise<T>, typename: string, field: string) {
  const before = await written();
  const outcome = await run();
  expect(outcome).toMatchObject({ __typename: typename, field });
  expect((outcome as { messageZh?: string }).messageZh).toMatch(/\p{Script=Han}/u);
  expect((outcome as { messageEn?: string }).messageEn).toMatch(/[A-Za-z]/);
  expect(await written()).toEqual(before);
}

export function useWorkTeamWorld(): void {
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
}
