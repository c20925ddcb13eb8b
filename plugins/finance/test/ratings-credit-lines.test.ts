import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GrantCreditLineInput, RateHouseholdInput } from './generated/graphql.js';
import { createLender, expectRefused, householdWithLine } from './fixtures/finance-flow.js';
import { CreateLender, GrantCreditLine, RateHousehold } from './fixtures/operations.js';
import { CODES, globalId, insertAreas, insertHousehold, PRINCIPALS, settingsWith, TestClock, type TestHousehold } from './fixtures/world.js';

/** 评级 and 授信: every rule, and every refusal leaves the tables as they were. */

const clock = new TestClock();
let server: TestServer;
let lenderId: string;
let household: TestHousehold;

beforeAll(async () => {
  server = await createTestServer({ settings: settingsWith(clock), principal: PRINCIPALS.baojingOfficer });
  await insertAreas(server);
  lenderId = await createLender(server);
  household = await insertHousehold(server);
});
afterAll(() => server.close());

const rate = (input: Partial<RateHouseholdInput> = {}) =>
  server.execute(RateHousehold, { input: { householdId: household.globalId, score: 85, ratedOn: '2016-01-20', rater: '甲村评级小组', ...input } }).then((r) => r.data!.rateHousehold);

const grant = (input: Partial<GrantCreditLineInput> = {}, target = household) =>
  server
    .execute(GrantCreditLine, { input: { householdId: target.globalId, lenderId, amount: '30000.00', validFrom: '2016-02-01', validUntil: '2019-01-31', ...input } })
    .then((r) => r.data!.grantCreditLine);

describe('rateHousehold', () => {
  it('derives the grade from the score and keeps the history, the latest being current', async () => {
    expect(await rate({ score: 85, ratedOn: '2016-01-20' })).toMatchObject({ rating: { grade: 'AA', score: 85, ratedOn: '2016-01-20' } });
    const again = await rate({ score: 93, ratedOn: '2016-02-20' });
    expect(again).toMatchObject({
      rating: { grade: 'AAA' },
      household: { creditRating: { grade: 'AAA', score: 93 }, creditRatings: [{ grade: 'AAA', ratedOn: '2016-02-20' }, { grade: 'AA', ratedOn: '2016-01-20' }] },
    });
  });

  it('refuses a second rating on the same day', async () => {
    await expectRefused(server, () => rate({ score: 70, ratedOn: '2016-02-20' }), 'ConflictError', 'ratedOn');
  });

  it('refuses bad input, naming every field at fault', async () => {
    const outcome = await expectRefused(server, () => rate({ score: 101, ratedOn: '2016-03-02', rater: ' ' }), 'ValidationError', 'score');
    expect(outcome.__typename === 'ValidationError' && outcome.issues.map((i) => i.field)).toEqual(['score', 'ratedOn', 'rater']);
  });

  it('refuses a household that is not registered, or outside the caller\'s area', async () => {
    await expectRefused(server, () => rate({ householdId: globalId('Household', 999_999) }), 'NotFoundError', 'householdId');
    const outcome = await server.execute(
      RateHousehold,
      { input: { householdId: household.globalId, score: 80, ratedOn: '2016-01-25', rater: '凌源' } },
      { principal: PRINCIPALS.lingyuanOfficer },
    );
    expect(outcome.data!.rateHousehold).toMatchObject({ __typename: 'NotFoundError', field: 'householdId' });
    const auditor = await server.execute(
      RateHousehold,
      { input: { householdId: household.globalId, score: 80, ratedOn: '2016-01-25', rater: '审计' } },
      { principal: PRINCIPALS.auditor },
    );
    expect(auditor.data!.rateHousehold).toMatchObject({ __typename: 'ForbiddenError', field: 'householdId' });
  });
});

describe('grantCreditLine', () => {
  it('refuses a household that has not been rated', async () => {
    const unrated = await insertHousehold(server);
    await expectRefused(server, () => grant({}, unrated), 'RuleViolationError', 'householdId');
  });

  it('refuses a grade that gets no credit, and an amount above the grade\'s limit', async () => {
    const weak = await insertHousehold(server);
    mustSucceed(await server.execute(RateHousehold, { input: { householdId: weak.globalId, score: 65, ratedOn: '2016-01-20', rater: '甲村评级小组' } }));
    await expectRefused(server, () => grant({}, weak), 'RuleViolationError', 'householdId');
    // The current rating on the line's first day counts: AA on 2016-01-25 (limit 30,000).
    await expectRefused(server, () => grant({ amount: '30000.01', validFrom: '2016-01-25', validUntil: '2016-12-31' }), 'RuleViolationError', 'amount');
  });

  it('grants a line within the limit of the current grade', async () => {
    const outcome = await grant({ amount: '30000.00' });
    expect(outcome).toMatchObject({
      creditLine: { amount: '30000.00', validFrom: '2016-02-01', validUntil: '2019-01-31', lender: { name: '保靖县农村信用合作联社' }, rating: { grade: 'AA' } },
    });
  });

  it('refuses a line that overlaps another', async () => {
    await expectRefused(server, () => grant({ amount: '10000.00', validFrom: '2018-06-01', validUntil: '2020-05-31' }), 'ConflictError', 'validFrom');
  });

  it('refuses a period longer than configured, or ending before it starts', async () => {
    await expectRefused(server, () => grant({ validFrom: '2019-02-01', validUntil: '2022-02-28' }), 'ValidationError', 'validUntil');
    await expectRefused(server, () => grant({ validFrom: '2019-02-01', validUntil: '2019-01-31' }), 'ValidationError', 'validUntil');
  });

  it('refuses a lender that does not serve the household\'s area, and an unknown lender', async () => {
    const liaoning = mustSucceed(
      await server.execute(CreateLender, { input: { name: '凌源市农村信用合作联社', kind: 'RURAL_CREDIT_COOPERATIVE', areaCode: CODES.lingyuan } }, { principal: PRINCIPALS.admin }),
    ).lender.id;
    await expectRefused(server, () => grant({ lenderId: liaoning, validFrom: '2019-02-01', validUntil: '2019-12-31' }), 'RuleViolationError', 'lenderId');
    await expectRefused(server, () => grant({ lenderId: globalId('Lender', 999_999), validFrom: '2019-02-01', validUntil: '2019-12-31' }), 'NotFoundError', 'lenderId');
  });

  it('lets two concurrent grants of overlapping lines through once (the exclusion constraint)', async () => {
    const target = await householdWithLine(server, lenderId, { validFrom: '2016-02-15' });
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => grant({ amount: '1000.00', validFrom: `2019-0${3 + (i % 2)}-01`, validUntil: '2019-12-31' }, target)),
    );
    expect(results.filter((r) => r.__typename === 'GrantCreditLinePayload')).toHaveLength(1);
    expect(results.filter((r) => r.__typename === 'ConflictError')).toHaveLength(5);
  });
});
