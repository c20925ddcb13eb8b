import { moneyFromSql, RANGES_CTE } from '@tuopin/core';
import type { AidScheme, Stage } from '../shared/vocabulary.js';
import { blockLoader } from './stats-source.js';

export interface AidGroup {
  scheme: AidScheme;
  stage: Stage;
  students: number;
  payments: number;
  amount: string;
}

export interface AidFigures {
  students: number;
  payments: number;
  amount: string;
  byScheme: AidGroup[];
}

interface AidRow {
  code: string;
  scheme: AidScheme;
  stage: Stage;
  students: string;
  payments: string;
  amount: string;
}

// Live payments (their ledger entry not reversed) paid in the period, placed by the student's village, by scheme and
// stage, and in total (grouping sets: a student aided by two schemes counts once in the total).
const AID_SQL = `
  with ${RANGES_CTE}, p as not materialized (select ?::date as from_day, ?::date as until_day, ?::date as today)
  select r.code, pay.scheme, pay.stage, count(distinct pay.member_id)::int8 as students, count(*)::int8 as payments, sum(pay.amount)::text as amount
  from r cross join p
  join education_aid_payment pay on pay.village_code between r.lo and r.hi
   and (p.from_day is null or pay.paid_on >= p.from_day) and (p.until_day is null or pay.paid_on <= p.until_day)
  where not exists (select 1 from ledger_entry x where x.reverses_id = pay.ledger_entry_id)
  group by grouping sets ((r.code, pay.scheme, pay.stage), (r.code))`;

/** Students aided, payments and amounts of an area, by scheme and stage; one statement per batch. */
export const aidStatsLoader = blockLoader<AidRow, AidFigures>(AID_SQL, (rows) => {
  const total = rows.find((row) => row.scheme === null);
  const byScheme = rows
    .filter((row) => row.scheme !== null)
    .map((row) => ({ scheme: row.scheme, stage: row.stage, students: Number(row.students), payments: Number(row.payments), amount: moneyFromSql(row.amount) }))
    .sort((a, b) => (a.scheme + a.stage).localeCompare(b.scheme + b.stage));
  return {
    students: Number(total?.students ?? 0),
    payments: Number(total?.payments ?? 0),
    amount: moneyFromSql(total?.amount),
    byScheme,
  };
});
