import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { AllocateFunds, CreateFund, DisburseFunds, expectRefused, fundInput, projectUnderConstruction, settingsWith, TestClock } from '../fixtures/projects.js';

/**
 * A fund earmarked for an area (专款专用) pays only for projects there, whoever moves the money:
 * the national administrator, who manages every fund and project, cannot allocate 保靖县's
 * earmarked money to a 凌源市 project, nor move a project it pays for out of 保靖县.
 */
const clock = new TestClock(new Date('2016-03-01T02:00:00Z'));
let server: TestServer;
let inBaojing: string;
let inLingyuan: string;

const EarmarkedFund = graphql(`
  mutation EarmarkCreateFund($input: CreateFundInput!) {
    createFund(input: $input) {
      __typename
      ... on CreateFundPayload { fund { id earmarkAreaCode earmarkArea { name } } }
      ... on Error { code field messageZh messageEn }
    }
  }
`);

const MoveProject = graphql(`
  mutation EarmarkMoveProject($input: UpdateProjectInput!) {
    updateProject(input: $input) { __typename ... on Error { code field messageZh messageEn } }
  }
`);

const createFund = (earmarkAreaCode: string | null) => server.execute(CreateFund, { input: fundInput({ earmarkAreaCode }) }).then((r) => mustSucceed(r).fund.id);
const allocate = (fundId: string, projectId: string, amount = '1000.00') =>
  server.execute(AllocateFunds, { input: { fundId, projectId, amount } }).then((r) => r.data!.allocateFunds);

beforeAll(async () => {
  server = await createTestServer({ settings: settingsWith(clock) });
  await insertAreas(server);
  inBaojing = await projectUnderConstruction(server, clock, { placeCode: AREAS.villageA });
  inLingyuan = await projectUnderConstruction(server, clock, { placeCode: AREAS.dalaoyemiao, responsibleUnit: '四官营子镇人民政府' });
});
afterAll(() => server.close());

describe('createFund', () => {
  it('records an earmark and shows it', async () => {
    const result = await server.execute(EarmarkedFund, { input: fundInput({ earmarkAreaCode: AREAS.baojing }) });
    expect(mustSucceed(result).fund).toMatchObject({ earmarkAreaCode: AREAS.baojing, earmarkArea: { name: '保靖县' } });
  });

  it('refuses an earmark that is not a division code or not a known area, naming the field', async () => {
    const create = (earmarkAreaCode: string) => server.execute(EarmarkedFund, { input: fundInput({ earmarkAreaCode }) }).then((r) => r.data!.createFund);
    await expectRefused(server, () => create('4331'), 'ValidationError', 'earmarkAreaCode');
    await expectRefused(server, () => create('433125199000'), 'NotFoundError', 'earmarkAreaCode');
  });
});

describe('allocateFunds', () => {
  it('refuses an earmarked fund to a project outside its area, to a caller who manages both, and writes nothing', async () => {
    const fund = await createFund(AREAS.baojing);
    const refused = await expectRefused(server, () => allocate(fund, inLingyuan), 'RuleViolationError', 'projectId');
    expect(refused).toMatchObject({ messageEn: `The fund is earmarked for projects in area ${AREAS.baojing}; this project lies outside it` });
    mustSucceed(await allocate(fund, inBaojing));
    // A fund without an earmark still pays wherever its manager may allocate.
    mustSucceed(await allocate(await createFund(null), inLingyuan));
  });

  it('refuses a payment once the project lies outside the earmark, however it got there', async () => {
    const fund = await createFund(AREAS.baojing);
    const allocationId = mustSucceed(await allocate(fund, inBaojing)).allocation.id;
    // No write of the API can bring this about (see below); a change made around it is still caught where money leaves.
    await server.sql(`update fund set earmark_area_code = ? where id = ?`, [AREAS.yezhuping, Number(Buffer.from(fund, 'base64').toString().split(':')[1])]);
    const pay = () => server.execute(DisburseFunds, { input: { allocationId, amount: '10.00', voucherNo: 'BZ-9' } }).then((r) => r.data!.disburseFunds);
    await expectRefused(server, pay, 'RuleViolationError', 'allocationId');
  });
});

describe('updateProject', () => {
  it('refuses moving a project out of the earmark of a fund that pays for it, and writes nothing', async () => {
    const project = await projectUnderConstruction(server, clock, { placeCode: AREAS.villageB });
    mustSucceed(await allocate(await createFund(AREAS.qianling), project));
    const move = (placeCode: string) => server.execute(MoveProject, { input: { id: project, placeCode } }).then((r) => r.data!.updateProject);
    await expectRefused(server, () => move(AREAS.villageC), 'RuleViolationError', 'placeCode');
    expect(await move(AREAS.villageA)).toEqual({ __typename: 'UpdateProjectPayload' });
  });
});
