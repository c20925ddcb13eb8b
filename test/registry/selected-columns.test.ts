import { definePlugin, MemberSchema, ReadLayer, type Member } from '@tuopin/core';
import { createTestServer, makeIdNumber, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { CALLERS } from '../fixtures/principals.js';

/**
 * A household page's members are read with only the columns the operation's member fields need
 * (plus the loader's key, the scope's village and the head), and every path of the request that
 * reaches the same members still gets what it selects.
 */
const Page = graphql(`
  query SelectedColumnsPage($regionCode: String!) {
    households(regionCode: $regionCode, first: 5) { edges { node { householdNo members { name idNumber relationToHead } } } }
  }
`);

const PageAndLookup = graphql(`
  query SelectedColumnsPageAndLookup($regionCode: String!, $id: ID!) {
    households(regionCode: $regionCode, first: 5) { edges { node { id members { name } } } }
    node(id: $id) { ... on Household { members { name education health insurance { medical } } } }
  }
`);

const PageWithHousehold = graphql(`
  query SelectedColumnsPageWithHousehold($regionCode: String!) {
    households(regionCode: $regionCode, first: 5) { edges { node { members { ...MemberHousehold } } } }
  }
  fragment MemberHousehold on Member { household { householdNo } }
`);

const LookupById = graphql(`
  query SelectedColumnsLookupById($id: ID!) {
    household(id: $id) { householdNo status memberCount }
  }
`);

const LookupByNumber = graphql(`
  query SelectedColumnsLookupByNumber($householdNo: String!) {
    household(householdNo: $householdNo) { id primaryCause }
  }
`);

const LookupWithVillage = graphql(`
  query SelectedColumnsLookupWithVillage($id: ID!) {
    household(id: $id) { householdNo village { name } }
  }
`);

const LookupAndMemberHousehold = graphql(`
  query SelectedColumnsLookupAndMemberHousehold($id: ID!) {
    household(id: $id) { householdNo members { household { householdNo status category yearIdentified } } }
  }
`);

let server: TestServer;
let firstHousehold = 0;

/** The properties of the member columns in the members' JSON (one array per column) of a page's statement. */
function memberJsonKeys(statement: string): string[] {
  const array = /\(select (json_build_array\(.*?\)) from "member" m where/.exec(statement);
  expect(array, statement).not.toBeNull();
  const propertyOf = new Map(server.orm.em.getMetadata().get('Member').props.map((prop) => [prop.fieldNames?.[0], prop.name]));
  return [...array![1].matchAll(/m\."(\w+)"/g)].map((match) => propertyOf.get(match[1]) ?? match[1]).sort();
}

/** The properties of the household columns a page's statement selects (its own, before the members' list). */
function householdColumns(statement: string): string[] {
  const list = /select (.*?)(, \(select count\(\*\)| from "household")/.exec(statement);
  expect(list, statement).not.toBeNull();
  const propertyOf = new Map(server.orm.em.getMetadata().get('Household').props.map((prop) => [prop.fieldNames?.[0], prop.name]));
  return [...list![1].matchAll(/h\."(\w+)"/g)].map((match) => propertyOf.get(match[1]) ?? match[1]).sort();
}

/** The properties of the household columns a lookup's statement (`select e.… from "household" e`) selects. */
function lookupColumns(statement: string): string[] {
  const list = /^select (.*?) from "household" e where/.exec(statement);
  expect(list, statement).not.toBeNull();
  const propertyOf = new Map(server.orm.em.getMetadata().get('Household').props.map((prop) => [prop.fieldNames?.[0], prop.name]));
  return [...list![1].matchAll(/e\."(\w+)"/g)].map((match) => propertyOf.get(match[1]) ?? match[1]).sort();
}

/** Every column property of households. */
const everyHouseholdColumn = () =>
  server.orm.em.getMetadata().get('Household').props.filter((prop) => prop.persist !== false && prop.fieldNames?.length === 1).map((prop) => prop.name).sort();

beforeAll(async () => {
  server = await createTestServer();
  await insertAreas(server);
  const households = await server.sql<{ id: number }>(
    `insert into household (household_no, village_code, category, status, year_identified, primary_cause, member_count)
     select ? || lpad(n::text, 4, '0'), ?, 'ORDINARY', 'POOR', 2015, 'ILLNESS', 2 from generate_series(1, 5) n returning id`,
    [AREAS.villageA, AREAS.villageA],
  );
  expect(households).toHaveLength(5);
  firstHousehold = households[0].id;
  let sequence = 0;
  for (const { id } of households) {
    for (const relation of ['SPOUSE', 'HEAD']) {
      sequence += 1;
      const inserted = await server.sql(
        `insert into member (household_id, village_code, name, id_number, sex, birth_date, relation_to_head, education, health, medical_insurance)
         values (?, ?, ?, ?, 'MALE', '1980-02-01', ?, 'PRIMARY', 'CHRONIC_ILLNESS', true) returning id`,
        [id, AREAS.villageA, `成员${sequence}`, makeIdNumber({ birthDate: '1980-02-01', sequence: sequence * 2 + 1 }), relation],
      );
      expect(inserted).toHaveLength(1);
    }
  }
});
afterAll(() => server.close());

describe('columns read for a selection', () => {
  it('builds the members of a page from the columns its member fields read, not from every column', async () => {
    const { count, statements } = await server.countStatements(async () => {
      const result = await server.execute(Page, { regionCode: AREAS.villageA }, { principal: CALLERS.baojingOfficer });
      expect(result.errors).toBeUndefined();
      const members = result.data!.households.edges.flatMap((edge) => edge.node.members);
      expect(members).toHaveLength(10);
      // The head first, unmasked for the county officer (so the read audit's owner was read too).
      expect(members[0]).toMatchObject({ relationToHead: 'HEAD', idNumber: expect.stringMatching(/^\d{17}[\dX]$/) });
    });
    expect(count, statements.join('\n')).toBeGreaterThanOrEqual(1);
    expect(memberJsonKeys(statements[0])).toEqual(['householdId', 'id', 'idNumber', 'name', 'relationToHead', 'villageCode']);
    // The households' own columns too: what householdNo and members read, the key and the village.
    expect(householdColumns(statements[0])).toEqual(['householdNo', 'id', 'villageCode']);
  });

  it('reads every household column when a selected household field declares nothing', async () => {
    const everything = graphql(`
      query SelectedColumnsPageWithVillage($regionCode: String!) {
        households(regionCode: $regionCode, first: 2) { edges { node { householdNo village { name } } } }
      }
    `);
    const { statements } = await server.countStatements(async () => {
      const result = await server.execute(everything, { regionCode: AREAS.villageA }, { principal: CALLERS.baojingOfficer });
      expect(result.errors).toBeUndefined();
      expect(result.data!.households.edges[0].node.village.name).toBeTruthy();
    });
    const page = statements.find((statement) => statement.includes('from "household"'))!;
    const all = server.orm.em.getMetadata().get('Household').props.filter((prop) => prop.persist !== false && prop.fieldNames?.length === 1).map((prop) => prop.name);
    expect(householdColumns(page)).toEqual(all.sort());
  });

  it('reads what every path of the operation selects on members: a loader primed by the page answers them all', async () => {
    const id = Buffer.from(`Household:${firstHousehold}`).toString('base64');
    const { statements } = await server.countStatements(async () => {
      const result = await server.execute(PageAndLookup, { regionCode: AREAS.villageA, id }, { principal: CALLERS.baojingOfficer });
      expect(result.errors).toBeUndefined();
      expect(result.data!.households.edges[0].node.id).toBe(id);
      const node = result.data!.node as { members: { name: string; education: string; health: string; insurance: { medical: boolean } }[] };
      expect(node.members).toHaveLength(2);
      expect(node.members.every((m) => m.education === 'PRIMARY' && m.health === 'CHRONIC_ILLNESS' && m.insurance.medical)).toBe(true);
    });
    const page = statements.find((statement) => statement.includes('json_agg'))!;
    expect(memberJsonKeys(page)).toEqual(
      ['criticalIllnessInsurance', 'education', 'health', 'householdId', 'id', 'medicalInsurance', 'name', 'pensionInsurance', 'relationToHead', 'villageCode'].sort(),
    );
  });

  it('follows fragments to what a member field reads', async () => {
    const { statements } = await server.countStatements(async () => {
      const result = await server.execute(PageWithHousehold, { regionCode: AREAS.villageA });
      expect(result.errors).toBeUndefined();
      expect(result.data!.households.edges[0].node.members[0].household.householdNo).toMatch(/^433125/);
    });
    expect(memberJsonKeys(statements[0])).toEqual(['householdId', 'id', 'relationToHead', 'villageCode']);
  });

  it('reads every column when a selected field declares nothing (a plugin field on Member, say)', async () => {
    const plugin = definePlugin({
      name: 'initials',
      title: '姓氏 Initials (test fixture)',
      entities: [],
      migrations: [],
      registerSchema(builder) {
        builder.objectField('Member', 'initialsSurname', (t) =>
          t.string({ description: '姓 Surname', resolve: (member) => member.name.slice(0, 1) }),
        );
      },
    });
    const withPlugin = await createTestServer({ plugins: [plugin], databaseUrl: server.databaseUrl });
    try {
      const query = `query { households(regionCode: "${AREAS.villageA}", first: 2) { edges { node { members { initialsSurname } } } } }`;
      const { statements } = await withPlugin.countStatements(async () => {
        const response = await withPlugin.app.fetch('http://tuopin.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) }, { principal: CALLERS.nationalAdmin });
        const result = (await response.json()) as { data?: { households: { edges: { node: { members: { initialsSurname: string }[] } }[] } }; errors?: unknown };
        expect(result.errors).toBeUndefined();
        expect(result.data!.households.edges[0].node.members[0].initialsSurname).toBe('成');
      });
      expect(memberJsonKeys(statements[0])).toEqual([...withPlugin.orm.em.getMetadata().get('Member').props.filter((p) => p.persist !== false).map((p) => p.name)].sort());
    } finally {
      await withPlugin.close();
    }
  });

  it('guards rows read with some columns: a property not read throws instead of reading as missing', async () => {
    const columns = new ReadLayer(server.orm.em).columns(MemberSchema).subset(['id', 'name']);
    const [row] = await server.sql<Record<string, unknown>>('select id, name from member order by id limit 1');
    const member = columns.finishRow(row) as Member;
    expect(member.name).toMatch(/^成员/);
    expect(() => member.health).toThrow(/Member\.health was not read/);
    expect('idNumber' in member).toBe(true); // isTypeOf checks still see a member
    expect(Object.keys(member).sort()).toEqual(['id', 'name']);
    expect(new ReadLayer(server.orm.em).columns(MemberSchema).subset(['name', 'id'])).toBe(columns);
  });
});

describe('columns read for a lookup', () => {
  const householdId = () => Buffer.from(`Household:${firstHousehold}`).toString('base64');

  it('looks a household up by id with the columns its fields read, and the key and village the scope check reads', async () => {
    const { count, statements } = await server.countStatements(async () => {
      const result = await server.execute(LookupById, { id: householdId() }, { principal: CALLERS.baojingOfficer });
      expect(result.errors).toBeUndefined();
      expect(result.data!.household).toEqual({ householdNo: `${AREAS.villageA}0001`, status: 'POOR', memberCount: 2 });
    });
    expect(count, statements.join('\n')).toBe(1);
    expect(lookupColumns(statements[0])).toEqual(['householdNo', 'id', 'memberCount', 'status', 'villageCode']);
  });

  it('looks a household up by number the same way, its number being the key', async () => {
    const { statements } = await server.countStatements(async () => {
      const result = await server.execute(LookupByNumber, { householdNo: `${AREAS.villageA}0001` }, { principal: CALLERS.baojingOfficer });
      expect(result.errors).toBeUndefined();
      expect(result.data!.household).toEqual({ id: householdId(), primaryCause: 'ILLNESS' });
    });
    expect(lookupColumns(statements[0])).toEqual(['householdNo', 'id', 'primaryCause', 'villageCode']);
  });

  it('still answers only inside the caller\'s area: another county\'s officer gets null, as for a household that does not exist', async () => {
    const byId = await server.execute(LookupById, { id: householdId() }, { principal: CALLERS.liaoningOfficer });
    expect(byId.errors).toBeUndefined();
    expect(byId.data!.household).toBeNull();
    const byNumber = await server.execute(LookupByNumber, { householdNo: `${AREAS.villageA}0001` }, { principal: CALLERS.liaoningOfficer });
    expect(byNumber.errors).toBeUndefined();
    expect(byNumber.data!.household).toBeNull();
    const inside = await server.execute(LookupById, { id: householdId() }, { principal: CALLERS.villageAOfficer });
    expect(inside.data!.household?.householdNo).toBe(`${AREAS.villageA}0001`);
  });

  it('reads every column when a selected household field declares nothing', async () => {
    const { statements } = await server.countStatements(async () => {
      const result = await server.execute(LookupWithVillage, { id: householdId() }, { principal: CALLERS.baojingOfficer });
      expect(result.errors).toBeUndefined();
      expect(result.data!.household!.village.name).toBe('甲村');
    });
    const lookup = statements.find((statement) => statement.includes('from "household" e'))!;
    expect(lookupColumns(lookup)).toEqual(everyHouseholdColumn());
  });

  it('reads what the whole operation selects on households: the same household under its members counts too', async () => {
    const { statements } = await server.countStatements(async () => {
      const result = await server.execute(LookupAndMemberHousehold, { id: householdId() }, { principal: CALLERS.baojingOfficer });
      expect(result.errors).toBeUndefined();
      const household = result.data!.household!;
      expect(household.members).toHaveLength(2);
      for (const member of household.members) {
        expect(member.household).toEqual({ householdNo: `${AREAS.villageA}0001`, status: 'POOR', category: 'ORDINARY', yearIdentified: 2015 });
      }
    });
    const lookup = statements.find((statement) => statement.startsWith('select') && statement.includes('from "household" e'))!;
    expect(lookupColumns(lookup)).toEqual(['category', 'householdNo', 'id', 'status', 'villageCode', 'yearIdentified']);
  });
});
