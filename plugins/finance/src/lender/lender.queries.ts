import { type ConnectionArgs, parentCode, resolveKeysetConnection, SqlText, subtreeRange, type TuopinContext } from '@tuopin/core';
import { LenderSchema, type Lender } from './lender.entity.js';
import type { LenderKind } from './lender-enums.js';

export interface LenderFilter {
  /** Lenders that serve this area: placed in it, or at an area above it. Null for all. */
  regionCode: string | null;
  kind?: LenderKind | null;
}

/** The area and every area above it: a prefecture's lender serves each of its counties. */
function selfAndAncestors(code: string): string[] {
  const codes = [code];
  for (let parent = parentCode(code); parent !== null; parent = parentCode(parent)) codes.push(parent);
  return codes;
}

function lenderWhere(filter: LenderFilter): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.regionCode !== null) {
    const { lo, hi } = subtreeRange(filter.regionCode);
    const above = selfAndAncestors(filter.regionCode);
    clauses.push('(x.area_code between ? and ? or x.area_code = any(?::text[]))');
    params.push(lo, hi, above);
  }
  if (filter.kind) {
    clauses.push('x.kind = ?');
    params.push(filter.kind);
  }
  return { sql: clauses.length ? clauses.join(' and ') : 'true', params };
}

/**
 * A keyset page of lenders by (area code, id). Lenders are public institutions: everyone sees
 * every lender, whatever their area scope, as a borrower sees the name on a contract.
 */
export function lenderConnection(ctx: TuopinContext, filter: LenderFilter, args: ConnectionArgs) {
  const where = lenderWhere(filter);
  return resolveKeysetConnection<Lender>(
    args,
    ['code', 'id'],
    (lender) => [lender.areaCode, lender.id],
    async ({ after, before, limit, descending }) => {
      const sql = new SqlText().append(`select ${ctx.db.columns(LenderSchema).select('x')} from finance_lender x where ${where.sql}`, ...where.params);
      if (after) sql.append(' and (x.area_code, x.id) > (?, ?)', String(after[0]), Number(after[1]));
      if (before) sql.append(' and (x.area_code, x.id) < (?, ?)', String(before[0]), Number(before[1]));
      const direction = descending ? 'desc' : 'asc';
      sql.append(` order by x.area_code ${direction}, x.id ${direction} limit ?`, limit);
      return ctx.db.entityRows(LenderSchema, sql);
    },
    async () => {
      const [row] = await ctx.db.rows<{ n: string }>(new SqlText().append(`select count(*) as n from finance_lender x where ${where.sql}`, ...where.params));
      return Number(row.n);
    },
  );
}
