import { createContextCache } from '@pothos/core';
import { appendCodeRanges, grantedIds, groupRows, hasPermission, keyMatch, MemberSchema, pickRows, readableRanges, rowsWhereIn, SqlText, type Conditions, type Member, type TuopinContext } from '@tuopin/core';
import DataLoader from 'dataloader';
import { EnrolmentSchema, type Enrolment } from './enrolment.entity.js';

/** The school ids the caller holds grants on (a school's staff). */
export function grantedSchools(ctx: TuopinContext): number[] {
  return grantedIds(ctx.principal, 'School').map(Number);
}

/**
 * The scope of enrolments `alias`: those of students in the caller's areas, for roles that read
 * the registry, and those at the schools granted to him. Null: none.
 */
export function enrolmentScope(ctx: TuopinContext, alias: string, regionCode: string | null): Conditions | null {
  const ranges = hasPermission(ctx.principal, 'core.registry.read') ? readableRanges(ctx, regionCode) : [];
  const granted = grantedSchools(ctx);
  if (ranges.length === 0 && granted.length === 0) return null;
  return (sql) => {
    if (granted.length === 0) {
      appendCodeRanges(sql, `${alias}.village_code`, ranges);
      return;
    }
    sql.append(` and (${alias}.school_id = any(?::int[])`, granted);
    if (ranges.length > 0) {
      sql.append(' or (true');
      appendCodeRanges(sql, `${alias}.village_code`, ranges);
      sql.append(')');
    }
    sql.append(')');
  };
}

/** Enrolments by id within the caller's scope (areas, or a granted school); others load as null. */
export const enrolmentLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, Enrolment | null>(async (ids) => {
      const scope = enrolmentScope(ctx, 'e', null);
      if (!scope) return ids.map(() => null);
      const enrolments = keyMatch('e.id', ids, 'int');
      const sql = new SqlText().append(`select ${ctx.db.columns(EnrolmentSchema).select('e')} from education_enrolment e where ${enrolments.sql}`, ...enrolments.params);
      scope(sql);
      return pickRows(ids, await ctx.db.entityRows(EnrolmentSchema, sql), (row) => row.id);
    }),
);

/** Each member's enrolments, newest term first; reached from a Member the caller already sees. */
export const enrolmentsByMemberLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, Enrolment[]>(async (memberIds) => {
      const rows = await rowsWhereIn(ctx, EnrolmentSchema, 'memberId', memberIds, { orderBy: [['memberId', 'asc'], ['year', 'desc'], ['term', 'asc'], ['id', 'desc']] });
      return groupRows(memberIds, rows, (row) => row.memberId);
    }),
);

/**
 * Members by id, for the rows of this plugin that name a student (an enrolment, an application, a
 * payment): the row has already passed the caller's scope, and the kernel guards the Member it
 * returns; `studentName` shows only the name, which is not masked data.
 */
export const memberLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, Member | null>(async (ids) => pickRows(ids, await rowsWhereIn(ctx, MemberSchema, 'id', ids), (row) => row.id)),
);
