import { createContextCache } from '@pothos/core';
import { moneyFromSql, pgIntArray, SqlText, type TuopinContext } from '@tuopin/core';
import DataLoader from 'dataloader';
import { pairingRowLoader, rowsByPairingLoader } from '../shared/pairing-rows.js';
import { PairingAgreementSchema } from './agreement.entity.js';

export const agreementLoader = pairingRowLoader(PairingAgreementSchema);
export const agreementsByPairingLoader = rowsByPairingLoader(PairingAgreementSchema);

/** What a pairing achieved in a year, from its records, to set against the agreement. */
export interface AgreementActual {
  received: string;
  exchanges: number;
  workers: number;
  purchases: number;
  purchaseAmount: string;
  investment: string;
}

// One statement per batch of (pairing, year): each figure a correlated sum over its own table.
const ACTUAL_SQL = `
  select k.pairing_id, k.year,
    (select coalesce(sum(f.amount), 0)::text from pairing_aid a join fund f on f.id = a.fund_id where a.pairing_id = k.pairing_id and a.year = k.year) as received,
    (select count(*)::int from pairing_exchange x where x.pairing_id = k.pairing_id and extract(year from x.start_date) = k.year) as exchanges,
    (select count(*)::int from pairing_labour l where l.pairing_id = k.pairing_id and extract(year from l.start_month) = k.year) as workers,
    (select count(*)::int from pairing_purchase p where p.pairing_id = k.pairing_id and p.year = k.year) as purchases,
    (select coalesce(sum(p.amount), 0)::text from pairing_purchase p where p.pairing_id = k.pairing_id and p.year = k.year) as purchase_amount,
    (select coalesce(sum(i.amount), 0)::text from pairing_investment i where i.pairing_id = k.pairing_id and i.year = k.year) as investment
  from unnest(?::int[], ?::int[]) as k(pairing_id, year)`;

/** Keyed `pairingId:year`. */
export const agreementActualLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<string, AgreementActual>(async (keys) => {
      const pairs = keys.map((key) => key.split(':').map(Number));
      const rows = await ctx.db.rows<{ pairing_id: number; year: number; received: string; exchanges: number; workers: number; purchases: number; purchase_amount: string; investment: string }>(
        new SqlText().append(ACTUAL_SQL, pgIntArray(pairs.map(([id]) => id)), pgIntArray(pairs.map(([, year]) => year))),
      );
      const byKey = new Map(rows.map((row) => [`${row.pairing_id}:${row.year}`, row]));
      return keys.map((key) => {
        const row = byKey.get(key)!;
        return {
          received: moneyFromSql(row.received),
          exchanges: row.exchanges,
          workers: row.workers,
          purchases: row.purchases,
          purchaseAmount: moneyFromSql(row.purchase_amount),
          investment: moneyFromSql(row.investment),
        };
      });
    }),
);
