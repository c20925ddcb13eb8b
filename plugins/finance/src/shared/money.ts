import { compareMoney } from '@tuopin/core';

/** An amount, or zero when it is negative: what is "left" of a limit that is already exceeded. */
export function atLeastZero(amount: string): string {
  return compareMoney(amount, '0') > 0 ? amount : '0.00';
}
