import { maskIdNumbersLikeOurs, nodesOf, sampleRows, type Question } from './question.js';

const PAGE = 20;

interface Member {
  name: string;
  idNumber: string;
  relationToHead: string;
}

const member = (m: Member) => ({ name: m.name, idNumber: m.idNumber, relationToHead: m.relationToHead });

/**
 * Q1, a household page: 20 households of a village with their members, and the total. Ours lists
 * the head first, then by id; the peer by id — the same order wherever the head was registered
 * first, which the equivalence check confirms for every sampled village before timing.
 */
export const q1: Question = {
  id: 'Q1',
  pageSizes: [5, 100],
  title: 'household page',
  description: `${PAGE} households of a village (by village code, then id) with their members (head first) and totalCount`,
  areaOf: (v) => String(v.village),
  sample: async (client) =>
    (
      await sampleRows<{ code: string }>(
        client,
        `select a.code from area a where a.level = 'VILLAGE' and exists (select 1 from household h where h.village_code = a.code)
         order by random() limit 200`,
      )
    ).map((row) => ({ village: row.code })),
  reconcile: maskIdNumbersLikeOurs,
  ours: {
    query: `query Q1($village: String!, $first: Int!) {
  households(regionCode: $village, first: $first) {
    totalCount
    edges { node { householdNo status primaryCause memberCount members { name idNumber relationToHead } } }
  }
}`,
    variables: (v) => ({ village: v.village, first: v.first ?? PAGE }),
    normalise: (data) => ({
      totalCount: data.households.totalCount,
      households: nodesOf<any>(data.households).map((h) => ({
        householdNo: h.householdNo,
        status: h.status,
        primaryCause: h.primaryCause,
        memberCount: h.memberCount,
        members: h.members.map(member),
      })),
    }),
  },
  peer: {
    query: `query Q1($village: String!, $first: Int!) {
  allHouseholds(condition: { villageCode: $village }, orderBy: [VILLAGE_CODE_ASC, PRIMARY_KEY_ASC], first: $first) {
    totalCount
    nodes {
      householdNo status primaryCause memberCount
      membersByHouseholdId(orderBy: PRIMARY_KEY_ASC) { nodes { name idNumber relationToHead } }
    }
  }
}`,
    variables: (v) => ({ village: v.village, first: v.first ?? PAGE }),
    normalise: (data) => ({
      totalCount: data.allHouseholds.totalCount,
      households: data.allHouseholds.nodes.map((h: any) => ({
        householdNo: h.householdNo,
        status: h.status,
        primaryCause: h.primaryCause,
        memberCount: h.memberCount,
        members: h.membersByHouseholdId.nodes.map(member),
      })),
    }),
  },
  raw: async (pool, v) => {
    const { rows } = await pool.query(
      `select (select count(*) from household where village_code = $1)::int as "totalCount",
              coalesce((
                select json_agg(json_build_object(
                         'householdNo', h.household_no, 'status', h.status, 'primaryCause', h.primary_cause, 'memberCount', h.member_count,
                         'members', (select coalesce(json_agg(json_build_object('name', m.name, 'idNumber', m.id_number, 'relationToHead', m.relation_to_head)
                                                              order by m.relation_to_head <> 'HEAD', m.id), '[]')
                                     from member m where m.household_id = h.id))
                       order by h.village_code, h.id)
                from (select * from household where village_code = $1 order by village_code, id limit $2) h
              ), '[]') as households`,
      [v.village, v.first ?? PAGE],
    );
    return rows[0];
  },
};
