import type { Principal } from '@tuopin/core';
import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLender, disburse, expectRefused, fundPool, householdWithLine, loanInput } from './fixtures/finance-flow.js';
import { DisburseLoan, RecordRepayment } from './fixtures/operations.js';
import { CODES, globalId, insertAreas, insertHousehold, officerOf, PRINCIPALS, settingsWith, TestClock, type TestHousehold } from './fixtures/world.js';
import type { DisburseLoanInput } from './generated/graphql.js';

/** 放贷: the loan's terms, the borrower, the credit line and the county's pool — each rule refused with nothing written. */

const clock = new TestClock();
let server: TestServer;
let lenderId: string;
let household: TestHousehold;

beforeAll(async () => {
  clock.setToday('2016-03-01');
  server = await createTestServer({ settings: settingsWith(clock), principal: PRINCIPALS.admin });
  await insertAreas(server);
  lenderId = await createLender(server);
  await fundPool(server, CODES.baojing, '10000000.00');
  household = await householdWithLine(server, lenderId, { amount: '50000.00' });
});
afterAll(() => server.close());

const tryDisburse = (overrides: Partial<DisburseLoanInput> = {}, target = household, principal: Principal = officerOf(target.villageCode)) =>
  server.execute(DisburseLoan, { input: loanInput(target, overrides) }, { principal }).then((r) => r.data!.disburseLoan);

describe('a loan and its schedule', () => {
  it('pays interest every quarter and the principal at maturity, at the benchmark rate', async () => {
    const loan = await disburse(server, household, { principal: '30000.00', termMonths: 12 });
    expect(loan).toMatchObject({
      principal: '30000.00',
      annualRate: 4.35,
      repaymentMethod: 'QUARTERLY_INTEREST',
      maturityDate: '2017-03-01',
      status: 'CURRENT',
      outstandingPrincipal: '30000.00',
      borrower: { name: '彭大山' },
      lender: { name: '保靖县农村信用合作联社' },
      nextDueDate: '2016-06-01',
    });
    expect(loan.schedule).toEqual([
      { seq: 1, dueDate: '2016-06-01', principalDue: '0.00', interestDue: '326.25', isPaid: false },
      { seq: 2, dueDate: '2016-09-01', principalDue: '0.00', interestDue: '326.25', isPaid: false },
      { seq: 3, dueDate: '2016-12-01', principalDue: '0.00', interestDue: '326.25', isPaid: false },
      { seq: 4, dueDate: '2017-03-01', principalDue: '30000.00', interestDue: '326.25', isPaid: false },
    ]);
  });

  it('repays an equal share each quarter with the interest on what is left, rounded to the fen', async () => {
    const other = await householdWithLine(server, lenderId, { amount: '50000.00', ratedOn: '2016-01-10', validFrom: '2016-01-15' });
    const loan = await disburse(server, other, { principal: '40000.00', termMonths: 22, repaymentMethod: 'EQUAL_PRINCIPAL_QUARTERLY', disbursedOn: '2016-01-31' });
    expect(loan.annualRate).toBe(4.75);
    expect(loan.maturityDate).toBe('2017-11-30');
    // 8 instalments (the last one after a single month); 40,000 ÷ 8 = 5,000 each.
    expect(loan.schedule.map((i) => [i.dueDate, i.principalDue, i.interestDue])).toEqual([
      ['2016-04-30', '5000.00', '475.00'],
      ['2016-07-31', '5000.00', '415.63'],
      ['2016-10-31', '5000.00', '356.25'],
      ['2017-01-31', '5000.00', '296.88'],
      ['2017-04-30', '5000.00', '237.50'],
      ['2017-07-31', '5000.00', '178.13'],
      ['2017-10-31', '5000.00', '118.75'],
      ['2017-11-30', '5000.00', '19.79'],
    ]);
  });
});

describe('the rules of disburseLoan', () => {
  it('lends only to registered households, to one of their members, of working age', async () => {
    await expectRefused(server, () => tryDisburse({ householdId: globalId('Household', 999_999) }), 'NotFoundError', 'householdId');
    const stranger = await insertHousehold(server);
    await expectRefused(server, () => tryDisburse({ borrowerId: stranger.memberIds[0] }), 'RuleViolationError', 'borrowerId');
    // The third member was born in 2004: 12 years old.
    await expectRefused(server, () => tryDisburse({ borrowerId: household.memberIds[2], principal: '1000.00' }), 'RuleViolationError', 'borrowerId');
  });

  it('keeps principal, term and rate within the policy, reporting every problem', async () => {
    const outcome = await expectRefused(server, () => tryDisburse({ principal: '50000.01', termMonths: 37 }), 'ValidationError', 'principal');
    expect(outcome.__typename === 'ValidationError' && outcome.issues.map((i) => i.field)).toEqual(['principal', 'termMonths']);
    await expectRefused(server, () => tryDisburse({ principal: '1000.00', annualRate: 4.36 }), 'ValidationError', 'annualRate');
    await expectRefused(server, () => tryDisburse({ principal: '1000.00', termMonths: 24, annualRate: 4.76 }), 'ValidationError', 'annualRate');
    await expectRefused(server, () => tryDisburse({ principal: '1000.00', disbursedOn: '2016-03-02' }), 'ValidationError', 'disbursedOn');
  });

  it('needs a credit line valid on the day, and never lends beyond it', async () => {
    await expectRefused(server, () => tryDisburse({ principal: '1000.00', disbursedOn: '2016-02-14' }), 'RuleViolationError', 'householdId');
    // 30,000 of the 50,000 line is drawn by the first loan.
    await expectRefused(server, () => tryDisburse({ principal: '20000.01' }), 'RuleViolationError', 'principal');
    expect((await tryDisburse({ principal: '20000.00' })).__typename).toBe('DisburseLoanPayload');
    await expectRefused(server, () => tryDisburse({ principal: '1000.00' }), 'RuleViolationError', 'principal');
  });

  it('frees the line as the principal is repaid', async () => {
    const [first] = await server.sql<{ id: number }>('select id from finance_loan where household_id = ? order by id limit 1', [household.id]);
    mustSucceed(await server.execute(RecordRepayment, { input: { loanId: globalId('Loan', first.id), principal: '10000.00', interest: '0.00' } }));
    expect((await tryDisburse({ principal: '10000.00' })).__typename).toBe('DisburseLoanPayload');
  });

  it('lends nowhere a county has no risk pool, and never beyond pool × multiple', async () => {
    const liaoningLender = await createLender(server, CODES.lingyuan, '凌源市农村信用合作联社');
    const [a, b] = [
      await householdWithLine(server, liaoningLender, { villageCode: CODES.dalaoyemiao, amount: '30000.00' }),
      await householdWithLine(server, liaoningLender, { villageCode: CODES.dalaoyemiao, amount: '30000.00' }),
    ];
    await expectRefused(server, () => tryDisburse({ principal: '1000.00' }, a), 'RuleViolationError', 'householdId');
    await fundPool(server, CODES.lingyuan, '20000.00', 2);
    expect((await tryDisburse({ principal: '25000.00' }, a)).__typename).toBe('DisburseLoanPayload');
    await expectRefused(server, () => tryDisburse({ principal: '15000.01' }, b), 'RuleViolationError', 'principal');
    expect((await tryDisburse({ principal: '15000.00' }, b)).__typename).toBe('DisburseLoanPayload');
  });

  it('refuses callers outside the household\'s area or without the right to write', async () => {
    await expectRefused(server, () => tryDisburse({ principal: '1000.00' }, household, PRINCIPALS.lingyuanOfficer), 'NotFoundError', 'householdId');
    await expectRefused(server, () => tryDisburse({ principal: '1000.00' }, household, PRINCIPALS.auditor), 'ForbiddenError', 'householdId');
  });

  it('refuses administrators, who see birth dates masked, before the age rule answers either way', async () => {
    // Accepted for one date, "too young" for another: the answers would spell the birth date out.
    await expectRefused(server, () => tryDisburse({ principal: '1000.00' }, household, PRINCIPALS.admin), 'ForbiddenError', 'borrowerId');
    await expectRefused(server, () => tryDisburse({ principal: '1000.00', borrowerId: household.memberIds[2] }, household, PRINCIPALS.admin), 'ForbiddenError', 'borrowerId');
  });
});

describe('configured limits', () => {
  it('reads the principal and term limits from plugins.finance in the settings', async () => {
    const strict = await createTestServer({ settings: settingsWith(clock, { maxPrincipal: '30000.00', maxTermMonths: 24 }), principal: PRINCIPALS.admin });
    try {
      await insertAreas(strict);
      const lender = await createLender(strict);
      await fundPool(strict, CODES.baojing, '1000000.00');
      const target = await householdWithLine(strict, lender);
      const outcome = (await strict.execute(DisburseLoan, { input: loanInput(target, { principal: '30000.01', termMonths: 36 }) }, { principal: officerOf(target.villageCode) })).data!.disburseLoan;
      expect(outcome).toMatchObject({ __typename: 'ValidationError', field: 'principal' });
      expect(outcome.__typename === 'ValidationError' && outcome.issues.map((i) => i.messageEn)).toEqual([
        'A poverty micro-loan is at most 30000.00 yuan',
        'The term is 1 to 24 months',
      ]);
    } finally {
      await strict.close();
    }
  });
});
