import { subtreeRange } from '@tuopin/core';

/** The 12-digit code of the county a place lies in: the place whose risk pool caps its lending. */
export function countyCodeOf(code: string): string {
  return code.slice(0, 6).padEnd(12, '0');
}

/** True when `code` is the area `areaCode` or lies under it. */
export function isWithinArea(code: string, areaCode: string): boolean {
  const { lo, hi } = subtreeRange(areaCode);
  return code >= lo && code <= hi;
}
