import { sampleRows, type Question } from './question.js';

/** Q6a, the lookup floor: one household by id. */
export const q6a: Question = {
  id: 'Q6a',
  title: 'lookup by id',
  description: 'one household by id (ours: its Relay global ID; the peer: householdByRowId)',
  areaOf: (v) => String(v.village),
  sample: async (client) =>
    (
      await sampleRows<{ id: number; village_code: string }>(
        client,
        `select id, village_code from household tablesample system (1) repeatable (42) order by random() limit 500`,
      )
    ).map((row) => ({ id: Number(row.id), village: row.village_code })),
  ours: {
    query: `query Q6a($id: ID!) { household(id: $id) { householdNo status memberCount } }`,
    variables: (v) => ({ id: Buffer.from(`Household:${v.id}`).toString('base64') }),
    normalise: (data) => data.household,
  },
  peer: {
    query: `query Q6a($id: Int!) { householdByRowId(rowId: $id) { householdNo status memberCount } }`,
    variables: (v) => ({ id: v.id }),
    normalise: (data) => data.householdByRowId,
  },
  raw: async (pool, v) => {
    const { rows } = await pool.query(
      `select household_no as "householdNo", status, member_count as "memberCount" from household where id = $1`,
      [v.id],
    );
    return rows[0] ?? null;
  },
};

/** Q6b, the HTTP and GraphQL floor: `{ __typename }`, no database. */
export const q6b: Question = {
  id: 'Q6b',
  title: '{ __typename }',
  description: '`{ __typename }`: HTTP, parsing, validation and execution with no database',
  areaOf: () => null,
  sample: async () => [{}],
  ours: { query: '{ __typename }', variables: () => ({}), normalise: (data) => data },
  peer: { query: '{ __typename }', variables: () => ({}), normalise: (data) => data },
  raw: async () => ({ __typename: 'Query' }),
};
