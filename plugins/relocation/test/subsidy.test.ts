import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaySubsidy } from './fixtures/operations.js';
import { applyFor, approve, snapshot } from './fixtures/relocation-flow.js';
import { ProgrammeFigures, relocationProgramme, ReverseEntry, type Programme } from './fixtures/relocation-programme.js';
import { CODES, insertAreas, PRINCIPALS, settingsWith, TestClock } from './fixtures/world.js';

/**
 * Building subsidies through core's fund ledger: a disbursement against an allocation to a
 * RELOCATION project, inside the plugin's transaction; rule 5 and the per-person standard where
 * one is configured (湖南 2016: 6,000 yuan a person, in this test's settings).
 */

const clock = new TestClock();
let server: TestServer;
let programme: Programme;

beforeAll(async () => {
  server = await createTestServer({
    settings: settingsWith(clock, { provinces: { [CODES.hunan]: { years: { '2016': { subsidyPerPerson: '6000.00' } } } } }),
    principal: PRINCIPALS.baojingOfficer,
  });
  await insertAreas(server);
  programme = await relocationProgramme(server, clock, { placeCode: CODES.baojing, amount: '1000000.00' });
});
afterAll(() => server.close());

const pay = (relocatedHouseholdId: string, amount: string, options: { allocationId?: string; principal?: typeof PRINCIPALS.baojingOfficer | typeof PRINCIPALS.relocationOffice } = {}) =>
  server.execute(
    PaySubsidy,
    { input: { relocatedHouseholdId, allocationId: options.allocationId ?? programme.allocationId, amount, paidOn: '2017-01-05', voucherNo: `BZ-${Math.random()}` } },
    { principal: options.principal ?? PRINCIPALS.baojingOfficer },
  );

async function expectRefused(run: () => ReturnType<typeof pay>, typename: string, field: string) {
  const before = await snapshot(server);
  const outcome = (await run()).data?.payRelocationSubsidy;
  expect(outcome).toMatchObject({ __typename: typename, field });
  expect(outcome && 'messageZh' in outcome ? outcome.messageZh : '').toMatch(/[\u4e00-\u9fff]/);
  expect(await snapshot(server)).toBe(before);
  return outcome;
}

describe('relocation subsidies', () => {
  it('pays an approved household through the ledger: the fund and the project show the payment', async () => {
    const id = await applyFor(server, { peopleMoved: 4 });
    await approve(server, id);
    const { payment } = mustSucceed(await pay(id, '12000.00'));
    expect(payment).toMatchObject({ amount: '12000.00', paidOn: '2017-01-05', disbursement: { amount: '12000.00' } });
    const figures = await server.execute(ProgrammeFigures, { fundId: programme.fundId, projectId: programme.projectId });
    expect(figures.data).toMatchObject({ fund: { disbursed: '12000.00' }, project: { totalDisbursed: '12000.00' } });
    // The memo says what was paid, without the household's id: partners read ledger entries.
    const [entry] = await server.sql<{ memo: string }>(`select e.memo from ledger_entry e join relocation_subsidy_payment p on p.ledger_entry_id = e.id order by p.id limit 1`);
    expect(entry.memo).toBe('易地扶贫搬迁补助 Relocation subsidy');
  });

  it('refuses a household that was never approved (rule 5), writing nothing to the ledger', async () => {
    const id = await applyFor(server, {});
    const refused = await expectRefused(() => pay(id, '1000.00'), 'RuleViolationError', 'relocatedHouseholdId');
    expect(refused && 'messageEn' in refused ? refused.messageEn : '').toBe('The household was never approved (no demolition agreement); no subsidy can be paid');
  });

  it('refuses more than the standard × people moved, and allows it again once a payment is reversed', async () => {
    const id = await applyFor(server, { peopleMoved: 4 });
    await approve(server, id);
    const first = mustSucceed(await pay(id, '20000.00'));
    const refused = await expectRefused(() => pay(id, '4000.01'), 'RuleViolationError', 'amount');
    expect(refused && 'messageEn' in refused ? refused.messageEn : '').toBe('Subsidies may not exceed 6000.00 yuan per person × 4 people = 24000.00 yuan (paid so far: 20000.00)');
    mustSucceed(await server.execute(ReverseEntry, { input: { entryId: first.payment.disbursement!.id, reason: '金额录入错误', date: '2017-01-06' } }));
    mustSucceed(await pay(id, '24000.00'));
  });

  it('refuses an allocation of a project that is not a relocation programme', async () => {
    const housing = await relocationProgramme(server, clock, { placeCode: CODES.baojing, amount: '5000.00', category: 'HOUSING' });
    const id = await applyFor(server, {});
    await approve(server, id);
    await expectRefused(() => pay(id, '1000.00', { allocationId: housing.allocationId }), 'RuleViolationError', 'allocationId');
    // More than the allocation holds: core's ledger refuses it.
    const small = await relocationProgramme(server, clock, { placeCode: CODES.baojing, amount: '500.00' });
    await expectRefused(() => pay(id, '500.01', { allocationId: small.allocationId }), 'RuleViolationError', 'amount');
  });

  it('refuses the relocation office, which does not manage funds', async () => {
    const id = await applyFor(server, {});
    await approve(server, id);
    await expectRefused(() => pay(id, '1000.00', { principal: PRINCIPALS.relocationOffice }), 'ForbiddenError', 'allocationId');
  });

  it('ten payments at once for one household never exceed its standard', async () => {
    const id = await applyFor(server, { peopleMoved: 4 });
    await approve(server, id);
    const results = await Promise.all(Array.from({ length: 10 }, () => pay(id, '3000.00')));
    const kinds = results.map((r) => r.data?.payRelocationSubsidy?.__typename);
    expect(kinds.filter((k) => k === 'PayRelocationSubsidyPayload')).toHaveLength(8);
    expect(kinds.filter((k) => k === 'RuleViolationError')).toHaveLength(2);
    const [row] = await server.sql<{ total: string }>(
      'select sum(amount)::text as total from relocation_subsidy_payment where relocated_household_id = ?',
      [Number(Buffer.from(id, 'base64').toString().split(':')[1])],
    );
    expect(row.total).toBe('24000.00');
  });
});
