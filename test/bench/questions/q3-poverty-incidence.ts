import { nodesOf, sampleRows, subtree, type Question } from './question.js';

const PAGE = 100;

const figures = (a: any, stats: any) => ({
  code: a.code,
  name: a.name,
  poorPeople: stats.poorPeople,
  ruralPopulation: stats.ruralPopulation,
  povertyIncidence: stats.povertyIncidence,
});

/**
 * Q3, poverty incidence by county across a province: every poor person and every village of the
 * province is counted. Asked of the provinces that have several counties (in the bench data, the
 * synthetic province: the demo's two provinces have one county each).
 */
export const q3: Question = {
  id: 'Q3',
  title: 'poverty incidence',
  description: 'every county of a province with its poor people, rural population and poverty incidence (the whole province is aggregated)',
  sample: async (client) =>
    (
      await sampleRows<{ code: string }>(
        client,
        `select p.code from area p where p.level = 'PROVINCE'
           and (select count(*) from area c where c.level = 'COUNTY' and c.code between rpad(left(p.code, 2), 12, '0') and rpad(left(p.code, 2), 12, '9')) >= 3
         order by random()`,
      )
    ).map((row) => ({ province: row.code })),
  ours: {
    query: `query Q3($province: String!) {
  regions(parentCode: $province, level: COUNTY, first: ${PAGE}) {
    edges { node { code name stats { poorPeople ruralPopulation povertyIncidence } } }
  }
}`,
    variables: (v) => ({ province: v.province }),
    normalise: (data) => nodesOf<any>(data.regions).map((a) => figures(a, a.stats)),
  },
  peer: {
    query: `query Q3($province: String!) {
  areasUnder(parentCode: $province, areaLevel: "COUNTY", first: ${PAGE}) {
    nodes { code name stats { poorPeople ruralPopulation povertyIncidence } }
  }
}`,
    variables: (v) => ({ province: v.province }),
    normalise: (data) => data.areasUnder.nodes.map((a: any) => figures(a, a.stats)),
  },
  raw: async (pool, v) => {
    const { lo, hi } = subtree(String(v.province));
    const { rows } = await pool.query(
      `select coalesce(json_agg(json_build_object('code', c.code, 'name', c.name, 'poorPeople', h.poor_people, 'ruralPopulation', h.rural,
                                                  'povertyIncidence', case when h.rural > 0 then round(h.poor_people::numeric / h.rural, 4)::float8 end)
                                order by c.code), '[]') as counties
       from (select code, name, rpad(left(code, 6), 12, '0') as lo, rpad(left(code, 6), 12, '9') as hi
             from area where level = 'COUNTY' and code between $1 and $2 order by code limit ${PAGE}) c
       cross join lateral (select coalesce(sum(s.poor_people), 0)::int as poor_people, coalesce(sum(v.rural_population), 0)::int as rural
                           from area v left join village_stats s on s.village_code = v.code
                           where v.level = 'VILLAGE' and v.code between c.lo and c.hi) h`,
      [lo, hi],
    );
    return rows[0].counties;
  },
};
