import type pg from 'pg';
import { BAOJING_CODE, BAOJING_EXIT_YEAR } from '../demo/baojing.js';
import { POVERTY_LINES } from '../demo/poverty-lines.js';
import { SHIFAN_COUNTY_CODE } from '../demo/shifan.js';

/**
 * Demo exits (退出), written in bulk as the workflows write them, one statement per table:
 *
 * - 保靖县 (篇6): "全县减贫13800人" — every household the registry holds EXITED in 2015 gets a
 *   completed exit (assessment → verification → consent → notice → removal). They are historical
 *   records entered after the fact: the assessment's income is not known (null), the line is 2015's.
 *   And the reduction targets (减贫责任书) signed with each of the twelve townships, each its
 *   township's exits rounded up to ten people, so that they sum to at least 13,800.
 * - Returns to poverty (返贫): each RETURNED household of the demo whose recorded income of a year
 *   is at or under that year's line gets the county's decision for the first such year.
 * - 出列 and 摘帽: the poverty villages of 保靖县 that the registry marks exited (2017–2019) get a
 *   completed village exit, and the synthetic 示范县 a county exit checked by its prefecture and
 *   waiting for the province. The registry is a snapshot of 2020 and cannot show the incidence each
 *   had when it applied: the records carry figures under the threshold (synthetic, like the areas).
 */

/** The demo's officer of each level, named by the prefix of the code of the area they serve (as in monitoring-demo.ts). */
const ACTOR_OF_ROLE = {
  VILLAGE_OFFICER: ['demo:village-officer:', 12],
  TOWNSHIP_OFFICER: ['demo:township-officer:', 9],
  COUNTY_OFFICER: ['demo:county-officer:', 6],
} as const;
const countyOfficer = (code: string) => `demo:county-officer:${code.slice(0, 6)}`;

async function seedHouseholdExits(client: pg.ClientBase): Promise<number> {
  const y = BAOJING_EXIT_YEAR;
  const { rowCount } = await client.query(
    `with c as (
       insert into workflow_case (kind, household_id, village_code, step, state, version, opened_on, closed_on)
       select 'HOUSEHOLD_EXIT', id, village_code, 'COUNTY_REMOVAL', 'COMPLETED', 5, $2::date, $3::date
       from household where village_code like $1 and status = 'EXITED' and exit_year = $4::int2 order by id
       returning id, household_id, village_code)
     insert into household_exit (id, household_id, village_code, exit_year, per_capita_income, poverty_line, consent_signed_on)
     select id, household_id, village_code, $4::int2, null, $5::numeric, $6::date from c`,
    [`${BAOJING_CODE.slice(0, 6)}%`, `${y}-10-20`, `${y}-12-10`, y, '2855.00', `${y}-11-05`],
  );
  for (const [step, on, role] of [
    ['VILLAGE_ASSESSMENT', `${y}-10-20`, 'VILLAGE_OFFICER'],
    ['TOWNSHIP_VERIFICATION', `${y}-10-30`, 'TOWNSHIP_OFFICER'],
    ['HOUSEHOLD_CONSENT', `${y}-11-05`, 'VILLAGE_OFFICER'],
    ['VILLAGE_NOTICE', `${y}-11-20`, 'VILLAGE_OFFICER'],
    ['COUNTY_REMOVAL', `${y}-12-10`, 'COUNTY_OFFICER'],
  ] as const) {
    const [prefix, length] = ACTOR_OF_ROLE[role];
    await client.query(
      `insert into workflow_step (case_id, village_code, step, taken_on, taken_by, taken_role)
       select e.id, e.village_code, $1, $2::date, $3 || substr(e.village_code, 1, $4), $5 from household_exit e order by e.id`,
      [step, on, prefix, length, role],
    );
  }
  await client.query(
    `insert into workflow_notice (case_id, village_code, step, start_date, end_date, location, recorded_by)
     select e.id, e.village_code, 'VILLAGE_NOTICE', $1::date, $2::date, '村务公开栏', 'demo:village-officer:' || e.village_code from household_exit e order by e.id`,
    [`${y}-11-20`, `${y}-11-26`],
  );
  return rowCount ?? 0;
}

async function seedReductionTargets(client: pg.ClientBase): Promise<number> {
  const { rowCount } = await client.query(
    `insert into reduction_target (county_code, area_code, year, target_people, signed_on, recorded_by)
     select $1::text, t.code, $2::int2, greatest(10, ceil(coalesce(sum(h.member_count), 0) / 10.0)::int * 10), $3::date, $4
     from area t left join household h on h.village_code between t.code and substr(t.code, 1, 9) || '999' and h.status = 'EXITED' and h.exit_year = $2::int2
     where t.parent_code = $1::text and t.level = 'TOWNSHIP'
     group by t.code order by t.code`,
    [BAOJING_CODE, BAOJING_EXIT_YEAR, `${BAOJING_EXIT_YEAR}-02-10`, countyOfficer(BAOJING_CODE)],
  );
  return rowCount ?? 0;
}

async function seedReturns(client: pg.ClientBase): Promise<number> {
  const lines = Object.entries(POVERTY_LINES);
  const { rowCount } = await client.query(
    `with line(year, amount) as (select * from unnest($1::int2[], $2::numeric[])),
     first_below as (
       select distinct on (h.id) h.id, h.village_code, i.year, i.per_capita_net_income, l.amount
       from household h join household_income i on i.household_id = h.id join line l on l.year = i.year
       where h.status = 'RETURNED' and i.per_capita_net_income <= l.amount and i.year >= coalesce(h.exit_year, 0)
       order by h.id, i.year)
     insert into household_return (household_id, village_code, year, decided_on, reason, per_capita_income, poverty_line, decided_by, note)
     select id, village_code, year, make_date(year + 1, 1, 20), 'INCOME_BELOW_LINE', per_capita_net_income, amount, 'demo:county-officer:' || substr(village_code, 1, 6), '年度收入核查 Yearly income check'
     from first_below order by id`,
    [`{${lines.map(([year]) => year).join(',')}}`, `{${lines.map(([, amount]) => amount).join(',')}}`],
  );
  return rowCount ?? 0;
}

const CHECKLIST = ['ROADS', 'WATER', 'ELECTRICITY', 'SERVICES', 'COLLECTIVE_INCOME'].map((item) => ({ item, evidence: '乡镇核查验收表 The township\'s acceptance sheet' }));

async function seedVillageExits(client: pg.ClientBase): Promise<number> {
  const { rowCount } = await client.query(
    `with v as (select code, exit_year, rural_population from area where level = 'VILLAGE' and is_poverty_village and exit_year is not null and code like $1),
     c as (
       insert into workflow_case (kind, village_code, step, state, version, opened_on, closed_on)
       select 'VILLAGE_EXIT', code, 'COUNTY_APPROVAL', 'COMPLETED', 4, make_date(exit_year, 10, 15), make_date(exit_year, 12, 5) from v order by code
       returning id, village_code)
     insert into village_exit (id, village_code, exit_year, poor_people, rural_population, threshold, checklist)
     select c.id, v.code, v.exit_year, floor(v.rural_population * 0.015)::int, v.rural_population, 2, $2::jsonb from c join v on v.code = c.village_code`,
    [`${BAOJING_CODE.slice(0, 6)}%`, JSON.stringify(CHECKLIST)],
  );
  for (const [step, day, role] of [
    ['VILLAGE_PROPOSAL', '10-15', 'VILLAGE_OFFICER'],
    ['TOWNSHIP_CHECK', '10-25', 'TOWNSHIP_OFFICER'],
    ['TOWNSHIP_NOTICE', '11-01', 'TOWNSHIP_OFFICER'],
    ['COUNTY_APPROVAL', '12-05', 'COUNTY_OFFICER'],
  ] as const) {
    const [prefix, who] = ACTOR_OF_ROLE[role];
    await client.query(
      `insert into workflow_step (case_id, village_code, step, taken_on, taken_by, taken_role)
       select e.id, e.village_code, $1, to_date(e.exit_year || '-' || $2, 'YYYY-MM-DD'), $3 || substr(e.village_code, 1, $4), $5 from village_exit e order by e.id`,
      [step, day, prefix, who, role],
    );
  }
  await client.query(
    `insert into workflow_notice (case_id, village_code, step, start_date, end_date, location, recorded_by)
     select e.id, e.village_code, 'TOWNSHIP_NOTICE', make_date(e.exit_year, 11, 1), make_date(e.exit_year, 11, 7), '乡镇政府公示栏', 'demo:township-officer:' || substr(e.village_code, 1, 9)
     from village_exit e order by e.id`,
  );
  return rowCount ?? 0;
}

async function seedCountyExit(client: pg.ClientBase): Promise<number> {
  const county = SHIFAN_COUNTY_CODE;
  const { rows } = await client.query<{ id: number; rural: number }>(
    `with c as (
       insert into workflow_case (kind, village_code, step, state, version, opened_on)
       values ('COUNTY_EXIT', $1::text, 'PREFECTURE_CHECK', 'OPEN', 2, '2020-02-20') returning id)
     select c.id, (select coalesce(sum(rural_population), 0)::int from area where level = 'VILLAGE' and code like $2) as rural from c`,
    [county, `${county.slice(0, 6)}%`],
  );
  const [{ id, rural }] = rows;
  await client.query(
    `insert into county_exit (id, area_code, exit_year, poor_people, rural_population, threshold, wrong_exit_rate, missed_rate, approval_rate)
     values ($1, $2, 2020, $3, $4, 2, 0.42, 0.31, 96.8)`,
    [id, county, Math.floor(rural * 0.012), rural],
  );
  await client.query(
    `insert into workflow_step (case_id, village_code, step, taken_on, taken_by, taken_role) values
       ($1, $2, 'COUNTY_PROPOSAL', '2020-02-20', $3, 'COUNTY_OFFICER'), ($1, $2, 'PREFECTURE_CHECK', '2020-03-10', $4, 'PREFECTURE_OFFICER')`,
    [id, county, countyOfficer(county), `demo:prefecture-officer:${county.slice(0, 4)}`],
  );
  return 1;
}

export interface ExitDemoSummary {
  householdExits: number;
  reductionTargets: number;
  returns: number;
  villageExits: number;
  countyExits: number;
}

/** Writes the demo exits; runs inside the caller's transaction. */
export async function seedExitDemo(client: pg.ClientBase): Promise<ExitDemoSummary> {
  return {
    householdExits: await seedHouseholdExits(client),
    reductionTargets: await seedReductionTargets(client),
    returns: await seedReturns(client),
    villageExits: await seedVillageExits(client),
    countyExits: await seedCountyExit(client),
  };
}
