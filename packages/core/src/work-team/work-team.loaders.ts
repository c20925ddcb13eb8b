import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { readableRanges } from '../kernel/access.js';
import type { CodeRange } from '../kernel/area-codes.js';
import type { TuopinContext } from '../kernel/context.js';
import { groupRows, pickRows } from '../kernel/group-rows.js';
import { appendCodeRanges, rowsWhereIn } from '../kernel/read/entity-reads.js';
import { keyMatch } from '../kernel/read/key-match.js';
import { SqlText } from '../kernel/read/read-statement.js';
import {
  CadreAssessmentSchema,
  CadreLeaveSchema,
  DispatchUnitSchema,
  TeamMonthDaysSchema,
  WorkTeamVillageSchema,
  type CadreAssessment,
  type CadreLeave,
  type CadreWithAreas,
  type DispatchUnit,
  type TeamMonthDays,
  type WorkTeam,
  type WorkTeamMembership,
  type WorkTeamVillage,
} from './work-team.entity.js';

/*
 * A team is seen by whoever sees any village it covers; its memberships likewise. A cadre is seen
 * in the county that keeps his record, in his teams' villages and in the villages of the
 * households he helps. Each `visible…` loader applies the same areas in SQL as the type's scope
 * declaration, so node(id:), nodes(ids:) and the writes agree with the scope guard.
 */

const TEAM_VILLAGES = (team: string) => `array(select v.village_code from work_team_village v where v.team_id = ${team} order by v.village_code)`;

export const TEAM_SELECT = `select t.id, t.name, t.unit_id as "unitId", t.area_code as "areaCode", t.starts_on as "startsOn", t.ends_on as "endsOn",
  ${TEAM_VILLAGES('t.id')} as "villageCodes" from work_team t`;

const MEMBERSHIP_SELECT = `select m.id, m.team_id as "teamId", m.cadre_id as "cadreId", m.role, m.village_code as "villageCode", m.deputy_secretary_of as "deputySecretaryOf",
  m.starts_on as "startsOn", m.ends_on as "endsOn", m.recalled_on as "recalledOn", m.recall_reason as "recallReason",
  m.replaces_id as "replacesId", ${TEAM_VILLAGES('m.team_id')} as "villageCodes" from work_team_membership m`;

const CADRE_SELECT = `select c.id, c.name, c.phone, c.rank, c.unit_id as "unitId", c.area_code as "areaCode",
  array[c.area_code::text]
    || array(select v.village_code::text from work_team_membership m join work_team_village v on v.team_id = m.team_id where m.cadre_id = c.id)
    || array(select p.village_code::text from helper_pairing p where p.cadre_id = c.id) as "areaCodes"
  from cadre c`;

/** `exists (…)`: a team (by its id column) covers a village in the ranges. */
function teamInRanges(sql: SqlText, teamColumn: string, ranges: readonly CodeRange[]): SqlText {
  sql.append(` and exists (select 1 from work_team_village sv where sv.team_id = ${teamColumn}`);
  return appendCodeRanges(sql, 'sv.village_code', ranges).append(')');
}

function byIds<Row extends { id: number }>(select: string, alias: string, scoped: ((sql: SqlText, ranges: readonly CodeRange[]) => SqlText) | null) {
  return createContextCache(
    (ctx: TuopinContext) =>
      new DataLoader<number, Row | null>(async (ids) => {
        const match = keyMatch(`${alias}.id`, ids, 'int');
        const sql = new SqlText().append(`${select} where ${match.sql}`, ...match.params);
        if (scoped) {
          const ranges = readableRanges(ctx, null);
          if (ranges.length === 0) return ids.map(() => null);
          scoped(sql, ranges);
        }
        return pickRows(ids, await ctx.db.rows<Row>(sql), (row) => row.id);
      }),
  );
}

/** Teams by id, unscoped: for references; the scope guard checks each where it is resolved. */
export const teamLoader = byIds<WorkTeam>(TEAM_SELECT, 't', null);
/** Teams by id that the caller may see (a village of the team in his areas). */
export const visibleTeamLoader = byIds<WorkTeam>(TEAM_SELECT, 't', (sql, ranges) => teamInRanges(sql, 't.id', ranges));
export const membershipLoader = byIds<WorkTeamMembership>(MEMBERSHIP_SELECT, 'm', null);
export const visibleMembershipLoader = byIds<WorkTeamMembership>(MEMBERSHIP_SELECT, 'm', (sql, ranges) => teamInRanges(sql, 'm.team_id', ranges));
export const cadreLoader = byIds<CadreWithAreas>(CADRE_SELECT, 'c', null);
/** Cadres by id that the caller may see: his county, or a village of his teams or his households. */
export const visibleCadreLoader = byIds<CadreWithAreas>(CADRE_SELECT, 'c', (sql, ranges) => {
  sql.append(' and (false');
  for (const { lo, hi } of ranges) {
    sql.append(
      ` or c.area_code between ? and ?
        or exists (select 1 from work_team_membership sm join work_team_village sv on sv.team_id = sm.team_id where sm.cadre_id = c.id and sv.village_code between ? and ?)
        or exists (select 1 from helper_pairing sp where sp.cadre_id = c.id and sp.village_code between ? and ?)`,
      lo, hi, lo, hi, lo, hi,
    );
  }
  return sql.append(')');
});

/** The memberships of teams, oldest first. */
export const membershipsByTeamLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, WorkTeamMembership[]>(async (teamIds) => {
      const teams = keyMatch('m.team_id', teamIds, 'int');
      const rows = await ctx.db.rows<WorkTeamMembership>(new SqlText().append(`${MEMBERSHIP_SELECT} where ${teams.sql} order by m.team_id, m.id`, ...teams.params));
      return groupRows(teamIds, rows, (row) => row.teamId);
    }),
);

/** The memberships of cadres, oldest first. */
export const membershipsByCadreLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, WorkTeamMembership[]>(async (cadreIds) => {
      const cadres = keyMatch('m.cadre_id', cadreIds, 'int');
      const rows = await ctx.db.rows<WorkTeamMembership>(new SqlText().append(`${MEMBERSHIP_SELECT} where ${cadres.sql} order by m.cadre_id, m.id`, ...cadres.params));
      return groupRows(cadreIds, rows, (row) => row.cadreId);
    }),
);

/** Dispatching units by id: public reference data, like the lenders on a contract. */
export const unitLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, DispatchUnit | null>(async (ids) => pickRows(ids, await rowsWhereIn(ctx, DispatchUnitSchema, 'id', ids), (row) => row.id)),
);

function childrenBy<Row extends object>(entity: Parameters<typeof rowsWhereIn<Row>>[1], key: keyof Row & string, order: readonly (keyof Row & string)[]) {
  return createContextCache(
    (ctx: TuopinContext) =>
      new DataLoader<number, Row[]>(async (keys) => {
        const rows = await rowsWhereIn(ctx, entity, key, keys, { orderBy: [[key, 'asc'], ...order.map((p) => [p, 'asc'] as const)] });
        return groupRows(keys, rows, (row) => row[key] as unknown as number);
      }),
  );
}

export const teamVillagesLoader = childrenBy<WorkTeamVillage>(WorkTeamVillageSchema, 'teamId', ['villageCode']);
export const teamDaysLoader = childrenBy<TeamMonthDays>(TeamMonthDaysSchema, 'teamId', ['year', 'month']);
export const leavesLoader = childrenBy<CadreLeave>(CadreLeaveSchema, 'membershipId', ['startsOn', 'id']);
export const assessmentsLoader = childrenBy<CadreAssessment>(CadreAssessmentSchema, 'membershipId', ['year']);
