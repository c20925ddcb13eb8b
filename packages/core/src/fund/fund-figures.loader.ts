import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { PAGE } from '../kernel/read/filtered-rows.js';
import { keyMatch } from '../kernel/read/key-match.js';
import { SqlText } from '../kernel/read/read-statement.js';
import type { TuopinContext } from '../kernel/context.js';
import { groupRows } from '../kernel/group-rows.js';
import { sumMoney } from '../kernel/money.js';
import { sortShortList } from '../kernel/sort-short-list.js';
import { liveEntry, moneyFromSql } from '../ledger/ledger-sql.js';
import { FUND_SOURCE_TYPES, type FundSourceType } from './fund-enums.js';

/** Live allocations and disbursements of a fund or a project, as Money strings. */
export interface LedgerTotals {
  allocated: string;
  disbursed: string;
}

export interface SourceFunding extends LedgerTotals {
  sourceType: FundSourceType;
}

export interface ProjectFunding extends LedgerTotals {
  /** Per fund source type with any live entry, in the vocabulary's order. */
  bySource: SourceFunding[];
}

const SOURCE_ORDER = Object.keys(FUND_SOURCE_TYPES);

/** Each fund's live allocated and disbursed sums: one grouped statement per batch of funds. */
export const fundTotalsLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, LedgerTotals>(async (ids) => {
      const funds = keyMatch('e.fund_id', ids, 'int');
      const rows = await ctx.db.rows<{ fund_id: number; allocated: string; disbursed: string }>(
        new SqlText().append(
        `select e.fund_id,
                coalesce(sum(e.amount) filter (where e.kind = 'ALLOCATION'), 0)::text as allocated,
                coalesce(sum(e.amount) filter (where e.kind = 'DISBURSEMENT'), 0)::text as disbursed
         from ledger_entry e
         where ${funds.sql} and e.kind in ('ALLOCATION', 'DISBURSEMENT') and ${liveEntry('e')}
         group by e.fund_id`,
          ...funds.params,
        ),
      );
      const byId = new Map(rows.map((row) => [row.fund_id, { allocated: moneyFromSql(row.allocated), disbursed: moneyFromSql(row.disbursed) }]));
      return ids.map((id) => byId.get(id) ?? { allocated: '0.00', disbursed: '0.00' });
    }),
);

/** One project's live sums of one fund source type, as SQL gives them. */
export interface FundingRow {
  source_type: FundSourceType;
  allocated: string;
  disbursed: string;
}

/** A project's funding from its rows by source type: in the vocabulary's order, with totals. */
export function fundingOf(rows: readonly FundingRow[]): ProjectFunding {
  const bySource = sortShortList(
    rows.map((row) => ({ sourceType: row.source_type, allocated: moneyFromSql(row.allocated), disbursed: moneyFromSql(row.disbursed) })),
    (a, b) => SOURCE_ORDER.indexOf(a.sourceType) - SOURCE_ORDER.indexOf(b.sourceType),
  );
  return {
    bySource,
    allocated: sumMoney('0', ...bySource.map((s) => s.allocated)),
    disbursed: sumMoney('0', ...bySource.map((s) => s.disbursed)),
  };
}

/** A project's live sums of one fund source type, with the project's id. */
export type ProjectFundingRow = FundingRow & { project_id: number };

/**
 * Each project's live allocated and disbursed sums by fund source type, of the projects whose
 * ledger entries `where` selects (on the alias `e`): rows of `ProjectFundingRow`.
 *
 * Summed by fund first, and only then given each fund's source type: a project's entries come from
 * a handful of funds, so the fund is read once per fund, not once per entry. Joined per entry, a
 * page of 20 projects with 160 live entries each read the fund 3,356 times, and the project feed's
 * statement took 5.8 ms of PostgreSQL's time where this takes 2.7 (test/bench/README.md, session
 * 48). The sums are of exact numerics, so the totals are the same either way.
 */
function projectFundingSql(where: string): string {
  return `select by_fund.project_id, (select f.source_type from fund f where f.id = by_fund.fund_id) as source_type,
                sum(by_fund.allocated)::text as allocated, sum(by_fund.disbursed)::text as disbursed
         from (select e.project_id, e.fund_id,
                      coalesce(sum(e.amount) filter (where e.kind = 'ALLOCATION'), 0) as allocated,
                      coalesce(sum(e.amount) filter (where e.kind = 'DISBURSEMENT'), 0) as disbursed
               from ledger_entry e
               where ${where} and e.kind in ('ALLOCATION', 'DISBURSEMENT') and ${liveEntry('e')}
               group by e.project_id, e.fund_id) by_fund
         group by 1, 2`;
}

/**
 * The funding rows of every project of a page as one JSON array (null when there are none), for a
 * project page that reads its funding in its own statement, as a page column (`project.queries.ts`):
 * the same sums as `projectFundingLoader`'s. One pass over the entries of the whole page, not one
 * subquery per project, whose handful of plan nodes PostgreSQL started again for every project: on
 * the project feed that took PostgreSQL 2.1 ms of CPU per statement where this takes 1.5
 * (test/bench/README.md, session 48).
 */
export const PAGE_FUNDING_JSON = `select json_agg(json_build_object('project_id', x.project_id, 'source_type', x.source_type, 'allocated', x.allocated, 'disbursed', x.disbursed))
   from (${projectFundingSql(`e.project_id = any(array(select "id" from ${PAGE}))`)}) x`;

/**
 * Each project's funding by source type: one statement grouped by (project, source type) for a
 * whole page of projects; totals, gap and execution rate are derived from it.
 */
export const projectFundingLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, ProjectFunding>(async (ids) => {
      const projects = keyMatch('e.project_id', ids, 'int');
      const rows = await ctx.db.rows<ProjectFundingRow>(new SqlText().append(projectFundingSql(projects.sql), ...projects.params));
      return groupRows(ids, rows, (row) => row.project_id).map(fundingOf);
    }),
);
