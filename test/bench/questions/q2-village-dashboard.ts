import { nodesOf, sampleRows, subtree, type Question } from './question.js';

const PAGE = 50;

/** Q2, a village dashboard: a county's first 50 villages, each with its figures. */
export const q2: Question = {
  id: 'Q2',
  pageSizes: [10, 100],
  title: 'village dashboard',
  description: `a county's first ${PAGE} villages (by code), each with its household, poor-household and project counts`,
  areaOf: (v) => String(v.county),
  sample: async (client) =>
    (
      await sampleRows<{ code: string }>(
        client,
        `select c.code from area c where c.level = 'COUNTY'
           and exists (select 1 from area v where v.level = 'VILLAGE' and v.code between rpad(left(c.code, 6), 12, '0') and rpad(left(c.code, 6), 12, '9'))
         order by random() limit 100`,
      )
    ).map((row) => ({ county: row.code })),
  ours: {
    query: `query Q2($county: String!, $first: Int!) {
  regions(parentCode: $county, level: VILLAGE, first: $first) {
    edges { node { code name stats { households poorHouseholds projectCount } } }
  }
}`,
    variables: (v) => ({ county: v.county, first: v.first ?? PAGE }),
    normalise: (data) =>
      nodesOf<any>(data.regions).map((a) => ({
        code: a.code,
        name: a.name,
        households: a.stats.households,
        poorHouseholds: a.stats.poorHouseholds,
        projectCount: a.stats.projectCount,
      })),
  },
  peer: {
    query: `query Q2($county: String!, $first: Int!) {
  areasUnder(parentCode: $county, areaLevel: "VILLAGE", first: $first) {
    nodes { code name stats { households poorHouseholds } projectCount }
  }
}`,
    variables: (v) => ({ county: v.county, first: v.first ?? PAGE }),
    normalise: (data) =>
      data.areasUnder.nodes.map((a: any) => ({
        code: a.code,
        name: a.name,
        households: a.stats.households,
        poorHouseholds: a.stats.poorHouseholds,
        projectCount: a.projectCount,
      })),
  },
  raw: async (pool, v) => {
    const { lo, hi } = subtree(String(v.county));
    const { rows } = await pool.query(
      `select coalesce(json_agg(json_build_object('code', a.code, 'name', a.name, 'households', s.households,
                                                  'poorHouseholds', s.poor_households, 'projectCount', p.n) order by a.code), '[]') as villages
       from (select code, name from area where level = 'VILLAGE' and code between $1 and $2 and code <> $3 order by code limit $4) a
       cross join lateral (select coalesce(sum(households), 0)::int as households, coalesce(sum(poor_households), 0)::int as poor_households
                           from village_stats where village_code = a.code) s
       cross join lateral (select count(*)::int as n from project p where p.place_code = a.code) p`,
      [lo, hi, v.county, v.first ?? PAGE],
    );
    return rows[0].villages;
  },
};
