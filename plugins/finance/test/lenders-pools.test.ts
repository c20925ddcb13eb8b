import type { Principal } from '@tuopin/core';
import { createTestServer, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLender, disburse, expectRefused, householdWithLine } from './fixtures/finance-flow.js';
import { CreateLender, FundRiskPool, SetRiskPool } from './fixtures/operations.js';
import { CODES, insertAreas, PRINCIPALS, settingsWith, TestClock } from './fixtures/world.js';

/** Lenders and county pools: who may set them up, and the rules that keep the pool's cap true. */

const clock = new TestClock();
let server: TestServer;

beforeAll(async () => {
  clock.setToday('2016-03-01');
  server = await createTestServer({ settings: settingsWith(clock), principal: PRINCIPALS.baojingOfficer });
  await insertAreas(server);
});
afterAll(() => server.close());

const newLender = (areaCode: string, name = '保靖县农村信用合作联社', principal: Principal = PRINCIPALS.baojingOfficer) =>
  server.execute(CreateLender, { input: { name, kind: 'RURAL_CREDIT_COOPERATIVE', areaCode } }, { principal }).then((r) => r.data!.createLender);
const setPool = (countyCode: string, leverageMultiple: number) =>
  server.execute(SetRiskPool, { input: { countyCode, leverageMultiple } }).then((r) => r.data!.setRiskPool);
const fund = (countyCode: string, amount: string) => server.execute(FundRiskPool, { input: { countyCode, amount } }).then((r) => r.data!.fundRiskPool);

describe('createLender', () => {
  it('registers a lender once per area and name, at a county or above', async () => {
    expect(await newLender(CODES.baojing)).toMatchObject({ lender: { name: '保靖县农村信用合作联社', kind: 'RURAL_CREDIT_COOPERATIVE', areaCode: CODES.baojing } });
    await expectRefused(server, () => newLender(CODES.baojing), 'ConflictError', 'name');
    await expectRefused(server, () => newLender(CODES.qianling, '迁陵信用社'), 'NotFoundError', 'areaCode');
    await expectRefused(server, () => newLender('4331', '?'), 'ValidationError', 'areaCode');
  });

  it('is for the officers who manage funds, in their area', async () => {
    await expectRefused(server, () => newLender(CODES.lingyuan, '凌源市农村信用合作联社'), 'ForbiddenError', 'areaCode');
    await expectRefused(server, () => newLender(CODES.baojing, '保靖农商行', PRINCIPALS.auditor), 'ForbiddenError', 'areaCode');
  });
});

describe('risk pools', () => {
  it('are set up per county, with a multiple of 1 to 50', async () => {
    await expectRefused(server, () => setPool(CODES.qianling, 10), 'ValidationError', 'countyCode');
    await expectRefused(server, () => setPool(CODES.baojing, 0.5), 'ValidationError', 'leverageMultiple');
    await expectRefused(server, () => setPool(CODES.baojing, 10.125), 'ValidationError', 'leverageMultiple');
    await expectRefused(server, () => fund(CODES.baojing, '100000.00'), 'NotFoundError', 'countyCode');
    expect(await setPool(CODES.baojing, 10)).toMatchObject({ pool: { countyCode: CODES.baojing, leverageMultiple: 10, balance: '0.00', lendingCapacity: '0.00' } });
    expect(await fund(CODES.baojing, '20000.00')).toMatchObject({ pool: { contributed: '20000.00', balance: '20000.00', lendingCapacity: '200000.00' } });
    await expectRefused(server, () => fund(CODES.baojing, '0.00'), 'ValidationError', 'amount');
  });

  it('never lower their multiple below what the county has outstanding', async () => {
    const lenderId = await createLender(server, CODES.baojing, '中国邮政储蓄银行保靖县支行');
    for (let i = 0; i < 3; i++) await disburse(server, await householdWithLine(server, lenderId), { principal: '50000.00', termMonths: 12 });
    // 150,000 outstanding on a balance of 20,000: a multiple of 7.5 covers it exactly, 7.49 would not.
    expect(await setPool(CODES.baojing, 7.5)).toMatchObject({ pool: { lendingCapacity: '150000.00', outstanding: '150000.00', capacityUsed: 1 } });
    await expectRefused(server, () => setPool(CODES.baojing, 7.49), 'RuleViolationError', 'leverageMultiple');
    expect(await setPool(CODES.baojing, 12)).toMatchObject({ pool: { lendingCapacity: '240000.00', capacityUsed: 0.625 } });
  });
});
