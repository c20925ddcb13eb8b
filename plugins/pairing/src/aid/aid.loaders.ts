import { createContextCache } from '@pothos/core';
import { keyMatch, moneyFromSql, pickRows, SqlText, type TuopinContext } from '@tuopin/core';
import DataLoader from 'dataloader';
import { pairingRowLoader, rowsByPairingLoader } from '../shared/pairing-rows.js';
import { PairingAidSchema } from './aid.entity.js';

export const aidLoader = pairingRowLoader(PairingAidSchema);
export const aidByPairingLoader = rowsByPairingLoader(PairingAidSchema);

/** What a pairing's aid shows of the core fund that received it: the fund's public notice. */
export interface AidFund {
  id: number;
  name: string;
  documentNo: string | null;
  provider: string | null;
  amount: string;
  allocated: string;
  disbursed: string;
}

/**
 * The funds behind aid, by fund id, with their live ledger totals. Read without the fund's area
 * scope on purpose: whoever sees an aid row (the helped side, or a helper-side officer through his
 * grant on the pairing) sees what it received and how it was used, as a fund's notice (公示) shows.
 */
export const aidFundLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, AidFund | null>(async (ids) => {
      const fundIds = keyMatch('f.id', ids, 'int');
      const rows = await ctx.db.rows<{ id: number; name: string; document_no: string | null; provider: string | null; amount: string; allocated: string; disbursed: string }>(
        new SqlText().append(
          `select f.id, f.name, f.document_no, f.provider, f.amount::text,
                  coalesce(sum(e.amount) filter (where e.kind = 'ALLOCATION'), 0)::text as allocated,
                  coalesce(sum(e.amount) filter (where e.kind = 'DISBURSEMENT'), 0)::text as disbursed
           from fund f
           left join ledger_entry e on e.fund_id = f.id and e.kind in ('ALLOCATION', 'DISBURSEMENT')
             and not exists (select 1 from ledger_entry r where r.reverses_id = e.id)
           where ${fundIds.sql}
           group by f.id`,
          ...fundIds.params,
        ),
      );
      const funds = rows.map((row) => ({
        id: row.id,
        name: row.name,
        documentNo: row.document_no,
        provider: row.provider,
        amount: moneyFromSql(row.amount),
        allocated: moneyFromSql(row.allocated),
        disbursed: moneyFromSql(row.disbursed),
      }));
      return pickRows(ids, funds, (fund) => fund.id);
    }),
);
