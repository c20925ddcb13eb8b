import { createContextCache } from '@pothos/core';
import { moneyFromSql, rangeParameters, scopedRanges, SqlText, type TuopinContext } from '@tuopin/core';
import DataLoader from 'dataloader';
import type { AidKind, ExchangeCategory, ExchangeDirection } from '../shared/pairing-enums.js';

/** Which side of its pairings an area's figures are about. */
export type PairingSide = 'HELPED' | 'HELPER';

/** What `RegionStats.pairing` resolves to: the area, the year (null: every year) and the side. */
export interface PairingStatsSource {
  readonly code: string;
  readonly year: number | null;
  readonly side: PairingSide;
}

export interface ExchangeGroup {
  category: ExchangeCategory;
  direction: ExchangeDirection;
  people: number;
}

/** An area's paired-assistance figures. */
export interface PairingFigures {
  pairings: number;
  pledged: string;
  received: Record<AidKind, string>;
  projectsFunded: number;
  allocated: string;
  exchanges: ExchangeGroup[];
  workersPlaced: number;
  purchases: number;
  purchaseAmount: string;
  investments: number;
  investment: string;
  jobsForRegistered: number;
}

const EMPTY: PairingFigures = {
  pairings: 0,
  pledged: '0.00',
  received: { FISCAL: '0.00', SOCIAL_DONATION: '0.00', IN_KIND: '0.00', INTRODUCED: '0.00' },
  projectsFunded: 0,
  allocated: '0.00',
  exchanges: [],
  workersPlaced: 0,
  purchases: 0,
  purchaseAmount: '0.00',
  investments: 0,
  investment: '0.00',
  jobsForRegistered: 0,
};

/**
 * Every block in one statement per batch of areas of one (year, side): the pairings whose helped
 * area (or helping area) lies in the part of each area the caller may see (core's `scopedRanges`),
 * then what was recorded on them. Money received is the linked funds' amounts, read from core's
 * ledger, never a copy; pledges are the agreements', apart. `$year` null counts every year.
 */
function statsSql(side: PairingSide): string {
  const column = side === 'HELPED' ? 'pr.area_code' : 'pr.helper_area_code';
  return `
  with r(code, lo, hi) as (select * from unnest(?::text[], ?::text[], ?::text[])),
  y(year) as (select ?::int),
  p(code, id) as (select r.code, pr.id from r join pairing_relation pr on ${column} between r.lo and r.hi)
  select p.code, 'pairings' as block, null::text as k1, null::text as k2, count(*)::int8 as n, '0' as m from p group by p.code
  union all
  select p.code, 'pledged', null, null, count(*), sum(a.pledged_amount)::text
  from p cross join y join pairing_agreement a on a.pairing_id = p.id where y.year is null or a.year = y.year group by p.code
  union all
  select p.code, 'received', a.kind, null, count(*), sum(f.amount)::text
  from p cross join y join pairing_aid a on a.pairing_id = p.id join fund f on f.id = a.fund_id where y.year is null or a.year = y.year group by p.code, a.kind
  union all
  select p.code, 'allocated', null, null, count(distinct e.project_id), coalesce(sum(e.amount), 0)::text
  from p cross join y join pairing_aid a on a.pairing_id = p.id
  join ledger_entry e on e.fund_id = a.fund_id and e.kind = 'ALLOCATION' and not exists (select 1 from ledger_entry rev where rev.reverses_id = e.id)
  where y.year is null or a.year = y.year group by p.code
  union all
  select p.code, 'exchanges', x.category, x.direction, count(*), '0'
  from p cross join y join pairing_exchange x on x.pairing_id = p.id where y.year is null or extract(year from x.start_date) = y.year group by p.code, x.category, x.direction
  union all
  select p.code, 'labour', null, null, count(*), '0'
  from p cross join y join pairing_labour l on l.pairing_id = p.id where y.year is null or extract(year from l.start_month) = y.year group by p.code
  union all
  select p.code, 'purchases', null, null, count(*), sum(b.amount)::text
  from p cross join y join pairing_purchase b on b.pairing_id = p.id where y.year is null or b.year = y.year group by p.code
  union all
  select p.code, 'investment', null, null, count(*), sum(i.amount)::text
  from p cross join y join pairing_investment i on i.pairing_id = p.id where y.year is null or i.year = y.year group by p.code
  union all
  select p.code, 'jobs', null, null, coalesce(sum(i.jobs_for_registered), 0), '0'
  from p cross join y join pairing_investment i on i.pairing_id = p.id where y.year is null or i.year = y.year group by p.code`;
}

const CATEGORY_ORDER = ['CADRE', 'VICE_PRINCIPAL', 'TEACHER', 'MEDICAL', 'AGRICULTURAL_TECHNICIAN', 'OTHER'];

interface StatsRow {
  code: string;
  block: string;
  k1: string | null;
  k2: string | null;
  n: string;
  m: string;
}

function figuresOf(rows: readonly StatsRow[]): PairingFigures {
  const figures: PairingFigures = { ...EMPTY, received: { ...EMPTY.received }, exchanges: [] };
  for (const row of rows) {
    const n = Number(row.n);
    const m = moneyFromSql(row.m);
    switch (row.block) {
      case 'pairings': figures.pairings = n; break;
      case 'pledged': figures.pledged = m; break;
      case 'received': figures.received[row.k1 as AidKind] = m; break;
      case 'allocated': figures.projectsFunded = n; figures.allocated = m; break;
      case 'exchanges': figures.exchanges.push({ category: row.k1 as ExchangeCategory, direction: row.k2 as ExchangeDirection, people: n }); break;
      case 'labour': figures.workersPlaced = n; break;
      case 'purchases': figures.purchases = n; figures.purchaseAmount = m; break;
      case 'investment': figures.investments = n; figures.investment = m; break;
      case 'jobs': figures.jobsForRegistered = n; break;
    }
  }
  figures.exchanges.sort((a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) || a.direction.localeCompare(b.direction));
  return figures;
}

export const statsKey = (source: PairingStatsSource) => `${source.code}|${source.year ?? ''}|${source.side}`;

/** Keyed by `statsKey`; one statement per (year, side) in a batch, however many areas. */
export const pairingStatsLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<string, PairingFigures>(async (keys) => {
      const parsed = keys.map((key) => {
        const [code, year, side] = key.split('|');
        return { key, code, year: year === '' ? null : Number(year), side: side as PairingSide };
      });
      const results = new Map<string, PairingFigures>();
      const batches = new Map<string, typeof parsed>();
      for (const entry of parsed) batches.set(`${entry.year}|${entry.side}`, [...(batches.get(`${entry.year}|${entry.side}`) ?? []), entry]);
      for (const batch of batches.values()) {
        const { year, side } = batch[0];
        const ranges = scopedRanges(ctx, batch.map((entry) => entry.code));
        if (ranges.length === 0) continue;
        const rows = await ctx.db.rows<StatsRow>(new SqlText().append(statsSql(side), ...rangeParameters(ranges), year));
        for (const entry of batch) results.set(entry.key, figuresOf(rows.filter((row) => row.code === entry.code)));
      }
      return keys.map((key) => results.get(key) ?? EMPTY);
    }),
);
