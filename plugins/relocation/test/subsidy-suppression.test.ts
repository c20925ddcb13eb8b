import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import { PaySubsidy } from './fixtures/operations.js';
import { applyFor, approve } from './fixtures/relocation-flow.js';
import { relocationProgramme, ReverseEntry, type Programme } from './fixtures/relocation-programme.js';
import { CODES, insertAreas, PRINCIPALS, settingsWith, TestClock } from './fixtures/world.js';

/**
 * Relocation subsidies are withheld from partners with the households paid, not the payments: a
 * household is paid in instalments and from several funds, so five payments (k = 5) can be one
 * household, and their sum would tell a partner what it was paid.
 *
 * 甲村: one household, paid 5 × 10,000 from a central fund and 10,000 from a provincial one.
 * 乙村: six households paid 4,500 each from the central fund, two of them also 3 × 2,000 from the
 * provincial fund, and a seventh paid 50,000 whose payment was reversed.
 */

// Only fields that existed before the households were counted, so that the partner's view is
// compared value by value on the old schema too.
const PartnerSubsidies = graphql(`
  query RelocationPartnerSubsidies($code: String!) {
    village(code: $code) { stats { relocation { subsidyPayments subsidiesPaid subsidiesBySource { sourceType payments amount } } } }
  }
`);

const SubsidiesPaidAlone = graphql(`
  query RelocationSubsidiesPaidAlone($code: String!) {
    village(code: $code) { stats { relocation { subsidiesPaid } } }
  }
`);

const VillageSubsidies = graphql(`
  query RelocationVillageSubsidyHouseholds($code: String!) {
    village(code: $code) {
      stats { relocation { subsidyPayments subsidisedHouseholds subsidiesPaid subsidiesBySource { sourceType payments households amount } } }
    }
  }
`);

const CountySubsidies = graphql(`
  query RelocationCountySubsidyHouseholds($code: String!) {
    region(code: $code) {
      stats { relocation { subsidyPayments subsidisedHouseholds subsidiesPaid subsidiesBySource { sourceType payments households amount } } }
    }
  }
`);

const clock = new TestClock();
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({ settings: settingsWith(clock), principal: PRINCIPALS.baojingOfficer });
  await insertAreas(server);
  const central = await relocationProgramme(server, clock, { placeCode: CODES.baojing, amount: '500000.00', sourceType: 'CENTRAL_FISCAL' });
  const provincial = await relocationProgramme(server, clock, { placeCode: CODES.baojing, amount: '500000.00', sourceType: 'PROVINCIAL_FISCAL' });

  const one = await approvedHousehold(CODES.villageA);
  for (let i = 0; i < 5; i++) await pay(one, central, '10000.00');
  await pay(one, provincial, '10000.00');

  const six = [];
  for (let i = 0; i < 6; i++) six.push(await approvedHousehold(CODES.villageB));
  for (const id of six) await pay(id, central, '4500.00');
  for (const id of six.slice(0, 2)) for (let i = 0; i < 3; i++) await pay(id, provincial, '2000.00');
  const reversed = await pay(await approvedHousehold(CODES.villageB), central, '50000.00');
  mustSucceed(await server.execute(ReverseEntry, { input: { entryId: reversed, reason: '重复发放', date: '2017-03-02' } }));
}, 120_000);
afterAll(() => server.close());

async function approvedHousehold(villageCode: string): Promise<string> {
  const id = await applyFor(server, { villageCode });
  await approve(server, id);
  return id;
}

/** Pays from the programme's allocation; the payment's ledger entry (for a reversal). */
async function pay(relocatedHouseholdId: string, programme: Programme, amount: string): Promise<string> {
  const { payment } = mustSucceed(
    await server.execute(PaySubsidy, { input: { relocatedHouseholdId, allocationId: programme.allocationId, amount, paidOn: '2017-03-01', voucherNo: `BZ-${Math.random()}` } }),
  );
  return payment.disbursement!.id;
}

describe('relocation subsidies for partners', () => {
  it('withholds the sums and the sources of one household paid six times', async () => {
    const result = await server.execute(PartnerSubsidies, { code: CODES.villageA }, { principal: PRINCIPALS.ngo });
    expect(result.errors).toBeUndefined();
    // The payments are a count of their own, published as such; the money is one household's.
    expect(result.data!.village!.stats.relocation).toEqual({ subsidyPayments: 5, subsidiesPaid: null, subsidiesBySource: [] });
  });

  it('withholds the sum when it is selected alone too (its households are read beside it)', async () => {
    const result = await server.execute(SubsidiesPaidAlone, { code: CODES.villageA }, { principal: PRINCIPALS.ngo });
    expect(result.errors).toBeUndefined();
    expect(result.data!.village!.stats.relocation.subsidiesPaid).toBeNull();
  });

  it('publishes them rounded where at least k households were paid, leaving out a source of fewer', async () => {
    const result = await server.execute(PartnerSubsidies, { code: CODES.villageB }, { principal: PRINCIPALS.ngo });
    expect(result.errors).toBeUndefined();
    // 39,000 over six households, to 万元; the provincial fund's six payments went to two households.
    expect(result.data!.village!.stats.relocation).toEqual({
      subsidyPayments: 10,
      subsidiesPaid: '30000.00',
      subsidiesBySource: [{ sourceType: 'CENTRAL_FISCAL', payments: 5, amount: '20000.00' }],
    });
  });

  it('counts the households exactly for administrators: distinct across sources, reversed payments left out', async () => {
    const figures = async (code: string) => {
      const result = await server.execute(VillageSubsidies, { code }, { principal: PRINCIPALS.admin });
      expect(result.errors).toBeUndefined();
      return result.data!.village!.stats.relocation;
    };
    expect(await figures(CODES.villageA)).toEqual({
      subsidyPayments: 6,
      subsidisedHouseholds: 1,
      subsidiesPaid: '60000.00',
      subsidiesBySource: [
        { sourceType: 'CENTRAL_FISCAL', payments: 5, households: 1, amount: '50000.00' },
        { sourceType: 'PROVINCIAL_FISCAL', payments: 1, households: 1, amount: '10000.00' },
      ],
    });
    expect(await figures(CODES.villageB)).toEqual({
      subsidyPayments: 12,
      subsidisedHouseholds: 6,
      subsidiesPaid: '39000.00',
      subsidiesBySource: [
        { sourceType: 'CENTRAL_FISCAL', payments: 6, households: 6, amount: '27000.00' },
        { sourceType: 'PROVINCIAL_FISCAL', payments: 6, households: 2, amount: '12000.00' },
      ],
    });
    // The county adds its villages' households (a household lies in one village).
    const county = await server.execute(CountySubsidies, { code: CODES.baojing }, { principal: PRINCIPALS.admin });
    expect(county.data!.region!.stats.relocation).toMatchObject({ subsidyPayments: 18, subsidisedHouseholds: 7, subsidiesPaid: '99000.00' });
  });

  it('agrees with a count of the rows by hand', async () => {
    const [row] = await server.sql<{ households: number; central: number; provincial: number }>(
      `select count(distinct sp.relocated_household_id)::int as households,
         count(distinct sp.relocated_household_id) filter (where f.source_type = 'CENTRAL_FISCAL')::int as central,
         count(distinct sp.relocated_household_id) filter (where f.source_type = 'PROVINCIAL_FISCAL')::int as provincial
       from relocation_subsidy_payment sp join ledger_entry e on e.id = sp.ledger_entry_id join fund f on f.id = e.fund_id
       where not exists (select 1 from ledger_entry r where r.reverses_id = e.id)`,
    );
    expect(row).toEqual({ households: 7, central: 7, provincial: 3 });
    const result = await server.execute(CountySubsidies, { code: CODES.baojing }, { principal: PRINCIPALS.admin });
    expect(result.errors).toBeUndefined();
    const county = result.data!.region!.stats.relocation;
    expect(county.subsidisedHouseholds).toBe(row.households);
    expect(county.subsidiesBySource.map((g) => g.households)).toEqual([row.central, row.provincial]);
  });
});
