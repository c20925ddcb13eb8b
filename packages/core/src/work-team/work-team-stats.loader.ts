import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { rangeParameters, RANGES_CTE, scopedRanges } from '../area/region-stats.loader.js';
import type { TuopinContext } from '../kernel/context.js';
import { SqlText } from '../kernel/read/read-statement.js';
import { UNIT_LEVELS, type UnitLevel } from './work-team-enums.js';

/** What `RegionStats.workTeams` resolves to: the area and the day asked about (null: everything on record). */
export interface WorkTeamStatsSource {
  readonly code: string;
  readonly asOf: string | null;
}

export interface UnitLevelFigures {
  level: UnitLevel;
  teams: number;
  cadres: number;
}

/** An area's work-team figures as of a day, or of everything on record. */
export interface WorkTeamFigures {
  teams: number;
  cadres: number;
  firstSecretaries: number;
  leadersAndLiaisons: number;
  deputyTownshipSecretaries: number;
  byUnitLevel: UnitLevelFigures[];
  povertyVillages: number;
  coveredPovertyVillages: number;
  households: number;
  pairedHouseholds: number;
  daysInVillage: number;
  visits: number;
}

// One statement per batch of areas, over exactly the ranges the caller may see. A team counts in
// an area when it covers a village there and its term holds the day (p); its members count with it
// while their term (to a recall) does; so do pairings. Days in the village and visits are those of
// the day's year up to the day (a). Pairings and visits are placed by their household.
const STATS_SQL = `
  with ${RANGES_CTE},
  p as not materialized (select ?::date as from_day, ?::date as to_day),
  a as not materialized (select ?::date as from_day, ?::date as to_day),
  t as (
    select distinct r.code, wt.id, u.level
    from r cross join p
    join work_team_village v on v.village_code between r.lo and r.hi
    join work_team wt on wt.id = v.team_id and wt.starts_on <= p.to_day and wt.ends_on >= p.from_day
    join dispatch_unit u on u.id = wt.unit_id),
  m as (
    select t.code, t.level, m.cadre_id, m.role, m.deputy_secretary_of
    from t cross join p
    join work_team_membership m on m.team_id = t.id and m.starts_on <= p.to_day and coalesce(m.recalled_on, m.ends_on) >= p.from_day)
  select code, 'teams' as block, level as key, count(*)::int8 as n from t group by code, level
  union all select code, 'cadresByLevel', level, count(distinct cadre_id) from m group by code, level
  union all select code, 'cadres', null, count(distinct cadre_id) from m group by code
  union all select code, 'firstSecretaries', null, count(distinct cadre_id) from m where role = 'FIRST_SECRETARY' group by code
  union all select code, 'leadersAndLiaisons', null, count(distinct cadre_id) from m where role in ('LEADER', 'LIAISON') group by code
  union all select code, 'deputyTownshipSecretaries', null, count(distinct cadre_id) from m where deputy_secretary_of is not null group by code
  union all select r.code, 'povertyVillages', null, count(*) from r join area a on a.level = 'VILLAGE' and a.is_poverty_village and a.code between r.lo and r.hi group by r.code
  union all select r.code, 'coveredPovertyVillages', null, count(*) from r cross join p
    join area a on a.level = 'VILLAGE' and a.is_poverty_village and a.code between r.lo and r.hi
    where exists (select 1 from work_team_village v join work_team wt on wt.id = v.team_id
                  where v.village_code = a.code and wt.starts_on <= p.to_day and wt.ends_on >= p.from_day)
    group by r.code
  union all select r.code, 'households', null, count(*) from r join household h on h.village_code between r.lo and r.hi group by r.code
  union all select r.code, 'pairedHouseholds', null, count(distinct hp.household_id) from r cross join p
    join helper_pairing hp on hp.village_code between r.lo and r.hi and hp.starts_on <= p.to_day and (hp.ended_on is null or hp.ended_on >= p.from_day)
    group by r.code
  union all select t.code, 'daysInVillage', null, coalesce(sum(d.days), 0) from (select distinct code, id from t) t cross join a
    join work_team_days d on d.team_id = t.id and make_date(d.year, d.month, 1) between date_trunc('month', a.from_day) and a.to_day
    group by t.code
  union all select r.code, 'visits', null, count(*) from r cross join a
    join helper_visit hv on hv.village_code between r.lo and r.hi and hv.visited_on between a.from_day and a.to_day
    group by r.code`;

interface StatsRow {
  code: string;
  block: string;
  key: UnitLevel | null;
  n: string;
}

const statsKey = (code: string, asOf: string | null) => `${code}:${asOf ?? ''}`;
const WHOLE_RECORD = ['1900-01-01', '2100-12-31'] as const;

function figuresOf(rows: readonly StatsRow[]): WorkTeamFigures {
  const total = (block: string) => rows.filter((row) => row.block === block).reduce((sum, row) => sum + Number(row.n), 0);
  const byLevel = (block: string, level: UnitLevel) => Number(rows.find((row) => row.block === block && row.key === level)?.n ?? 0);
  return {
    teams: total('teams'),
    cadres: total('cadres'),
    firstSecretaries: total('firstSecretaries'),
    leadersAndLiaisons: total('leadersAndLiaisons'),
    deputyTownshipSecretaries: total('deputyTownshipSecretaries'),
    byUnitLevel: (Object.keys(UNIT_LEVELS) as UnitLevel[])
      .map((level) => ({ level, teams: byLevel('teams', level), cadres: byLevel('cadresByLevel', level) }))
      .filter((figures) => figures.teams > 0),
    povertyVillages: total('povertyVillages'),
    coveredPovertyVillages: total('coveredPovertyVillages'),
    households: total('households'),
    pairedHouseholds: total('pairedHouseholds'),
    daysInVillage: total('daysInVillage'),
    visits: total('visits'),
  };
}

/** Work-team figures of areas as of a day (or of everything): one statement per day asked in a request. */
export const workTeamStatsLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<WorkTeamStatsSource, WorkTeamFigures, string>(
      async (sources) => {
        const byDay = new Map<string | null, string[]>();
        for (const { code, asOf } of sources) byDay.set(asOf, [...(byDay.get(asOf) ?? []), code]);
        const rowsByKey = new Map<string, StatsRow[]>();
        for (const [asOf, codes] of byDay) {
          const ranges = scopedRanges(ctx, codes);
          if (ranges.length === 0) continue;
          const presence = asOf === null ? WHOLE_RECORD : [asOf, asOf];
          const activity = asOf === null ? WHOLE_RECORD : [`${asOf.slice(0, 4)}-01-01`, asOf];
          const rows = await ctx.db.rows<StatsRow>(new SqlText().append(STATS_SQL, ...rangeParameters(ranges), ...presence, ...activity));
          for (const row of rows) {
            const key = statsKey(row.code, asOf);
            rowsByKey.set(key, [...(rowsByKey.get(key) ?? []), row]);
          }
        }
        return sources.map(({ code, asOf }) => figuresOf(rowsByKey.get(statsKey(code, asOf)) ?? []));
      },
      { cacheKeyFn: (source) => statsKey(source.code, source.asOf) },
    ),
);
