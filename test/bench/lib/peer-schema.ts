/**
 * What PostGraphile needs, beyond our tables, to answer the same questions: functions in a schema
 * of their own, `bench_pg`, created by the harness (our tables' definitions are never touched).
 * Written the way the PostGraphile documentation suggests: set-returning functions for custom
 * root queries, "computed column" functions (first argument the table's row) for figures, and a
 * VOLATILE function for the custom mutation. Statistics use the same code ranges as the server.
 */
import type pg from 'pg';

export const PEER_SCHEMA_SQL = `
drop schema if exists bench_pg cascade;
create schema bench_pg;

-- Two schemas make PostGraphile prefix function names with the schema's; @name keeps them plain.

-- The code range of an area and everything under it: the significant prefix padded with 0s and 9s.
create function bench_pg.code_prefix(code text) returns text language sql immutable strict parallel safe as $$
  select case when substr(code, 3) = '0000000000' then left(code, 2)
              when substr(code, 5) = '00000000' then left(code, 4)
              when substr(code, 7) = '000000' then left(code, 6)
              when substr(code, 10) = '000' then left(code, 9)
              else code end
$$;
comment on function bench_pg.code_prefix(text) is '@behavior -queryField';

-- Root query: every area of a level under an area (Q2: villages of a county; Q3: counties of a province).
-- Parameters are qualified with the function's name: area has a column called parent_code.
create function bench_pg.areas_under(parent_code text, area_level text) returns setof public.area language sql stable as $$
  select a.* from public.area a
  where a.level = areas_under.area_level
    and a.code between rpad(bench_pg.code_prefix(areas_under.parent_code), 12, '0')
                   and rpad(bench_pg.code_prefix(areas_under.parent_code), 12, '9')
    and a.code <> areas_under.parent_code
  order by a.code
$$;
comment on function bench_pg.areas_under(text, text) is '@name areas_under';

-- Computed column Area.stats: the registry figures of the area and everything under it, from the
-- per-village rollup (village_stats, kept by our triggers) that our server reads too: the peer
-- answers from the same table, so the comparison is of the engines, not of a rollup against a
-- live GROUP BY over the households.
create type bench_pg.area_figures as (
  households int, people int, poor_households int, poor_people int, rural_population int, poverty_incidence float8
);
create function bench_pg.area_stats(a public.area) returns bench_pg.area_figures language sql stable as $$
  select coalesce(sum(s.households), 0)::int, coalesce(sum(s.people), 0)::int,
         coalesce(sum(s.poor_households), 0)::int, coalesce(sum(s.poor_people), 0)::int,
         coalesce(sum(v.rural_population), 0)::int,
         case when sum(v.rural_population) > 0 then round(coalesce(sum(s.poor_people), 0)::numeric / sum(v.rural_population), 4)::float8 end
  from public.area v
  -- LATERAL: a SQL function is planned once, generically, and would otherwise hash the whole
  -- rollup for every area of the page; this way each village is one index lookup.
  left join lateral (select * from public.village_stats x where x.village_code = v.code) s on true
  where v.level = 'VILLAGE' and v.code between rpad(bench_pg.code_prefix(a.code), 12, '0') and rpad(bench_pg.code_prefix(a.code), 12, '9')
$$;

-- Computed column Area.projectCount: projects placed in the area and everything under it.
create function bench_pg.area_project_count(a public.area) returns int language sql stable as $$
  select count(*)::int from public.project
  where place_code between rpad(bench_pg.code_prefix(a.code), 12, '0') and rpad(bench_pg.code_prefix(a.code), 12, '9')
$$;

-- Root query: the projects of an area and everything under it, by place code (Q4).
create function bench_pg.projects_in(region_code text) returns setof public.project language sql stable as $$
  select p.* from public.project p
  where p.place_code between rpad(bench_pg.code_prefix(region_code), 12, '0') and rpad(bench_pg.code_prefix(region_code), 12, '9')
  order by p.place_code, p.id
$$;
comment on function bench_pg.projects_in(text) is '@name projects_in';

-- Root query: households of an area whose number, or a member's name or ID number, starts with a
-- prefix (Q7), as our server searches for a role that may read personal data; LIKE wildcards in
-- the prefix are escaped, ID numbers are stored with an upper-case X. One EXISTS per member column,
-- as ours: each is an index-only scan of that column's covering index.
create function bench_pg.households_search(region_code text, prefix text) returns setof public.household language sql stable as $$
  with p as (select replace(replace(replace(btrim(prefix), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%' as pattern)
  select h.* from public.household h, p
  where h.village_code between rpad(bench_pg.code_prefix(region_code), 12, '0') and rpad(bench_pg.code_prefix(region_code), 12, '9')
    and (h.household_no like p.pattern
         or exists (select 1 from public.member m where m.household_id = h.id and m.name like p.pattern)
         or exists (select 1 from public.member m where m.household_id = h.id and m.id_number like upper(p.pattern)))
  order by h.village_code, h.id
$$;
comment on function bench_pg.households_search(text, text) is '@name households_search';

-- Computed column Project.totalFunded: live (not reversed) allocations.
create function bench_pg.project_total_funded(p public.project) returns numeric language sql stable as $$
  select coalesce(sum(e.amount), 0)::numeric(14, 2) from public.ledger_entry e
  where e.project_id = p.id and e.kind = 'ALLOCATION'
    and not exists (select 1 from public.ledger_entry r where r.reverses_id = e.id)
$$;

-- Computed column Project.county: the county the place lies in.
create function bench_pg.project_county(p public.project) returns public.area language sql stable as $$
  select a.* from public.area a where a.code = rpad(left(p.place_code, 6), 12, '0')
$$;

-- Custom mutation registerHousehold (Q5): the household and its members in one transaction;
-- sex and birth date derived from the ID number, as the server derives them.
create type bench_pg.new_member as (name text, id_number text, relation_to_head text);
create function bench_pg.register_household(household_no text, village_code text, category text, year_identified int,
                                            primary_cause text, other_causes text[], members bench_pg.new_member[])
returns public.household language plpgsql volatile as $$
declare
  created public.household;
begin
  insert into public.household (household_no, village_code, category, status, year_identified, primary_cause, other_causes, member_count)
  values (register_household.household_no, register_household.village_code, register_household.category, 'POOR',
          register_household.year_identified, register_household.primary_cause, coalesce(register_household.other_causes, '{}'),
          cardinality(register_household.members))
  returning * into created;
  insert into public.member (household_id, village_code, name, id_number, sex, birth_date, relation_to_head)
  select created.id, created.village_code, m.name, m.id_number,
         case when substr(m.id_number, 17, 1)::int % 2 = 1 then 'MALE' else 'FEMALE' end,
         to_date(substr(m.id_number, 7, 8), 'YYYYMMDD'), m.relation_to_head
  from unnest(register_household.members) with ordinality as m(name, id_number, relation_to_head, ord)
  order by m.ord;
  return created;
end
$$;
comment on function bench_pg.register_household(text, text, text, int, text, text[], bench_pg.new_member[]) is '@name register_household';

-- Computed column Area.finance(asOf) (Q8): the finance plugin's figures of the area and everything
-- under it as of a day, from its tables as the plugin defines them: a loan's principal still owed
-- is its principal less the principal repaid by that day, nothing once repaid or written off; it is
-- past due (overdue or defaulted) when an instalment whose running principal or interest the
-- repayments do not reach fell due before that day. The pools' balance: contributions less claims.
create type bench_pg.finance_figures as (
  rated_households int, credit_line_households int, credit_granted numeric, loan_count int, borrowing_households int,
  amount_lent numeric, outstanding numeric, overdue_loans int, risk_pool_balance numeric
);
create function bench_pg.area_finance(a public.area, as_of date) returns bench_pg.finance_figures language sql stable as $$
  with r as (select rpad(bench_pg.code_prefix(a.code), 12, '0') as lo, rpad(bench_pg.code_prefix(a.code), 12, '9') as hi),
  loans as (
    select l.id, l.household_id, l.principal, p.repaid,
           exists (select 1 from public.finance_loan_write_off w where w.loan_id = l.id and w.written_off_on <= as_of) as written_off,
           (select min(i.due_date) from public.finance_loan_installment i
             where i.loan_id = l.id and (i.principal_through > p.repaid or i.interest_through > p.interest)) as first_unpaid_due
    from r join public.finance_loan l on l.village_code between r.lo and r.hi and l.disbursed_on <= as_of
    cross join lateral (select coalesce(sum(x.principal), 0) as repaid, coalesce(sum(x.interest), 0) as interest
                        from public.finance_repayment x where x.loan_id = l.id and x.repaid_on <= as_of) p
  ),
  owing as (select *, not written_off and repaid < principal as owes from loans)
  select (select count(distinct c.household_id) from r join public.finance_credit_rating c on c.village_code between r.lo and r.hi and c.rated_on <= as_of)::int,
         (select count(*) from r join public.finance_credit_line c on c.village_code between r.lo and r.hi and as_of between c.valid_from and c.valid_until)::int,
         (select coalesce(sum(c.amount), 0) from r join public.finance_credit_line c on c.village_code between r.lo and r.hi and as_of between c.valid_from and c.valid_until),
         (select count(*) from owing)::int,
         (select count(distinct household_id) from owing)::int,
         (select coalesce(sum(principal), 0) from owing),
         (select coalesce(sum(principal - repaid) filter (where owes), 0) from owing),
         (select count(*) filter (where owes and first_unpaid_due < as_of) from owing)::int,
         (select coalesce(sum((select coalesce(sum(c.amount), 0) from public.finance_risk_pool_contribution c where c.pool_id = p.id and c.funded_on <= as_of)
                            - (select coalesce(sum(x.amount), 0) from public.finance_risk_claim x where x.pool_id = p.id and x.claimed_on <= as_of)), 0)
            from r join public.finance_risk_pool p on p.county_code between r.lo and r.hi)
  from r
$$;
comment on function bench_pg.area_finance(public.area, date) is '@name finance';
`;

export async function installPeerSchema(client: pg.ClientBase): Promise<void> {
  await client.query(PEER_SCHEMA_SQL);
}
