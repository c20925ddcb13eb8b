import { createTestServer, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLender, disburse, expectRefused, fundPool, householdWithLine, loanInput } from './fixtures/finance-flow.js';
import { DisburseLoan, FileRiskClaim, LoanState, RecordRepayment, WriteOffLoan } from './fixtures/operations.js';
import { CODES, insertAreas, PRINCIPALS, settingsWith, TestClock } from './fixtures/world.js';

/**
 * A loan's status is derived from its schedule and repayments as of "today", which the tests
 * move: current → overdue → current → repaid; and current → overdue → defaulted → claimed →
 * written off. Repayments, claims and write-offs are refused whenever the loan's state forbids.
 */

const clock = new TestClock();
let server: TestServer;
let lenderId: string;

beforeAll(async () => {
  clock.setToday('2016-03-01');
  server = await createTestServer({ settings: settingsWith(clock), principal: PRINCIPALS.baojingOfficer });
  await insertAreas(server);
  lenderId = await createLender(server);
  await fundPool(server, CODES.baojing, '10000.00', 10, '2016-02-20');
});
afterAll(() => server.close());

async function stateOf(loanId: string) {
  const result = await server.execute(LoanState, { id: loanId });
  expect(result.errors).toBeUndefined();
  return result.data!.node as { status: string; daysOverdue: number; outstandingPrincipal: string; nextDueDate: string | null; schedule: { seq: number; isPaid: boolean }[] };
}

const repay = (loanId: string, principal: string, interest: string, repaidOn?: string) =>
  server.execute(RecordRepayment, { input: { loanId, principal, interest, repaidOn } }).then((r) => r.data!.recordRepayment);

describe('a loan repaid, late once', () => {
  let loanId: string;

  beforeAll(async () => {
    const household = await householdWithLine(server, lenderId, { amount: '30000.00' });
    loanId = (await disburse(server, household, { principal: '30000.00', termMonths: 12 })).id;
  });

  it('is current until an instalment falls due unpaid, then overdue', async () => {
    clock.setToday('2016-06-01');
    expect(await stateOf(loanId)).toMatchObject({ status: 'CURRENT', daysOverdue: 0, nextDueDate: '2016-06-01' });
    clock.setToday('2016-06-03');
    expect(await stateOf(loanId)).toMatchObject({ status: 'OVERDUE', daysOverdue: 2, nextDueDate: '2016-06-01' });
  });

  it('is current again once the instalment is paid', async () => {
    const outcome = await repay(loanId, '0.00', '326.25');
    expect(outcome).toMatchObject({
      repayment: { principal: '0.00', interest: '326.25', repaidOn: '2016-06-03' },
      loan: { status: 'CURRENT', daysOverdue: 0, nextDueDate: '2016-09-01', interestRepaid: '326.25', interestOutstanding: '978.75' },
    });
  });

  it('never takes more than is outstanding, nor a payment dated before the loan or in the future', async () => {
    await expectRefused(server, () => repay(loanId, '0.00', '978.76'), 'RuleViolationError', 'interest');
    await expectRefused(server, () => repay(loanId, '30000.01', '0.00'), 'RuleViolationError', 'principal');
    await expectRefused(server, () => repay(loanId, '0.00', '0.00'), 'ValidationError', 'principal');
    await expectRefused(server, () => repay(loanId, '100.00', '0.00', '2016-02-28'), 'ValidationError', 'repaidOn');
    await expectRefused(server, () => repay(loanId, '100.00', '0.00', '2016-06-04'), 'ValidationError', 'repaidOn');
  });

  it('is repaid once the principal is, even after falling far behind, and takes nothing more', async () => {
    clock.setToday('2016-09-02');
    expect((await stateOf(loanId)).status).toBe('OVERDUE');
    clock.setToday('2017-03-01');
    expect(await stateOf(loanId)).toMatchObject({ status: 'DEFAULTED', daysOverdue: 181 });
    const outcome = await repay(loanId, '30000.00', '978.75');
    expect(outcome).toMatchObject({ loan: { status: 'REPAID', outstandingPrincipal: '0.00', interestOutstanding: '0.00', nextDueDate: null } });
    expect((await stateOf(loanId)).schedule.every((i) => i.isPaid)).toBe(true);
    await expectRefused(server, () => repay(loanId, '1.00', '0.00'), 'RuleViolationError', 'principal');
  });
});

describe('a repayment sent twice', () => {
  let loanId: string;

  beforeAll(async () => {
    clock.setToday('2016-03-01');
    const household = await householdWithLine(server, lenderId, { amount: '10000.00' });
    loanId = (await disburse(server, household, { principal: '10000.00', termMonths: 12 })).id;
    clock.setToday('2016-04-01');
  });

  const repayWith = (voucherNo: string, principal: string) =>
    server.execute(RecordRepayment, { input: { loanId, principal, interest: '0.00', voucherNo } }).then((r) => r.data!.recordRepayment);

  it('is recorded once: the same voucher on the same loan again is a conflict on voucherNo, and nothing is written', async () => {
    expect(await repayWith('HK-2016-0401', '1000.00')).toMatchObject({ loan: { outstandingPrincipal: '9000.00' } });
    await expectRefused(server, () => repayWith('HK-2016-0401', '1000.00'), 'ConflictError', 'voucherNo');
    expect(await stateOf(loanId)).toMatchObject({ outstandingPrincipal: '9000.00' });
  });

  it('lands once when sent twice at once', async () => {
    const outcomes = await Promise.all([0, 1, 2].map(() => repayWith('HK-2016-0402', '500.00')));
    expect(outcomes.map((o) => o.__typename).sort()).toEqual(['ConflictError', 'ConflictError', 'RecordRepaymentPayload']);
    expect(await stateOf(loanId)).toMatchObject({ outstandingPrincipal: '8500.00' });
  });
});

describe('a loan defaulted, compensated from the pool and written off', () => {
  let loanId: string;

  beforeAll(async () => {
    clock.setToday('2016-03-01');
    const household = await householdWithLine(server, lenderId, { amount: '20000.00' });
    loanId = (await disburse(server, household, { principal: '20000.00', termMonths: 12 })).id;
  });

  const claim = (amount: string) => server.execute(FileRiskClaim, { input: { loanId, amount, reason: '借款人外出失联' } }).then((r) => r.data!.fileRiskClaim);
  const writeOff = () => server.execute(WriteOffLoan, { input: { loanId, reason: '代偿后核销' } }).then((r) => r.data!.writeOffLoan);

  it('stays overdue for the configured 90 days, then defaults', async () => {
    clock.setToday('2016-08-30');
    expect(await stateOf(loanId)).toMatchObject({ status: 'OVERDUE', daysOverdue: 90 });
    await expectRefused(server, () => claim('1000.00'), 'RuleViolationError', 'loanId');
    await expectRefused(server, writeOff, 'RuleViolationError', 'loanId');
    clock.setToday('2016-08-31');
    expect(await stateOf(loanId)).toMatchObject({ status: 'DEFAULTED', daysOverdue: 91, outstandingPrincipal: '20000.00' });
  });

  it('claims on the pool never exceed the unpaid principal, nor take the pool below zero', async () => {
    await expectRefused(server, () => claim('20000.01'), 'RuleViolationError', 'amount');
    await expectRefused(server, () => claim('10000.01'), 'RuleViolationError', 'amount');
    expect(await claim('8000.00')).toMatchObject({
      claim: { amount: '8000.00', claimedOn: '2016-08-31' },
      pool: { balance: '2000.00', claimed: '8000.00', lendingCapacity: '20000.00', claimCount: 1 },
      loan: { status: 'DEFAULTED' },
    });
    await expectRefused(server, () => claim('2000.01'), 'RuleViolationError', 'amount');
    expect(await claim('2000.00')).toMatchObject({ pool: { balance: '0.00', lendingCapacity: '0.00' } });
  });

  it('a drawn-down pool leaves no room to lend in the county', async () => {
    const household = await householdWithLine(server, lenderId, { amount: '10000.00' });
    const refused = (await server.execute(DisburseLoan, { input: loanInput(household, { principal: '1000.00', disbursedOn: '2016-08-31' }) })).data!.disburseLoan;
    expect(refused).toMatchObject({ __typename: 'RuleViolationError', field: 'principal' });
  });

  it('is written off once, and takes no repayment afterwards', async () => {
    expect(await writeOff()).toMatchObject({ loan: { status: 'WRITTEN_OFF', outstandingPrincipal: '0.00', writeOff: { writtenOffOn: '2016-08-31' } } });
    await expectRefused(server, writeOff, 'ConflictError', 'loanId');
    await expectRefused(server, () => repay(loanId, '100.00', '0.00'), 'RuleViolationError', 'loanId');
    expect((await stateOf(loanId)).status).toBe('WRITTEN_OFF');
  });

  it('is decided by a county\'s money officers within their area', async () => {
    const outsider = await server.execute(WriteOffLoan, { input: { loanId, reason: 'x' } }, { principal: PRINCIPALS.lingyuanOfficer });
    expect(outsider.data!.writeOffLoan).toMatchObject({ __typename: 'NotFoundError', field: 'loanId' });
    const auditor = await server.execute(FileRiskClaim, { input: { loanId, amount: '1.00', reason: 'x' } }, { principal: PRINCIPALS.auditor });
    expect(auditor.data!.fileRiskClaim).toMatchObject({ __typename: 'ForbiddenError', field: 'loanId' });
  });
});
