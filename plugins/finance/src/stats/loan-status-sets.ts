import { LOAN_STATUSES, type LoanStatus } from '../loan/loan-enums.js';

/**
 * The sets of loan statuses the statistics report on: loans still owing principal, those past due
 * (overdue or defaulted), and those defaulted. The statement counts the households in each set
 * directly — not from the households of each status, which cannot be added up: one household may
 * hold a current loan and an overdue one.
 */
export const STATUS_SETS = {
  OWING: ['CURRENT', 'OVERDUE', 'DEFAULTED'],
  PAST_DUE: ['OVERDUE', 'DEFAULTED'],
  DEFAULTED: ['DEFAULTED'],
} as const satisfies Record<string, readonly LoanStatus[]>;
export type StatusSet = keyof typeof STATUS_SETS;

/**
 * The keys each status is counted under, as SQL `values` rows `(status, key)`: the status itself
 * and every set it belongs to (a set of one status is that status's own key).
 */
export function statusKeyRows(): string {
  const pairs = new Set<string>();
  for (const status of Object.keys(LOAN_STATUSES)) pairs.add(`('${status}', '${status}')`);
  for (const [set, statuses] of Object.entries(STATUS_SETS)) for (const status of statuses) pairs.add(`('${status}', '${set}')`);
  return [...pairs].join(', ');
}
