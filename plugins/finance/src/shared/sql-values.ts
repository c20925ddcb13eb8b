import { normalizeMoney, pgTextArray } from '@tuopin/core';

/** A numeric from PostgreSQL ("0", "1234.5", null) as a canonical Money string. */
export function moneyFromSql(value: string | number | null | undefined): string {
  return normalizeMoney(value == null ? '0' : String(value));
}

/** An integer array as one bound parameter, for `= any(?::int[])`. */
export function intArray(ids: readonly number[]): string {
  return pgTextArray(ids.map(String));
}
