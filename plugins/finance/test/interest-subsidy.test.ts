import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLender, disburse, expectRefused, financeSnapshot, fundPool, householdWithLine } from './fixtures/finance-flow.js';
import { LoanState, PayInterestSubsidy, RecordRepayment } from './fixtures/operations.js';
import { ProgrammeFigures, ReverseSubsidyEntry, subsidyProgramme, type Programme } from './fixtures/subsidy-programme.js';
import { CODES, globalId, insertAreas, PRINCIPALS, settingsWith, TestClock } from './fixtures/world.js';

/**
 * 贴息 through core's ledger: every subsidy is a disbursement against the county programme's
 * allocation, made by core's disburseFunds inside the plugin's transaction. So the ledger's
 * limits hold for subsidies, and a failure after the disbursement takes the disbursement back.
 */

const clock = new TestClock();
let server: TestServer;
let programme: Programme;
let loanId: string;

beforeAll(async () => {
  server = await createTestServer({ settings: settingsWith(clock), principal: PRINCIPALS.baojingOfficer });
  await insertAreas(server);
  programme = await subsidyProgramme(server, clock, { placeCode: CODES.baojing, amount: '1000.00' });
  clock.setToday('2016-03-01');
  const lenderId = await createLender(server);
  await fundPool(server, CODES.baojing, '100000.00');
  const household = await householdWithLine(server, lenderId);
  loanId = (await disburse(server, household, { principal: '30000.00', termMonths: 12 })).id;
});
afterAll(() => server.close());

const pay = (installment: number, overrides: { allocationId?: string; voucherNo?: string } = {}) =>
  server
    .execute(PayInterestSubsidy, { input: { loanId, installment, allocationId: programme.allocationId, voucherNo: `TX-${installment}`, ...overrides } })
    .then((r) => r.data!.payInterestSubsidy);

const repayInterest = (interest: string) => server.execute(RecordRepayment, { input: { loanId, principal: '0.00', interest } });

describe('payInterestSubsidy', () => {
  it('refuses until the borrower has paid the instalment\'s interest (先缴后补)', async () => {
    clock.setToday('2016-06-01');
    await expectRefused(server, () => pay(1), 'RuleViolationError', 'installment');
  });

  it('pays it as a disbursement in the fund ledger once paid', async () => {
    mustSucceed(await repayInterest('326.25'));
    clock.setToday('2016-06-15');
    const outcome = await pay(1);
    expect(outcome).toMatchObject({
      subsidy: { installment: 1, amount: '326.25', paidOn: '2016-06-15', isReversed: false, disbursement: { amount: '326.25', date: '2016-06-15', voucherNo: 'TX-1' } },
      loan: { schedule: [{ seq: 1, isSubsidised: true }, { seq: 2, isSubsidised: false }, { seq: 3, isSubsidised: false }, { seq: 4, isSubsidised: false }] },
    });
    const figures = await server.execute(ProgrammeFigures, { fundId: programme.fundId, projectId: programme.projectId });
    expect(figures.data).toEqual({
      fund: { allocated: '1000.00', disbursed: '326.25', balance: '0.00' },
      project: { totalFunded: '1000.00', totalDisbursed: '326.25', executionRate: 0.3263 },
    });
    // The memo says what was paid, without the loan's id: partners read ledger entries.
    const [entry] = await server.sql<{ memo: string }>(`select memo from ledger_entry where voucher_no = 'TX-1'`);
    expect(entry.memo).toBe('扶贫小额信贷贴息 第1期 Interest subsidy on a poverty-relief microloan, instalment 1');
  });

  it('subsidises an instalment once', async () => {
    await expectRefused(server, () => pay(1, { voucherNo: 'TX-1b' }), 'ConflictError', 'installment');
  });

  it('pays only from a 金融扶贫 project that covers the borrower, and only existing instalments', async () => {
    const industry = await subsidyProgramme(server, clock, { placeCode: CODES.baojing, amount: '500.00', category: 'INDUSTRY' });
    await expectRefused(server, () => pay(1, { allocationId: industry.allocationId }), 'RuleViolationError', 'allocationId');
    const elsewhere = await subsidyProgramme(server, clock, { placeCode: CODES.villageB, amount: '500.00' });
    await expectRefused(server, () => pay(1, { allocationId: elsewhere.allocationId }), 'RuleViolationError', 'allocationId');
    await expectRefused(server, () => pay(1, { allocationId: globalId('Allocation', 999_999) }), 'NotFoundError', 'allocationId');
    await expectRefused(server, () => pay(9), 'NotFoundError', 'installment');
  });

  it('never pays beyond the allocation: core\'s ledger refuses inside the plugin\'s transaction', async () => {
    mustSucceed(await repayInterest('652.50'));
    clock.setToday('2016-12-02');
    expect((await pay(2)).__typename).toBe('PayInterestSubsidyPayload');
    // 1,000.00 − 2 × 326.25 = 347.50 left: the third fits, a fourth would not.
    expect((await pay(3)).__typename).toBe('PayInterestSubsidyPayload');
    mustSucceed(await repayInterest('326.25'));
    await expectRefused(server, () => pay(4), 'RuleViolationError', 'amount');
  });

  it('rolls the disbursement back when anything after it fails', async () => {
    // A failure after core's disbursement, inside the same transaction: the link row is refused.
    await server.sql(`create function finance_test_refuse() returns trigger language plpgsql as $$
      begin raise exception 'refused by the test after the disbursement'; end $$`);
    await server.sql('create trigger finance_test_refuse before insert on finance_subsidy_payment for each row execute function finance_test_refuse()');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const ledgerBefore = await financeSnapshot(server);
      const [reversal] = await server.sql<{ id: number }>(`select id from ledger_entry where voucher_no = 'TX-3'`);
      mustSucceed(await server.execute(ReverseSubsidyEntry, { input: { entryId: globalId('Disbursement', reversal.id), reason: '凭证号录错' } }));
      const afterReversal = await financeSnapshot(server);
      expect(Number(afterReversal.ledger_entries)).toBe(Number(ledgerBefore.ledger_entries) + 1);

      // With the third instalment's subsidy reversed there is room for it again; the
      // disbursement is made, then the trigger refuses the link, and both are rolled back.
      let result: Awaited<ReturnType<typeof server.execute>> | undefined;
      const { statements } = await server.countStatements(async () => {
        result = await server.execute(PayInterestSubsidy, { input: { loanId, installment: 3, allocationId: programme.allocationId, voucherNo: 'TX-3b' } });
      });
      expect(result!.errors?.[0].message).toBeDefined();
      const sent = statements.map((sql) => sql.replace(/\s+/g, ' ').toLowerCase());
      expect(sent.some((sql) => sql.startsWith('insert into ledger_entry'))).toBe(true);
      expect(sent.some((sql) => sql.startsWith('savepoint'))).toBe(true);
      expect(sent.some((sql) => sql.startsWith('insert into finance_subsidy_payment'))).toBe(true);
      expect(sent.at(-1)).toMatch(/^rollback/);
      expect(await financeSnapshot(server)).toEqual(afterReversal);
      expect(await server.sql(`select id from ledger_entry where voucher_no = 'TX-3b'`)).toEqual([]);
    } finally {
      errors.mockRestore();
      await server.sql('drop trigger finance_test_refuse on finance_subsidy_payment');
      await server.sql('drop function finance_test_refuse()');
    }
  });

  it('subsidises a reversed instalment again, and counts only live subsidies', async () => {
    const outcome = await pay(3, { voucherNo: 'TX-3c' });
    expect(outcome).toMatchObject({ subsidy: { installment: 3, isReversed: false } });
    const state = await server.execute(LoanState, { id: loanId });
    expect(state.errors).toBeUndefined();
    const [row] = await server.sql<{ n: string; total: string }>(
      `select count(*) as n, sum(s.amount)::text as total from finance_subsidy_payment s
       where not exists (select 1 from ledger_entry r where r.reverses_id = s.ledger_entry_id)`,
    );
    expect(row).toEqual({ n: '3', total: '978.75' });
  });

  it('is for officers of the borrower\'s area who may pay from the fund', async () => {
    const outsider = await server.execute(
      PayInterestSubsidy,
      { input: { loanId, installment: 4, allocationId: programme.allocationId, voucherNo: 'TX-x' } },
      { principal: PRINCIPALS.lingyuanOfficer },
    );
    expect(outsider.data!.payInterestSubsidy).toMatchObject({ __typename: 'NotFoundError', field: 'loanId' });
    const auditor = await server.execute(
      PayInterestSubsidy,
      { input: { loanId, installment: 4, allocationId: programme.allocationId, voucherNo: 'TX-x' } },
      { principal: PRINCIPALS.auditor },
    );
    expect(auditor.data!.payInterestSubsidy).toMatchObject({ __typename: 'ForbiddenError', field: 'allocationId' });
  });
});

describe('payInterestSubsidy by a caller who sees the loan but not the allocation', () => {
  it('says nothing about the allocation: not found, whatever its project is', async () => {
    const industry = await subsidyProgramme(server, clock, { placeCode: CODES.baojing, amount: '500.00', category: 'INDUSTRY' });
    const villageOfficer = { id: 'officer-village-a', role: 'VILLAGE_OFFICER', areaScopes: [CODES.villageA], provinceCode: CODES.hunan } as const;
    const attempt = () =>
      server
        .execute(PayInterestSubsidy, { input: { loanId, installment: 2, allocationId: industry.allocationId, voucherNo: 'TX-V' } }, { principal: villageOfficer })
        .then((r) => r.data!.payInterestSubsidy);
    await expectRefused(server, attempt, 'NotFoundError', 'allocationId');
  });
});
