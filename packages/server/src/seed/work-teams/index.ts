/**
 * The work-team demo (驻村工作队与结对帮扶): 保靖县's 67 teams with 256 cadres covering its 130
 * poverty villages, and 大老爷庙村's team with its 175 days and 48 paired households. Runs after the
 * registry demo; deterministic. Written in one transaction, unaudited like every demo load.
 */
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { beginBulkLoad } from '../bulk-transaction.js';
import { loadWorld } from '../projects/world.js';
import { planWorkTeams, type WorkTeamPlan } from './plan.js';

/** The demo's seed; change it and every name and phone number changes. */
export const WORK_TEAM_DEMO_SEED = 20_150_401;

export interface WorkTeamDemoSummary {
  units: number;
  cadres: number;
  teams: number;
  memberships: number;
  pairings: number;
  elapsedMs: number;
}

const TABLES = 'dispatch_unit, cadre, work_team, work_team_village, work_team_membership, work_team_days, helper_pairing';

async function ids(client: pg.ClientBase, sql: string, params: unknown[]): Promise<number[]> {
  const { rows } = await client.query<{ id: number }>(sql, params);
  return rows.map((row) => row.id);
}

async function write(client: pg.ClientBase, plan: WorkTeamPlan): Promise<void> {
  // `returning` gives the ids in the order the rows were inserted, which the ordinality fixes.
  const unitIds = await ids(client, 'insert into dispatch_unit (name, level, area_code) select n, l, a from unnest($1::text[], $2::text[], $3::text[]) with ordinality as x(n, l, a, o) order by o returning id', [
    plan.units.map((u) => u.name),
    plan.units.map((u) => u.level),
    plan.units.map((u) => u.areaCode),
  ]);
  const unitByKey = new Map(plan.units.map((unit, i) => [unit.key, unitIds[i]]));
  const cadreIds = await ids(
    client,
    `insert into cadre (name, phone, rank, unit_id, area_code)
     select n, p, r, u, a from unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[]) with ordinality as x(n, p, r, u, a, o) order by o returning id`,
    [plan.cadres.map((c) => c.name), plan.cadres.map((c) => c.phone), plan.cadres.map((c) => c.rank), plan.cadres.map((c) => unitByKey.get(c.unit)!), plan.cadres.map((c) => c.areaCode)],
  );
  for (const team of plan.teams) {
    const [teamId] = await ids(client, 'insert into work_team (name, unit_id, area_code, starts_on, ends_on) values ($1, $2, $3, $4, $5) returning id', [
      team.name,
      unitByKey.get(team.unit)!,
      team.areaCode,
      team.startsOn,
      team.endsOn,
    ]);
    await client.query('insert into work_team_village (team_id, village_code, role) select $1, * from unnest($2::text[], $3::text[])', [
      teamId,
      team.villages.map((v) => v.villageCode),
      team.villages.map((v) => v.role),
    ]);
    await client.query(
      `insert into work_team_membership (team_id, cadre_id, role, village_code, deputy_secretary_of, starts_on, ends_on)
       select $1, c, r, v, d, $2, $3 from unnest($4::int[], $5::text[], $6::text[], $7::text[]) as x(c, r, v, d)`,
      [teamId, team.startsOn, team.endsOn, team.members.map((m) => cadreIds[m.cadre]), team.members.map((m) => m.role), team.members.map((m) => m.villageCode), team.members.map((m) => m.deputySecretaryOf)],
    );
    if (team.days.length > 0) {
      await client.query('insert into work_team_days (team_id, year, month, days) select $1, * from unnest($2::int[], $3::int[], $4::int[])', [
        teamId,
        team.days.map((d) => d.year),
        team.days.map((d) => d.month),
        team.days.map((d) => d.days),
      ]);
    }
  }
  await client.query(
    `insert into helper_pairing (cadre_id, household_id, village_code, starts_on)
     select c, h.id, h.village_code, s from unnest($1::int[], $2::int[], $3::date[]) as x(c, hid, s) join household h on h.id = x.hid`,
    [plan.pairings.map((p) => cadreIds[p.cadre]), plan.pairings.map((p) => p.householdId), plan.pairings.map((p) => p.startsOn)],
  );
}

/**
 * Seeds the work-team demo into a database holding the registry demo and no work teams yet. Runs
 * BEGIN … COMMIT on `client` itself (ROLLBACK on any failure): pass a client with no transaction open.
 */
export async function seedWorkTeamDemo(client: pg.ClientBase, options: { log?: (line: string) => void } = {}): Promise<WorkTeamDemoSummary> {
  const started = performance.now();
  await beginBulkLoad(client);
  try {
    await client.query(`lock table ${TABLES} in share row exclusive mode`);
    const { rows } = await client.query<{ taken: boolean }>('select exists (select 1 from work_team) or exists (select 1 from cadre) as taken');
    if (rows[0].taken) throw new Error('seedWorkTeamDemo needs empty work-team tables; seed a fresh database');
    const world = await loadWorld(client);
    const { rows: poor } = await client.query<{ id: number }>(`select id from household where village_code = $1 and status = 'POOR' order by id`, [world.dalaoyemiao]);
    const plan = planWorkTeams(
      WORK_TEAM_DEMO_SEED,
      {
        provinceCode: `${world.baojing.slice(0, 2)}0000000000`,
        prefectureCode: `${world.baojing.slice(0, 4)}00000000`,
        countyCode: world.baojing,
        povertyVillages: world.baojingVillages.filter((v) => v.poverty).map((v) => ({ code: v.code, townshipCode: v.townshipCode })),
      },
      { prefectureCode: world.chaoyang, countyCode: world.lingyuan, villageCode: world.dalaoyemiao, poorHouseholdIds: poor.map((row) => row.id) },
    );
    await write(client, plan);
    await client.query('commit');
    await client.query(`analyze ${TABLES}`);
    const summary: WorkTeamDemoSummary = {
      units: plan.units.length,
      cadres: plan.cadres.length,
      teams: plan.teams.length,
      memberships: plan.teams.reduce((n, team) => n + team.members.length, 0),
      pairings: plan.pairings.length,
      elapsedMs: Math.round(performance.now() - started),
    };
    options.log?.(`work-team demo seeded in ${summary.elapsedMs} ms`);
    return summary;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  }
}
