import { nodesOf, sampleRows, subtree, type Question } from './question.js';

const PAGE = 20;
const ALLOCATIONS = 5;

interface Common {
  name: string;
  status: string;
  budget: string;
  totalFunded: string;
  place: { code: string; name: string };
  countyName: string | null;
  allocationCount: number;
  allocations: { amount: string; date: string; fund: string }[];
}

/** Q4, a partner's project feed: 20 projects of an area with their money and places. */
export const q4: Question = {
  id: 'Q4',
  pageSizes: [5, 100],
  title: 'project feed',
  description: `${PAGE} projects of a county or township (by place code, then id), each with its funding total, its first ${ALLOCATIONS} allocations (amount, date, fund name) and their count, and its place and county names`,
  areaOf: (v) => String(v.area),
  sample: async (client) =>
    (
      await sampleRows<{ code: string }>(
        client,
        `select a.code from area a
         cross join lateral (select left(a.code, case a.level when 'COUNTY' then 6 else 9 end) as prefix) x
         where a.level in ('COUNTY', 'TOWNSHIP')
           and exists (select 1 from project p where p.place_code between rpad(x.prefix, 12, '0') and rpad(x.prefix, 12, '9'))
         order by random() limit 200`,
      )
    ).map((row) => ({ area: row.code })),
  ours: {
    query: `query Q4($area: String!, $first: Int!) {
  projects(regionCode: $area, first: $first) {
    edges { node {
      name status budget totalFunded
      place { code name }
      county { name }
      allocations(first: ${ALLOCATIONS}) { totalCount edges { node { amount date fund { name } } } }
    } }
  }
}`,
    variables: (v) => ({ area: v.area, first: v.first ?? PAGE }),
    normalise: (data) =>
      nodesOf<any>(data.projects).map(
        (p): Common => ({
          name: p.name,
          status: p.status,
          budget: p.budget,
          totalFunded: p.totalFunded,
          place: { code: p.place.code, name: p.place.name },
          countyName: p.county?.name ?? null,
          allocationCount: p.allocations.totalCount,
          allocations: nodesOf<any>(p.allocations).map((e) => ({ amount: e.amount, date: e.date, fund: e.fund.name })),
        }),
      ),
  },
  peer: {
    query: `query Q4($area: String!, $first: Int!) {
  projectsIn(regionCode: $area, first: $first) {
    nodes {
      name status budget totalFunded
      areaByPlaceCode { code name }
      county { name }
      ledgerEntriesByProjectId(condition: { kind: "ALLOCATION" }, orderBy: PRIMARY_KEY_ASC, first: ${ALLOCATIONS}) {
        totalCount nodes { amount entryDate fundByFundId { name } }
      }
    }
  }
}`,
    variables: (v) => ({ area: v.area, first: v.first ?? PAGE }),
    normalise: (data) =>
      data.projectsIn.nodes.map(
        (p: any): Common => ({
          name: p.name,
          status: p.status,
          budget: p.budget,
          totalFunded: p.totalFunded,
          place: { code: p.areaByPlaceCode.code, name: p.areaByPlaceCode.name },
          countyName: p.county?.name ?? null,
          allocationCount: p.ledgerEntriesByProjectId.totalCount,
          allocations: p.ledgerEntriesByProjectId.nodes.map((e: any) => ({ amount: e.amount, date: e.entryDate, fund: e.fundByFundId.name })),
        }),
      ),
  },
  raw: async (pool, v) => {
    const { lo, hi } = subtree(String(v.area));
    const { rows } = await pool.query(
      `select coalesce(json_agg(json_build_object(
                'name', p.name, 'status', p.status, 'budget', p.budget::text, 'totalFunded', f.total::text,
                'place', json_build_object('code', pl.code, 'name', pl.name), 'countyName', c.name,
                'allocationCount', n.count, 'allocations', al.list) order by p.place_code, p.id), '[]') as projects
       from (select * from project where place_code between $1 and $2 order by place_code, id limit $3) p
       join area pl on pl.code = p.place_code
       left join area c on c.code = rpad(left(p.place_code, 6), 12, '0')
       cross join lateral (select coalesce(sum(e.amount), 0)::numeric(14, 2) as total from ledger_entry e
                           where e.project_id = p.id and e.kind = 'ALLOCATION'
                             and not exists (select 1 from ledger_entry r where r.reverses_id = e.id)) f
       cross join lateral (select count(*)::int as count from ledger_entry e where e.project_id = p.id and e.kind = 'ALLOCATION') n
       cross join lateral (select coalesce(json_agg(json_build_object('amount', x.amount::text, 'date', x.entry_date, 'fund', fu.name) order by x.id), '[]') as list
                           from (select * from ledger_entry e where e.project_id = p.id and e.kind = 'ALLOCATION' order by e.id limit ${ALLOCATIONS}) x
                           join fund fu on fu.id = x.fund_id) al`,
      [lo, hi, v.first ?? PAGE],
    );
    return rows[0].projects;
  },
};
