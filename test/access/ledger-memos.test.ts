import type { Principal } from '@tuopin/core';
import { documentOf } from '@tuopin/testing';
import { describe, expect, it } from 'vitest';
import { useDemoServer } from '../fixtures/demo-server.js';
import { CALLERS } from '../fixtures/principals.js';
import { globalId } from '../fixtures/households.js';

/**
 * Ledger memos and vouchers are read by partners (disbursements are theirs to see). The demo and
 * the plugins once wrote "loan 385" or "household 3" into them, which let a partner count
 * borrowers and students exactly; and a clerk's free text may name a person. So nothing writes a
 * registry id there, and the kernel masks memos for roles that see personal data masked.
 */
const server = useDemoServer();
const PARTNER: Principal = { id: 'test:national-ngo', role: 'NGO_PARTNER', areaScopes: [''], provinceCode: null };
/** Officers who read personal data: 保靖县's (finance and education demos) and 示范县's (relocation demo). */
const OFFICERS: Principal[] = [CALLERS.baojingOfficer, { id: 'test:shifan-officer', role: 'COUNTY_OFFICER', areaScopes: ['809901'], provinceCode: '800000000000' }];
const Entries = documentOf(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on LedgerEntry { memo voucherNo amount } } }`);

/** Three disbursements of each plugin's demo payments, by the payment table that links them. */
async function demoDisbursements(): Promise<{ table: string; id: number }[]> {
  const rows: { table: string; id: number }[] = [];
  for (const table of ['finance_subsidy_payment', 'education_aid_payment', 'relocation_subsidy_payment']) {
    const ids = await server().sql<{ id: number }>(`select ledger_entry_id as id from ${table} order by id limit 3`);
    expect(ids.length, table).toBe(3);
    rows.push(...ids.map(({ id }) => ({ table, id })));
  }
  return rows;
}

type Entry = { memo: string | null; voucherNo: string | null; amount: string } | null;

async function read(principal: Principal, ids: number[]): Promise<Entry[]> {
  const result = await server().execute(Entries, { ids: ids.map((id) => globalId('Disbursement', id)) }, { principal });
  expect(result.errors).toBeUndefined();
  return result.data!.nodes as Entry[];
}

/** Each entry as the officer of its county reads it. */
async function readAsOfficers(ids: number[]): Promise<Entry[]> {
  const views = await Promise.all(OFFICERS.map((officer) => read(officer, ids)));
  return ids.map((_id, i) => views.map((view) => view[i]).find((entry) => entry !== null) ?? null);
}

describe('ledger memos', () => {
  it('carry no registry id anywhere in the demo ledger, and no voucher is made of a loan\'s or a household\'s id', async () => {
    const withIds = await server().sql<{ memo: string }>(`select memo from ledger_entry where memo ~* '(loan|household|application|member|student) *#? *[0-9]'`);
    expect(withIds).toEqual([]);
    const loanVouchers = await server().sql(`select 1 from finance_subsidy_payment s join ledger_entry e on e.id = s.ledger_entry_id where e.voucher_no like 'TX-' || s.loan_id || '-%'`);
    expect(loanVouchers).toEqual([]);
    const householdVouchers = await server().sql(
      `select 1 from relocation_subsidy_payment s join ledger_entry e on e.id = s.ledger_entry_id where e.voucher_no like 'BZ-%-' || s.relocated_household_id`,
    );
    expect(householdVouchers).toEqual([]);
  });

  it('are masked for a partner through the kernel, who still sees the amount and the voucher', async () => {
    const ids = (await demoDisbursements()).map((row) => row.id);
    const official = await readAsOfficers(ids);
    const partner = await read(PARTNER, ids);
    expect(official.every((entry) => entry !== null && entry.memo !== null && entry.memo !== '***')).toBe(true);
    expect(partner.map((entry) => entry?.memo)).toEqual(ids.map(() => '***'));
    const open = (entries: Entry[]) => entries.map((entry) => ({ amount: entry?.amount, voucherNo: entry?.voucherNo }));
    expect(open(partner)).toEqual(open(official));
  });

  it('say what was paid to an officer who sees personal data', async () => {
    const memos = (await readAsOfficers((await demoDisbursements()).map((row) => row.id))).map((entry) => entry?.memo);
    expect(memos.slice(0, 3)).toEqual(Array(3).fill('扶贫小额信贷贴息 Interest subsidy on a poverty-relief microloan'));
    expect(memos.slice(3, 6).every((memo) => memo!.startsWith('雨露计划新入学大学生资助'))).toBe(true);
    expect(memos.slice(6)).toEqual(Array(3).fill('易地扶贫搬迁建房补助 Relocation housing subsidy'));
  });
});
