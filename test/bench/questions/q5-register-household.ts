import { maskIdNumbersLikeOurs, sampleRows, type Question, type Vars } from './question.js';

/** Registration is an officer's work: Q5 registers in the synthetic province's first county. */
const SCALE_COUNTY = '800101';
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
/** 五指山市, Hainan: no household of the bench data is issued there, so these never clash. */
const ISSUED_AT = '469001';
const DAYS = 9_000;
const CAUSES = ['ILLNESS', 'DISABILITY', 'EDUCATION', 'LACK_OF_SKILLS', 'LACK_OF_CAPITAL', 'LACK_OF_LABOUR'];
const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '吴', '周'];
const GIVEN = ['建国', '秀英', '小明', '春花', '志强', '桂兰', '海涛', '玉梅'];

function idNumber(birth: Date, sequence: number): string {
  const date = birth.toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `${ISSUED_AT}${date}${String(sequence).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return first17 + CHECK[sum % 11];
}

const day = (base: string, offset: number) => new Date(Date.parse(`${base}T00:00:00Z`) + offset * 86_400_000);

/**
 * The n-th household of the run: unique household number and ID numbers for every n below
 * 1,350,000 (a birth date from n mod 9,000, a sequence number from n div 9,000; the head and the
 * son have odd sequences in separate ranges, the wife an even one).
 */
export function newHousehold(villageCode: string, n: number) {
  const offset = n % DAYS;
  const block = Math.floor(n / DAYS);
  if (block >= 150) throw new Error('the bench ran out of synthetic ID numbers');
  const surname = SURNAMES[n % SURNAMES.length];
  return {
    householdNo: `BENCH-${n}`,
    villageCode,
    category: 'ORDINARY',
    yearIdentified: 2016,
    primaryCause: CAUSES[n % CAUSES.length],
    otherCauses: [] as string[],
    members: [
      { name: surname + GIVEN[n % GIVEN.length], idNumber: idNumber(day('1950-01-01', offset), 1 + 2 * block), relationToHead: 'HEAD' },
      { name: SURNAMES[(n + 3) % SURNAMES.length] + GIVEN[(n + 1) % GIVEN.length], idNumber: idNumber(day('1952-06-01', offset), 2 + 2 * block), relationToHead: 'SPOUSE' },
      { name: surname + GIVEN[(n + 2) % GIVEN.length], idNumber: idNumber(day('1985-01-01', offset), 301 + 2 * block), relationToHead: 'SON' },
    ],
  };
}

type Input = ReturnType<typeof newHousehold>;

const household = (h: any, villageCode: string, members: any[]) => ({
  householdNo: h.householdNo,
  villageCode,
  status: h.status,
  memberCount: h.memberCount,
  members: members.map((m) => ({ name: m.name, idNumber: m.idNumber, sex: m.sex, birthDate: m.birthDate, relationToHead: m.relationToHead })),
});

/** Q5, a write: register a household with three members, and read it back. */
export const q5: Question = {
  id: 'Q5',
  title: 'register household',
  description: 'register a household with 3 members (one transaction) and return it with its members; fresh household and ID numbers for every request, on a copy of the database',
  write: true,
  sample: async (client) =>
    (
      await sampleRows<{ code: string }>(client, `select code from area where level = 'VILLAGE' and code like '${SCALE_COUNTY}%' order by random() limit 200`)
    ).map((row) => ({ village: row.code })),
  fresh: (pool: Vars[], n: number) => ({ input: newHousehold(String(pool[n % pool.length].village), n) }),
  undo: async (client, v) => {
    const { householdNo } = v.input as Input;
    await client.query('delete from member where household_id in (select id from household where household_no = $1)', [householdNo]);
    await client.query('delete from household where household_no = $1', [householdNo]);
  },
  reconcile: maskIdNumbersLikeOurs,
  ours: {
    // The first county of the synthetic province (800101): its officer registers there.
    caller: { role: 'COUNTY_OFFICER', scopes: [SCALE_COUNTY], province: '800000000000' },
    query: `mutation Q5($input: RegisterHouseholdInput!) {
  registerHousehold(input: $input) {
    __typename
    ... on RegisterHouseholdPayload {
      household { householdNo village { code } status memberCount members { name idNumber sex birthDate relationToHead } }
    }
    ... on Error { code message }
  }
}`,
    variables: (v) => ({ input: v.input }),
    normalise: (data) => {
      const result = data.registerHousehold;
      if (result.__typename !== 'RegisterHouseholdPayload') return result;
      return household(result.household, result.household.village.code, result.household.members);
    },
    failed: (body) => !body.includes('"RegisterHouseholdPayload"'),
  },
  peer: {
    query: `mutation Q5($input: RegisterHouseholdInput!) {
  registerHousehold(input: $input) {
    result {
      householdNo villageCode status memberCount
      membersByHouseholdId(orderBy: PRIMARY_KEY_ASC) { nodes { name idNumber sex birthDate relationToHead } }
    }
  }
}`,
    variables: (v) => ({ input: v.input }),
    normalise: (data) => {
      const h = data.registerHousehold.result;
      return household(h, h.villageCode, h.membersByHouseholdId.nodes);
    },
  },
  raw: async (pool, v) => {
    const input = v.input as Input;
    const client = await pool.connect();
    try {
      await client.query('begin');
      const { rows: [h] } = await client.query(
        `insert into household (household_no, village_code, category, status, year_identified, primary_cause, other_causes, member_count)
         values ($1, $2, $3, 'POOR', $4, $5, $6, $7)
         returning id, household_no as "householdNo", village_code as "villageCode", status, member_count as "memberCount"`,
        [input.householdNo, input.villageCode, input.category, input.yearIdentified, input.primaryCause, input.otherCauses, input.members.length],
      );
      const { rows: members } = await client.query(
        `insert into member (household_id, village_code, name, id_number, sex, birth_date, relation_to_head)
         select $1, $2, m.name, m.id_number,
                case when substr(m.id_number, 17, 1)::int % 2 = 1 then 'MALE' else 'FEMALE' end,
                to_date(substr(m.id_number, 7, 8), 'YYYYMMDD'), m.relation
         from unnest($3::text[], $4::text[], $5::text[]) with ordinality as m(name, id_number, relation, ord) order by m.ord
         returning name, id_number as "idNumber", sex, birth_date::text as "birthDate", relation_to_head as "relationToHead"`,
        [h.id, h.villageCode, input.members.map((m) => m.name), input.members.map((m) => m.idNumber), input.members.map((m) => m.relationToHead)],
      );
      await client.query('commit');
      return household(h, h.villageCode, members);
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  },
};
