import { createContextCache } from '@pothos/core';
import { rangeParameters, RANGES_CTE, scopedRanges, SqlText, sumMoney, type FundSourceType, type TuopinContext } from '@tuopin/core';
import DataLoader from 'dataloader';

/** What `RegionStats.relocation` resolves to: the area; each field loads the figures in batches. */
export interface RelocationStatsSource {
  readonly code: string;
}

/** Subsidies paid from one kind of fund. */
export interface SourceFigures {
  sourceType: FundSourceType;
  payments: number;
  /** Distinct households paid from this kind of fund: a household is paid by instalments, so payments are not households. */
  households: number;
  amount: string;
}

/** An area's relocation figures: households by the village they move from, sites and flats by where they stand. */
export interface RelocationFigures {
  households: number;
  people: number;
  centralisedHouseholds: number;
  centralisedPeople: number;
  registeredHouseholds: number;
  registeredPeople: number;
  movedInHouseholds: number;
  movedInPeople: number;
  housedPeople: number;
  /** Whole m² of the homes of housed households. */
  housedFloorArea: number;
  demolitionDue: number;
  demolished: number;
  retained: number;
  reclaimed: number;
  reclaimedAreaMu: string;
  labourHouseholds: number;
  employedLabourHouseholds: number;
  /** Households whose self-raised amount is above 0: the ones `selfRaised` is made of. */
  selfRaisingHouseholds: number;
  selfRaised: string;
  sites: number;
  flats: number;
  subsidyPayments: number;
  /** Distinct households with a live subsidy, from any source: not the sum of the sources' households. */
  subsidisedHouseholds: number;
  subsidiesPaid: string;
  bySource: SourceFigures[];
}

const NUMBERS = [
  'households', 'people', 'centralisedHouseholds', 'centralisedPeople', 'registeredHouseholds', 'registeredPeople', 'movedInHouseholds', 'movedInPeople',
  'housedPeople', 'housedFloorArea', 'demolitionDue', 'demolished', 'retained', 'reclaimed', 'labourHouseholds', 'employedLabourHouseholds', 'sites', 'flats',
  'selfRaisingHouseholds', 'subsidisedHouseholds',
] as const;

// One statement per batch of areas, over exactly the ranges the caller may see (core's
// `scopedRanges`). A live subsidy is one whose ledger entry was not reversed. Subsidies are
// grouped by source and, in the same pass, over all sources (the empty grouping set), because the
// households paid from any source are distinct households, not the sum of each source's.
// Ranges never overlap and a payment lies in its household's village, so the rows of an area's
// ranges add up.
const STATS_SQL = `
  with ${RANGES_CTE}
  select r.code, h.*, s.sites, f.flats, p.*
  from r
  cross join lateral (
    select count(*)::int as "households", coalesce(sum(people_moved), 0)::int as "people",
      count(*) filter (where mode = 'CENTRALISED')::int as "centralisedHouseholds",
      coalesce(sum(people_moved) filter (where mode = 'CENTRALISED'), 0)::int as "centralisedPeople",
      count(*) filter (where household_id is not null)::int as "registeredHouseholds",
      coalesce(sum(people_moved) filter (where household_id is not null), 0)::int as "registeredPeople",
      count(*) filter (where move_in_date is not null)::int as "movedInHouseholds",
      coalesce(sum(people_moved) filter (where move_in_date is not null), 0)::int as "movedInPeople",
      coalesce(sum(people_moved) filter (where floor_area is not null), 0)::int as "housedPeople",
      coalesce(floor(sum(floor_area)), 0)::int as "housedFloorArea",
      count(*) filter (where status in ('MOVED_IN', 'DEMOLISHED', 'RECLAIMED'))::int as "demolitionDue",
      count(*) filter (where status in ('DEMOLISHED', 'RECLAIMED'))::int as "demolished",
      count(*) filter (where status = 'RETAINED')::int as "retained",
      count(*) filter (where status = 'RECLAIMED')::int as "reclaimed",
      coalesce(sum(reclaimed_area_mu), 0)::text as "reclaimedAreaMu",
      count(*) filter (where has_labour and move_in_date is not null)::int as "labourHouseholds",
      count(*) filter (where has_labour and move_in_date is not null and exists (
        select 1 from relocation_support e where e.relocated_household_id = x.id and e.kind = 'EMPLOYMENT'))::int as "employedLabourHouseholds",
      count(*) filter (where self_raised > 0)::int as "selfRaisingHouseholds",
      coalesce(sum(self_raised), 0)::text as "selfRaised"
    from relocation_household x where x.village_code between r.lo and r.hi) h
  cross join lateral (select count(*)::int as sites from relocation_site where area_code between r.lo and r.hi) s
  cross join lateral (select count(*)::int as flats from relocation_flat where area_code between r.lo and r.hi) f
  cross join lateral (
    select coalesce(json_agg(json_build_object('sourceType', g.source_type, 'payments', g.payments, 'households', g.households, 'amount', g.amount))
        filter (where g.by_source), '[]'::json) as "bySource",
      coalesce(max(g.households) filter (where not g.by_source), 0)::int as "subsidisedHouseholds"
    from (
      select fu.source_type, grouping(fu.source_type) = 0 as by_source, count(*)::int as payments,
        count(distinct sp.relocated_household_id)::int as households, sum(sp.amount)::text as amount
      from relocation_subsidy_payment sp
      join ledger_entry le on le.id = sp.ledger_entry_id
      join fund fu on fu.id = le.fund_id
      where sp.village_code between r.lo and r.hi and not exists (select 1 from ledger_entry rv where rv.reverses_id = sp.ledger_entry_id)
      group by grouping sets ((fu.source_type), ())) g) p`;

const empty = (): RelocationFigures => ({
  ...(Object.fromEntries(NUMBERS.map((key) => [key, 0])) as Record<(typeof NUMBERS)[number], number>),
  reclaimedAreaMu: '0.00',
  selfRaised: '0.00',
  subsidyPayments: 0,
  subsidiesPaid: '0.00',
  bySource: [],
});

type Row = Omit<RelocationFigures, 'subsidyPayments' | 'subsidiesPaid'> & { code: string };

/** Adds one range's row into an area's figures (an area the caller sees through several scopes has several). */
function addRow(figures: RelocationFigures, row: Row): void {
  for (const key of NUMBERS) figures[key] += row[key];
  figures.reclaimedAreaMu = sumMoney(figures.reclaimedAreaMu, row.reclaimedAreaMu);
  figures.selfRaised = sumMoney(figures.selfRaised, row.selfRaised);
  for (const group of row.bySource) {
    const same = figures.bySource.find((g) => g.sourceType === group.sourceType);
    if (same) {
      same.payments += group.payments;
      same.households += group.households;
      same.amount = sumMoney(same.amount, group.amount);
    } else figures.bySource.push({ ...group });
  }
  figures.bySource.sort((a, b) => a.sourceType.localeCompare(b.sourceType));
  figures.subsidyPayments = figures.bySource.reduce((n, g) => n + g.payments, 0);
  figures.subsidiesPaid = sumMoney('0', ...figures.bySource.map((g) => g.amount));
}

/** The figures of areas by code, within the caller's scope: the same ranges as core's statistics. */
export const relocationStatsLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<string, RelocationFigures>(async (codes) => {
      const byCode = new Map(codes.map((code) => [code, empty()]));
      const ranges = scopedRanges(ctx, codes);
      if (ranges.length > 0) {
        const rows = await ctx.db.rows<Row>(new SqlText().append(STATS_SQL, ...rangeParameters(ranges)));
        for (const row of rows) addRow(byCode.get(row.code)!, row);
      }
      return codes.map((code) => byCode.get(code)!);
    }),
);
