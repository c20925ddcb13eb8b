import { createContextCache } from '@pothos/core';
import { moneyFromSql, rangeParameters, RANGES_CTE, scopedRanges, SqlText, type TuopinContext } from '@tuopin/core';
import DataLoader from 'dataloader';
import type { AidKind, ExchangeCategory, ExchangeDirection } from '../shared/pairing-enums.js';

/** Which side of its pairings an area's figures are about. */
export type PairingSide = 'HELPED' | 'HELPER';

/**
 * What `RegionStats.pairing` and `RegionStats.pairingAsHelper` resolve to: the area, the side, and
 * the years counted (from the year of `from` to the year of `until`; null bounds are open).
 */
export interface PairingStatsSource {
  readonly code: string;
  readonly side: PairingSide;
  readonly fromYear: number | null;
  readonly untilYear: number | null;
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
 * ledger, never a copy; pledges are the agreements', apart. A row counts in the years it is dated
 * in (an agreement's or aid's year, an exchange's start, a placement's first month).
 */
/** Whether a row's year lies within the requested years. */
const inYears = (year: string) => `(y.from_year is null or ${year} >= y.from_year) and (y.until_year is null or ${year} <= y.until_year)`;

function statsSql(side: PairingSide): string {
  const column = side === 'HELPED' ? 'pr.area_code' : 'pr.helper_area_code';
  return `
  with ${RANGES_CTE},
  y(from_year, until_year) as (select ?::int, ?::int),
  p(code, id) as (select r.code, pr.id from r join pairing_relation pr on ${column} between r.lo and r.hi)
  select p.code, 'pairings' as block, null::text as k1, null::text as k2, count(*)::int8 as n, '0' as m from p group by p.code
  union all
  select p.code, 'pledged', null, null, count(*), sum(a.pledged_amount)::text
  from p cross join y join pairing_agreement a on a.pairing_id = p.id where ${inYears('a.year')} group by p.code
  union all
  select p.code, 'received', a.kind, null, count(*), sum(f.amount)::text
  from p cross join y join pairing_aid a on a.pairing_id = p.id join fund f on f.id = a.fund_id where ${inYears('a.year')} group by p.code, a.kind
  union all
  select p.code, 'allocated', null, null, count(distinct e.project_id), coalesce(sum(e.amount), 0)::text
  from p cross join y join pairing_aid a on a.pairing_id = p.id
  join ledger_entry e on e.fund_id = a.fund_id and e.kind = 'ALLOCATION' and not exists (select 1 from ledger_entry rev where rev.reverses_id = e.id)
  where ${inYears('a.year')} group by p.code
  union all
  select p.code, 'exchanges', x.category, x.direction, count(*), '0'
  from p cross join y join pairing_exchange x on x.pairing_id = p.id where ${inYears('extract(year from x.start_date)')} group by p.code, x.category, x.direction
  union all
  select p.code, 'labour', null, null, count(*), '0'
  from p cross join y join pairing_labour l on l.pairing_id = p.id where ${inYears('extract(year from l.start_month)')} group by p.code
  union all
  select p.code, 'purchases', null, null, count(*), sum(b.amount)::text
  from p cross join y join pairing_purchase b on b.pairing_id = p.id where ${inYears('b.year')} group by p.code
  union all
  select p.code, 'investment', null, null, count(*), sum(i.amount)::text
  from p cross join y join pairing_investment i on i.pairing_id = p.id where ${inYears('i.year')} group by p.code
  union all
  select p.code, 'jobs', null, null, coalesce(sum(i.jobs_for_registered), 0), '0'
  from p cross join y join pairing_investment i on i.pairing_id = p.id where ${inYears('i.year')} group by p.code`;
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

export const statsKey = (source: PairingStatsSource) => `${source.code}|${source.side}|${source.fromYear ?? ''}|${source.untilYear ?? ''}`;

const yearOf = (value: string) => (value === '' ? null : Number(value));

/** Keyed by `statsKey`; one statement per (side, years) in a batch, however many areas. */
export const pairingStatsLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<string, PairingFigures>(async (keys) => {
      const parsed = keys.map((key) => {
        const [code, side, fromYear, untilYear] = key.split('|');
        return { key, code, side: side as PairingSide, fromYear: yearOf(fromYear), untilYear: yearOf(untilYear), batch: `${side}|${fromYear}|${untilYear}` };
      });
      const results = new Map<string, PairingFigures>();
      const batches = new Map<string, typeof parsed>();
      for (const entry of parsed) batches.set(entry.batch, [...(batches.get(entry.batch) ?? []), entry]);
      for (const batch of batches.values()) {
        const { side, fromYear, untilYear } = batch[0];
        const ranges = scopedRanges(ctx, batch.map((entry) => entry.code));
        if (ranges.length === 0) continue;
        const rows = await ctx.db.rows<StatsRow>(new SqlText().append(statsSql(side), ...rangeParameters(ranges), fromYear, untilYear));
        for (const entry of batch) results.set(entry.key, figuresOf(rows.filter((row) => row.code === entry.code)));
      }
      return keys.map((key) => results.get(key) ?? EMPTY);
    }),
);
