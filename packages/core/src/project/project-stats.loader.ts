import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { rangeParameters, RANGES_CTE, scopedRanges } from '../area/region-stats.loader.js';
import { SqlText } from '../kernel/read/read-statement.js';
import type { TuopinContext } from '../kernel/context.js';
import { groupRows } from '../kernel/group-rows.js';
import { sumMoney } from '../kernel/money.js';
import { FUND_SOURCE_TYPES, type FundSourceType } from '../fund/fund-enums.js';
import { liveEntry, moneyFromSql } from '../ledger/ledger-sql.js';
import { PROJECT_STATUSES, type ProjectStatus } from './project-enums.js';

export interface StatusCount {
  status: ProjectStatus;
  count: number;
}

export interface SourceFigures {
  sourceType: FundSourceType;
  fundCount: number;
  amount: string;
  allocated: string;
  disbursed: string;
}

export interface ProjectFundStats {
  projectCount: number;
  projectBudget: string;
  /** Statuses with any project, in life-cycle order. */
  byStatus: StatusCount[];
  /** Source types with any fund managed in the area, in the vocabulary's order. */
  bySource: SourceFigures[];
  allocated: string;
  disbursed: string;
}

interface StatsRow {
  code: string;
  block: 'project' | 'fund';
  key: string;
  n: string;
  amount: string;
  allocated: string | null;
  disbursed: string | null;
}

// Projects by their place, funds by their managing area, over exactly the ranges the caller may
// see (the core statistics' \`scopedRanges\`). Two statements, each run only when one of its fields
// is asked for: a dashboard counting projects should not sum every fund's ledger too.
const RANGES = `with ${RANGES_CTE}`;

const PROJECT_BLOCK_SQL = `${RANGES}
  select r.code, 'project' as block, p.status as key, count(*) as n, sum(p.budget)::text as amount,
         null as allocated, null as disbursed
  from r join project p on p.place_code between r.lo and r.hi
  group by r.code, p.status`;

const FUND_BLOCK_SQL = `${RANGES}
  select r.code, 'fund' as block, f.source_type as key, count(*) as n, sum(f.amount)::text as amount,
         sum(l.allocated)::text as allocated, sum(l.disbursed)::text as disbursed
  from r join fund f on f.area_code between r.lo and r.hi
  cross join lateral (
    select coalesce(sum(e.amount) filter (where e.kind = 'ALLOCATION'), 0) as allocated,
           coalesce(sum(e.amount) filter (where e.kind = 'DISBURSEMENT'), 0) as disbursed
    from ledger_entry e
    where e.fund_id = f.id and e.kind in ('ALLOCATION', 'DISBURSEMENT') and ${liveEntry('e')}
  ) l
  group by r.code, f.source_type`;

const STATUS_ORDER = Object.keys(PROJECT_STATUSES);
const SOURCE_ORDER = Object.keys(FUND_SOURCE_TYPES);

function assemble(rows: StatsRow[]): ProjectFundStats {
  // A code may come in several scope ranges; they never overlap, so their rows add up.
  const statuses = new Map<ProjectStatus, { count: number; budget: string }>();
  const sources = new Map<FundSourceType, SourceFigures>();
  for (const row of rows) {
    if (row.block === 'project') {
      const status = row.key as ProjectStatus;
      const seen = statuses.get(status) ?? { count: 0, budget: '0.00' };
      statuses.set(status, { count: seen.count + Number(row.n), budget: sumMoney(seen.budget, moneyFromSql(row.amount)) });
    } else {
      const sourceType = row.key as FundSourceType;
      const seen = sources.get(sourceType) ?? { sourceType, fundCount: 0, amount: '0.00', allocated: '0.00', disbursed: '0.00' };
      sources.set(sourceType, {
        sourceType,
        fundCount: seen.fundCount + Number(row.n),
        amount: sumMoney(seen.amount, moneyFromSql(row.amount)),
        allocated: sumMoney(seen.allocated, moneyFromSql(row.allocated)),
        disbursed: sumMoney(seen.disbursed, moneyFromSql(row.disbursed)),
      });
    }
  }
  const byStatus = [...statuses].map(([status, { count }]) => ({ status, count }));
  byStatus.sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
  const bySource = [...sources.values()].sort((a, b) => SOURCE_ORDER.indexOf(a.sourceType) - SOURCE_ORDER.indexOf(b.sourceType));
  return {
    projectCount: byStatus.reduce((total, s) => total + s.count, 0),
    projectBudget: sumMoney('0', ...[...statuses.values()].map((s) => s.budget)),
    byStatus,
    bySource,
    allocated: sumMoney('0', ...bySource.map((s) => s.allocated)),
    disbursed: sumMoney('0', ...bySource.map((s) => s.disbursed)),
  };
}

function blockLoader(sql: string) {
  return createContextCache(
    (ctx: TuopinContext) =>
      new DataLoader<string, ProjectFundStats>(async (codes) => {
        const ranges = scopedRanges(ctx, codes);
        const rows = ranges.length === 0 ? [] : await ctx.db.rows<StatsRow>(new SqlText().append(sql, ...rangeParameters(ranges)));
        return groupRows(codes, rows, (row) => row.code).map(assemble);
      }),
  );
}

/** Project statistics of areas (each with its whole subtree), within the caller's scope; the fund figures are zero. */
export const projectStatsLoader = blockLoader(PROJECT_BLOCK_SQL);

/** Fund statistics of areas (each with its whole subtree), within the caller's scope; the project figures are zero. */
export const fundStatsLoader = blockLoader(FUND_BLOCK_SQL);
