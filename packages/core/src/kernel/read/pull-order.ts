import { CHINA_OFFSET_HOURS, chinaDayOf, readsExactChangeTimes, startOfChinaDay, startOfNextChinaDay } from '../change-times.js';
import type { TuopinContext } from '../context.js';
import { ValidationError } from '../errors.js';
import { isDatabaseId } from '../global-id.js';
import type { SortKey } from '../keyset-connection.js';
import type { SqlText } from './read-statement.js';

/**
 * Two orders for lists partners pull. Without `updatedAfter`, rows come by (code, id): the order
 * of the area index. With it, by (updated_at, id), so that a partner pulling "what changed since
 * my last pull" pages through the changes in a stable order, with no duplicates or gaps between
 * pages, and can resume from the last cursor.
 *
 * Callers who see personal data masked (partners) pull by the day instead (`change-times.ts`):
 * `updatedAfter` keeps rows changed from the start of its day in China's time, rows come by
 * (day, id), and cursors carry the day. So two changes on one day cannot be told apart or
 * ordered, neither by bisecting `updatedAfter` nor by reading cursors. A cursor of one of the
 * three key orders is refused by the others.
 *
 * Caveat for partners: `updated_at` is stamped when a transaction writes the row, and
 * transactions commit in their own order. A change stamped 12:00:00.100 may commit after one
 * stamped 12:00:00.200 has been pulled, and a pull that starts after the later one would miss it
 * if it asked only for `updatedAfter: 12:00:00.200`. The stamp is written as the last statement
 * of each write, which keeps the window to milliseconds, but it is not zero. Partners should
 * overlap their pulls — ask for `updatedAfter` a few minutes before the newest `updatedAt` they
 * hold (by the day, the day pulls overlap by itself) — and deduplicate by id; the rows are
 * idempotent to apply.
 */

export type PullOrder = 'code' | 'updated';

/** The key a page is sorted and its cursors are made by: a `PullOrder` as the caller may read it. */
export type PullKeyOrder = 'code' | 'updated' | 'updated-day';

/** The key order of a pull order for this caller: by the day for callers who read change times to the day. */
export function pullKeyOrder(ctx: TuopinContext, order: PullOrder): PullKeyOrder {
  if (order === 'code') return 'code';
  return readsExactChangeTimes(ctx) ? 'updated' : 'updated-day';
}

/** A row's sort key in the given order. */
export function pullKey(order: PullKeyOrder, code: string, updatedAt: Date, id: number): SortKey {
  if (order === 'code') return [code, id];
  return order === 'updated' ? [updatedAt.toISOString(), id] : [chinaDayOf(updatedAt), id];
}

/** A real day `YYYY-MM-DD` (not 2026-02-30) in the range of the Date scalars. */
const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && value >= '1900-01-01' && value <= '2100-12-31' && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && chinaDayOf(startOfChinaDay(value)) === value;

/** Checks that a decoded cursor belongs to the order in use (cursors of another order are refused). */
export function checkPullCursor(order: PullKeyOrder, key: SortKey | null, field: string): [string, number] | null {
  if (key === null) return null;
  const [first, id] = key;
  const valid =
    typeof id === 'number' &&
    isDatabaseId(String(id)) &&
    typeof first === 'string' &&
    (order === 'updated' ? !Number.isNaN(Date.parse(first)) && first.includes('T') : order === 'updated-day' ? isDay(first) : /^\d{12}$/.test(first));
  if (!valid) {
    throw ValidationError.of(field, '分页游标与当前排序不符（是否增减了 updatedAfter？）', 'The cursor belongs to another ordering (was updatedAfter added or removed?)');
  }
  return [first, id];
}

/**
 * SQL for the keyset bound of a page, `(col, id) > (?, ?)` or `<`, with its parameters. By the
 * day, the bound compares `updated_at` with the day's first moments, not a function of the column
 * with the day, so that the (updated_at, id) index still serves the range.
 */
export function keysetBound(order: PullKeyOrder, alias: string, codeColumn: string, key: [string, number], op: '>' | '<') {
  if (order === 'updated-day') {
    const [start, next] = [startOfChinaDay(key[0]), startOfNextChinaDay(key[0])];
    const column = `${alias}.updated_at`;
    return op === '>'
      ? { sql: `(${column} >= ? and (${column} >= ? or ${alias}.id > ?))`, params: [start, next, key[1]] as unknown[] }
      : { sql: `(${column} < ? and (${column} < ? or ${alias}.id < ?))`, params: [next, start, key[1]] as unknown[] };
  }
  const column = order === 'updated' ? `${alias}.updated_at` : `${alias}.${codeColumn}`;
  const cast = order === 'updated' ? '::timestamptz' : '';
  return { sql: `(${column}, ${alias}.id) ${op} (?${cast}, ?)`, params: [key[0], key[1]] as unknown[] };
}

/** ` and <alias>.updated_at > ?` for `updatedAfter`, or by the day `>= <the start of its day>`. */
export function appendChangedSince(sql: SqlText, order: PullKeyOrder, alias: string, updatedAfter: Date): void {
  if (order === 'updated-day') sql.append(` and ${alias}.updated_at >= ?`, startOfChinaDay(updatedAfter));
  else sql.append(` and ${alias}.updated_at > ?`, updatedAfter);
}

/** ` order by …` of a page in an order of change: (updated_at, id), or (day, id). */
export function changeOrderSql(order: Exclude<PullKeyOrder, 'code'>, alias: string, direction: 'asc' | 'desc'): string {
  // UTC+8 as a fixed offset, as `chinaDayOf` reckons (the tz database's Asia/Shanghai had summer time in 1986–91).
  const first = order === 'updated' ? `${alias}.updated_at` : `((${alias}.updated_at at time zone 'UTC') + interval '${CHINA_OFFSET_HOURS} hours')::date`;
  return ` order by ${first} ${direction}, ${alias}.id ${direction}`;
}
