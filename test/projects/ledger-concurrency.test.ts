import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAreas } from '../fixtures/areas.js';
import { AllocateFunds, createFund, DisburseFunds, projectUnderConstruction, ReverseLedgerEntry, settingsWith, TestClock } from '../fixtures/projects.js';

/**
 * The ledger's invariants under concurrent writers: fifty requests at once through GraphQL, more
 * than the balance can cover. The writers lock the row whose balance is at stake, so exactly as
 * many succeed as the balance allows and the others get a typed error.
 */
const clock = new TestClock(new Date('2016-03-01T02:00:00Z'));
let server: TestServer;
let projectId: string;

beforeAll(async () => {
  server = await createTestServer({ settings: settingsWith(clock) });
  await insertAreas(server);
  projectId = await projectUnderConstruction(server, clock);
});
afterAll(() => server.close());

function tally(outcomes: { __typename?: string; field?: string | null }[]) {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) {
    const key = outcome.__typename?.endsWith('Payload') ? 'ok' : `${outcome.__typename}:${outcome.field}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('concurrent ledger writes', () => {
  it('fifty concurrent disbursements never overdraw their allocation', async () => {
    const fundId = await createFund(server, { amount: '20000.00' });
    const allocationId = mustSucceed(await server.execute(AllocateFunds, { input: { fundId, projectId, amount: '10000.00' } })).allocation.id;

    // 50 × 300.00 = 15,000.00 against 10,000.00: 33 fit (9,900.00), 17 must be refused.
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        server.execute(DisburseFunds, { input: { allocationId, amount: '300.00', voucherNo: `BZ-${i}` } }),
      ),
    );
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    const outcomes = results.map((r) => r.data!.disburseFunds);
    expect(tally(outcomes)).toEqual({ ok: 33, 'RuleViolationError:amount': 17 });

    const [row] = await server.sql<{ n: string; total: string }>(
      `select count(*) as n, sum(amount)::text as total from ledger_entry where kind = 'DISBURSEMENT' and allocation_id = ?`,
      [Buffer.from(allocationId, 'base64').toString().split(':')[1]],
    );
    expect(row).toEqual({ n: '33', total: '9900.00' });
  });

  it('fifty concurrent allocations never exceed their fund', async () => {
    const fundId = await createFund(server, { amount: '10000.00' });
    // 50 × 700.00 = 35,000.00 against 10,000.00: 14 fit (9,800.00).
    const results = await Promise.all(
      Array.from({ length: 50 }, () => server.execute(AllocateFunds, { input: { fundId, projectId, amount: '700.00' } })),
    );
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    expect(tally(results.map((r) => r.data!.allocateFunds))).toEqual({ ok: 14, 'RuleViolationError:amount': 36 });
    const [row] = await server.sql<{ n: string; total: string }>(
      `select count(*) as n, sum(e.amount)::text as total from ledger_entry e join fund f on f.id = e.fund_id
       where e.kind = 'ALLOCATION' and f.name = '县级财政专项扶贫资金' and f.amount = 10000`,
    );
    expect(row).toEqual({ n: '14', total: '9800.00' });
  });

  it('reverses an entry once, however many ask at the same moment', async () => {
    const fundId = await createFund(server, { amount: '5000.00' });
    const allocated = mustSucceed(await server.execute(AllocateFunds, { input: { fundId, projectId, amount: '5000.00' } }));
    const results = await Promise.all(
      Array.from({ length: 10 }, () => server.execute(ReverseLedgerEntry, { input: { entryId: allocated.allocation.id, reason: '重复安排' } })),
    );
    expect(tally(results.map((r) => r.data!.reverseLedgerEntry))).toEqual({ ok: 1, 'ConflictError:entryId': 9 });
  });
});
