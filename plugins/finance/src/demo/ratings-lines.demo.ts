import type { EntityManager } from '@mikro-orm/postgresql';
import { subtreeRange } from '@tuopin/core';
import { creditLimitFor, DEFAULT_FINANCE_SETTINGS } from '../settings/finance-settings.js';
import { draw } from './demo-draw.js';
import type { CampaignPlan } from './finance-demo.plan.js';

/** The demo follows the default policy, whatever a deployment configures. */
const POLICY = DEFAULT_FINANCE_SETTINGS;
const ELIGIBLE = ['AAA', 'AA', 'A'] as const;

/**
 * 评级: the campaign's households in a deterministic order, the first `ratedHouseholds` rated.
 * Scores fall in the bands of a typical county: about 15 % AAA, 25 % AA, 28 % A, 20 % B, 12 % C.
 */
export async function seedRatings(em: EntityManager, plan: CampaignPlan): Promise<void> {
  const { lo, hi } = subtreeRange(plan.regionCode);
  await em.execute(
    `create temp table demo_rated on commit drop as
     select h.id as household_id, h.household_no, h.village_code, h.member_count,
            ${draw("h.household_no || ':grade'")} as g, ${draw("h.household_no || ':score'")} as s, ${draw("h.household_no || ':rated_on'")} as d
     from household h where h.village_code between ? and ?
     order by md5(h.household_no || ':rated') limit ?`,
    [lo, hi, plan.ratedHouseholds ?? 1_000_000],
  );
  await em.execute(
    `insert into finance_credit_rating (household_id, village_code, grade, score, rated_on, rater, recorded_by)
     select r.household_id, r.village_code,
            case when x.score >= 90 then 'AAA' when x.score >= 80 then 'AA' when x.score >= 70 then 'A' when x.score >= 60 then 'B' else 'C' end,
            x.score, ?::date + floor(r.d * ?)::int, a.name || '信用评级小组', 'demo'
     from demo_rated r join area a on a.code = r.village_code
     cross join lateral (select case when r.g < 0.15 then 90 + floor(r.s * 11) when r.g < 0.40 then 80 + floor(r.s * 10)
                                     when r.g < 0.68 then 70 + floor(r.s * 10) when r.g < 0.88 then 60 + floor(r.s * 10)
                                     else 40 + floor(r.s * 20) end::int as score) x`,
    [plan.ratingPeriod[0], plan.ratingPeriod[1]],
  );
}

/**
 * 授信: `creditLines.households` of the rated households of grade A or better, three-year lines
 * from the campaign's lenders. The pick leans slightly towards smaller households, and a final
 * swap of households one member apart makes their people exact; amounts are weighted by the
 * grade's limit and scaled so that they add up to the total exactly, in hundreds of yuan.
 */
export async function seedCreditLines(em: EntityManager, plan: CampaignPlan, lenderIds: readonly number[]): Promise<void> {
  const { households, people, total } = plan.creditLines;
  await em.execute(
    `create temp table demo_pick on commit drop as
     select r.household_id, r.household_no, r.village_code, r.member_count, cr.id as rating_id, cr.grade, cr.rated_on,
            row_number() over (order by ${draw("r.household_no || ':line'")} + 0.035 * r.member_count, r.household_id) as rank,
            false as picked
     from demo_rated r join finance_credit_rating cr on cr.household_id = r.household_id
     where cr.grade in (${ELIGIBLE.map(() => '?').join(', ')})`,
    [...ELIGIBLE],
  );
  await em.execute('update demo_pick set picked = rank <= ?', [households]);
  if (people !== null) {
    // Each swap of a picked household for an unpicked one a member smaller (or larger) moves the
    // people by one; the deviation left by the pick is a few dozen at most.
    await em.execute(
      `with dev as (select coalesce(sum(member_count) filter (where picked), 0) - ? as d from demo_pick),
       leaving as (select household_id from (select p.household_id, row_number() over (order by p.rank desc) as n
                   from demo_pick p, dev where p.picked and p.member_count = case when dev.d > 0 then 5 else 4 end) x, dev where x.n <= abs(dev.d)),
       joining as (select household_id from (select p.household_id, row_number() over (order by p.rank) as n
                   from demo_pick p, dev where not p.picked and p.member_count = case when dev.d > 0 then 4 else 5 end) x, dev where x.n <= abs(dev.d))
       update demo_pick set picked = not picked where household_id in (select household_id from leaving union all select household_id from joining)`,
      [people],
    );
  }
  const caps = ELIGIBLE.map((grade) => creditLimitFor(POLICY, grade)!);
  const lenderCase = lenderIds
    .map((id, i) => `when ${draw("p.household_no || ':lender'")} < ${plan.lenders.slice(0, i + 1).reduce((sum, l) => sum + l.share, 0)} then ${id}`)
    .join(' ');
  await em.execute(
    `insert into finance_credit_line (household_id, village_code, lender_id, rating_id, amount, valid_from, valid_until, granted_by)
     with weighted as (
       select p.*, x.cap * (0.75 + 0.25 * ${draw("p.household_no || ':amount'")})::numeric as w
       from demo_pick p
       cross join lateral (select case p.grade when 'AAA' then ?::numeric when 'AA' then ?::numeric else ?::numeric end as cap) x
       where p.picked
     ),
     based as (select *, floor(w * ?::numeric / sum(w) over () / 100) * 100 as base from weighted),
     amounts as (select *, base + case when row_number() over (order by rank) <= (?::numeric - sum(base) over ()) / 100 then 100 else 0 end as amount
                 from based)
     select p.household_id, p.village_code, case ${lenderCase} else ${lenderIds[0]} end, p.rating_id, p.amount, f.valid_from,
            (f.valid_from + interval '36 months' - interval '1 day')::date, 'demo'
     from amounts p
     cross join lateral (select p.rated_on + 10 + floor(${draw("p.household_no || ':valid_from'")} * 30)::int as valid_from) f`,
    [...caps, total, total],
  );
  const [check] = await em.execute<{ over: string; lines: string; sum: string }[]>(
    `select count(*) filter (where cl.amount > case cr.grade when 'AAA' then ?::numeric when 'AA' then ?::numeric else ?::numeric end) as over,
            count(*) as lines, sum(cl.amount)::text as sum
     from finance_credit_line cl join finance_credit_rating cr on cr.id = cl.rating_id
     where cl.village_code between ? and ?`,
    [...caps, ...Object.values(subtreeRange(plan.regionCode))],
  );
  if (Number(check.over) > 0 || Number(check.lines) !== households) {
    throw new Error(`finance demo: ${check.lines} credit lines for ${households} households, ${check.over} above their grade's limit`);
  }
}
