import { nodesOf, sampleRows, type Question } from './question.js';

const PAGE = 20;

/**
 * Q7, a county officer's search: the first page of the households of a county whose number, or a
 * member's name or ID number, starts with what was typed (here the first two characters of a
 * member's name: a surname and one more character). The officer reads personal data, so the
 * read audit records the page.
 */
export const q7: Question = {
  id: 'Q7',
  title: 'household search',
  description: `a county officer's search by name prefix: the first ${PAGE} households of a county with a member whose name starts with two given characters`,
  areaOf: (v) => String(v.county),
  sample: async (client) =>
    (
      await sampleRows<{ county: string; prefix: string }>(
        client,
        `select rpad(left(m.village_code, 6), 12, '0') as county, left(m.name, 2) as prefix
         from member m tablesample system (1) repeatable (7)
         where m.village_code like '80%' and char_length(m.name) >= 2
         order by random() limit 200`,
      )
    ).map((row) => ({ county: row.county, prefix: row.prefix })),
  ours: {
    query: `query Q7($county: String!, $prefix: String!) {
  households(regionCode: $county, search: $prefix, first: ${PAGE}) { edges { node { householdNo status memberCount } } }
}`,
    variables: (v) => ({ county: v.county, prefix: v.prefix }),
    normalise: (data) => nodesOf<any>(data.households),
  },
  peer: {
    query: `query Q7($county: String!, $prefix: String!) {
  householdsSearch(regionCode: $county, prefix: $prefix, first: ${PAGE}) { nodes { householdNo status memberCount } }
}`,
    variables: (v) => ({ county: v.county, prefix: v.prefix }),
    normalise: (data) => data.householdsSearch.nodes,
  },
  raw: async (pool, v) => {
    const { rows } = await pool.query(
      `select h.household_no as "householdNo", h.status, h.member_count as "memberCount" from household h
       where h.village_code between rpad(left($1, 6), 12, '0') and rpad(left($1, 6), 12, '9')
         and (h.household_no like $2 or exists (select 1 from member m where m.household_id = h.id and m.name like $2)
              or exists (select 1 from member m where m.household_id = h.id and m.id_number like upper($2)))
       order by h.village_code, h.id limit ${PAGE}`,
      [v.county, `${String(v.prefix).replace(/[\\%_]/g, (c) => `\\${c}`)}%`],
    );
    return rows;
  },
};
