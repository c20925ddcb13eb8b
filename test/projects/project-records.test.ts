import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import type { ProjectOutputInput, UpdateProjectInput } from '../../schema/generated/graphql.js';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { globalId } from '../fixtures/households.js';
import { createProject, expectRefused, PRINCIPALS, settingsWith, TestClock } from '../fixtures/projects.js';

const UpdateProject = graphql(`
  mutation RecordsUpdateProject($input: UpdateProjectInput!) {
    updateProject(input: $input) {
      __typename
      ... on UpdateProjectPayload { project { name budget placeCode note povertyLink plannedStartDate plannedEndDate status } }
      ... on Error { code field messageZh messageEn }
    }
  }
`);
const SetOutputs = graphql(`
  mutation RecordsSetOutputs($input: SetProjectOutputsInput!) {
    setProjectOutputs(input: $input) {
      __typename
      ... on SetProjectOutputsPayload { project { outputs { indicator unit planned actual } } }
      ... on Error { code field messageZh messageEn }
    }
  }
`);
const Link = graphql(`
  mutation RecordsLink($input: LinkProjectBeneficiariesInput!) {
    linkProjectBeneficiaries(input: $input) {
      __typename
      ... on LinkProjectBeneficiariesPayload { count project { beneficiaryHouseholdCount beneficiaryPeopleCount } }
      ... on Error { code field messageZh messageEn }
    }
  }
`);
const Unlink = graphql(`
  mutation RecordsUnlink($input: UnlinkProjectBeneficiariesInput!) {
    unlinkProjectBeneficiaries(input: $input) {
      __typename
      ... on UnlinkProjectBeneficiariesPayload { count project { beneficiaryHouseholdCount beneficiaryPeopleCount } }
      ... on Error { code field messageZh messageEn }
    }
  }
`);

const clock = new TestClock(new Date('2016-03-01T02:00:00Z'));
let server: TestServer;
const households: Record<string, string[]> = {};

beforeAll(async () => {
  server = await createTestServer({ settings: settingsWith(clock) });
  await insertAreas(server);
  for (const village of [AREAS.villageA, AREAS.villageB]) {
    const rows = await server.sql<{ id: number }>(
      `insert into household (household_no, village_code, category, status, year_identified, primary_cause, member_count)
       select ? || lpad(n::text, 4, '0'), ?, 'ORDINARY', 'POOR', 2015, 'ILLNESS', n from generate_series(1, 4) n returning id`,
      [village, village],
    );
    households[village] = rows.map((row) => globalId('Household', row.id));
  }
});
afterAll(() => server.close());

const update = (input: UpdateProjectInput) => server.execute(UpdateProject, { input }).then((r) => r.data!.updateProject);
const outputs = (projectId: string, list: ProjectOutputInput[]) => server.execute(SetOutputs, { input: { projectId, outputs: list } }).then((r) => r.data!.setProjectOutputs);
const link = (projectId: string, householdIds: string[]) => server.execute(Link, { input: { projectId, householdIds } }).then((r) => r.data!.linkProjectBeneficiaries);
const unlink = (projectId: string, householdIds: string[]) => server.execute(Unlink, { input: { projectId, householdIds } }).then((r) => r.data!.unlinkProjectBeneficiaries);

describe('updateProject', () => {
  it('changes the fields sent, clears optional ones sent as null, and never the status', async () => {
    const id = await createProject(server, { note: '旧备注', plannedStartDate: '2016-04-01' });
    expect(await update({ id, budget: '250000', note: null, plannedEndDate: '2016-10-31', name: '大庙组至小庙组道路硬化' })).toMatchObject({
      project: { name: '大庙组至小庙组道路硬化', budget: '250000.00', note: null, plannedStartDate: '2016-04-01', plannedEndDate: '2016-10-31', status: 'PLANNED' },
    });
  });

  it('refuses bad fields, unknown projects, other roles, and a move leaving beneficiaries behind', async () => {
    const id = await createProject(server);
    await expectRefused(server, () => update({ id, plannedStartDate: '2016-12-01', plannedEndDate: '2016-01-01' }), 'ValidationError', 'plannedEndDate');
    await expectRefused(server, () => update({ id, actualStartDate: '2016-03-02' }), 'ValidationError', 'actualStartDate');
    await expectRefused(server, () => update({ id, budget: '10000000000.01' }), 'ValidationError', 'budget');
    await expectRefused(server, () => update({ id: globalId('Project', 9999), name: 'x' }), 'NotFoundError', 'id');
    const ngo = await server.execute(UpdateProject, { input: { id, name: 'x' } }, { principal: PRINCIPALS.ngo });
    expect(ngo.data!.updateProject).toMatchObject({ __typename: 'ForbiddenError', field: 'id' });
    mustSucceed(await link(id, [households[AREAS.villageA][0]]));
    await expectRefused(server, () => update({ id, placeCode: AREAS.villageB }), 'RuleViolationError', 'placeCode');
    // Up to the township is fine: the household still lies in the place.
    expect(await update({ id, placeCode: AREAS.qianling })).toMatchObject({ project: { placeCode: AREAS.qianling } });
  });
});

describe('setProjectOutputs', () => {
  it('replaces the outputs with the list given, in its order', async () => {
    const id = await createProject(server);
    mustSucceed(await outputs(id, [{ indicator: '防洪堤坝', unit: '米', planned: 200 }]));
    const replaced = await outputs(id, [
      { indicator: '村部总建筑面积', unit: '平方米', planned: 699, actual: 699 },
      { indicator: '村委会出资建设面积', unit: '平方米', planned: 285, actual: 285 },
    ]);
    expect(replaced).toMatchObject({
      project: { outputs: [{ indicator: '村部总建筑面积', unit: '平方米', planned: 699, actual: 699 }, { indicator: '村委会出资建设面积', planned: 285 }] },
    });
    expect(await outputs(id, [])).toMatchObject({ project: { outputs: [] } });
  });

  it('refuses empty names, negative quantities and repeated indicators, keeping the old outputs', async () => {
    const id = await createProject(server);
    mustSucceed(await outputs(id, [{ indicator: '道路硬化长度', unit: '公里', planned: 1.12 }]));
    await expectRefused(server, () => outputs(id, [{ indicator: ' ', unit: '公里', planned: 1 }]), 'ValidationError', 'outputs[0].indicator');
    await expectRefused(server, () => outputs(id, [{ indicator: '长度', unit: '公里', planned: -1 }]), 'ValidationError', 'outputs[0].planned');
    await expectRefused(
      server,
      () => outputs(id, [{ indicator: '长度', unit: '公里', planned: 1 }, { indicator: '长度', unit: '米', planned: 2 }]),
      'ValidationError',
      'outputs[1].indicator',
    );
  });
});

describe('beneficiaries', () => {
  it('links households of the place, counts households and people, ignores repeats, and unlinks', async () => {
    const id = await createProject(server);
    const [h1, h2, h3] = households[AREAS.villageA];
    expect(await link(id, [h1, h2])).toMatchObject({ count: 2, project: { beneficiaryHouseholdCount: 2, beneficiaryPeopleCount: 3 } });
    expect(await link(id, [h2, h3])).toMatchObject({ count: 1, project: { beneficiaryHouseholdCount: 3, beneficiaryPeopleCount: 6 } });
    expect(await unlink(id, [h1, households[AREAS.villageB][0]])).toMatchObject({ count: 1, project: { beneficiaryHouseholdCount: 2, beneficiaryPeopleCount: 5 } });
  });

  it('refuses households of another place, unknown households, and empty lists, linking none of the batch', async () => {
    const id = await createProject(server);
    const [h1] = households[AREAS.villageA];
    await expectRefused(server, () => link(id, [h1, households[AREAS.villageB][1]]), 'RuleViolationError', 'householdIds[1]');
    await expectRefused(server, () => link(id, [globalId('Household', 999999)]), 'NotFoundError', 'householdIds[0]');
    await expectRefused(server, () => link(id, [id]), 'ValidationError', 'householdIds[0]');
    await expectRefused(server, () => link(id, []), 'ValidationError', 'householdIds');
  });
});
