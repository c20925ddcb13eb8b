import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { SqlText } from '../kernel/read/read-statement.js';
import type { TuopinContext } from '../kernel/context.js';
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
      const rows = await ctx.db.rows<{ fund_id: number; allocated: string; disbursed: string }>(
        new SqlText().append(
        `select e.fund_id,
                coalesce(sum(e.amount) filter (where e.kind = 'ALLOCATION'), 0)::text as allocated,
                coalesce(sum(e.amount) filter (where e.kind = 'DISBURSEMENT'), 0)::text as disbursed
         from ledger_entry e
         where e.fund_id = any(?::int[]) and e.kind in ('ALLOCATION', 'DISBURSEMENT') and ${liveEntry('e')}
         group by e.fund_id`,
          ids,
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

/**
 * The funding rows of the project `p` as a JSON array, for a project page that reads its funding
 * in its own statement (`project.queries.ts`): the same sums as `projectFundingLoader`'s.
 */
export const PROJECT_FUNDING_JSON = `coalesce((select json_agg(json_build_object('source_type', x.source_type, 'allocated', x.allocated, 'disbursed', x.disbursed))
   from (select f.source_type,
                coalesce(sum(e.amount) filter (where e.kind = 'ALLOCATION'), 0)::text as allocated,
                coalesce(sum(e.amount) filter (where e.kind = 'DISBURSEMENT'), 0)::text as disbursed
         from ledger_entry e join fund f on f.id = e.fund_id
         where e.project_id = p.id and e.kind in ('ALLOCATION', 'DISBURSEMENT') and ${liveEntry('e')}
         group by f.source_type) x), '[]')`;

/**
 * Each project's funding by source type: one statement grouped by (project, source type) for a
 * whole page of projects; totals, gap and execution rate are derived from it.
 */
export const projectFundingLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, ProjectFunding>(async (ids) => {
      const rows = await ctx.db.rows<FundingRow & { project_id: number }>(
        new SqlText().append(
        `select e.project_id, f.source_type,
                coalesce(sum(e.amount) filter (where e.kind = 'ALLOCATION'), 0)::text as allocated,
                coalesce(sum(e.amount) filter (where e.kind = 'DISBURSEMENT'), 0)::text as disbursed
         from ledger_entry e join fund f on f.id = e.fund_id
         where e.project_id = any(?::int[]) and e.kind in ('ALLOCATION', 'DISBURSEMENT') and ${liveEntry('e')}
         group by e.project_id, f.source_type`,
          ids,
        ),
      );
      const byProject = new Map<number, FundingRow[]>();
      for (const row of rows) {
        const list = byProject.get(row.project_id) ?? [];
        list.push(row);
        byProject.set(row.project_id, list);
      }
      return ids.map((id) => fundingOf(byProject.get(id) ?? []));
    }),
);
