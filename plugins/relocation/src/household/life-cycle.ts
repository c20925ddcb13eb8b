import { enumOf, RuleViolationError } from '@tuopin/core';

/**
 * A relocated household's life cycle: applied → approved (the 旧宅基地腾退协议 demolition
 * agreement signed) → housed → moved in → old house demolished (then land reclaimed) or retained.
 * Follow-up support runs alongside from the move in. Steps go one at a time, in this order.
 */
export const RELOCATION_STATUSES = {
  APPLIED: '已申请 Applied',
  APPROVED: '已审批（签订旧宅基地腾退协议） Approved, with a demolition agreement signed',
  HOUSED: '已分房/已建房 Housed: a flat assigned or a home built or bought',
  MOVED_IN: '已入住 Moved in',
  DEMOLISHED: '旧房已拆除 Old house demolished',
  RETAINED: '旧房经县级批准保留 Old house retained with the county\'s approval',
  RECLAIMED: '宅基地已复垦 Homestead reclaimed',
} as const;
export type RelocationStatus = keyof typeof RELOCATION_STATUSES;
export const RelocationStatusEnum = enumOf(RELOCATION_STATUSES);

const NEXT: Readonly<Record<RelocationStatus, readonly RelocationStatus[]>> = {
  APPLIED: ['APPROVED'],
  APPROVED: ['HOUSED'],
  HOUSED: ['MOVED_IN'],
  MOVED_IN: ['DEMOLISHED', 'RETAINED'],
  DEMOLISHED: ['RECLAIMED'],
  RETAINED: [],
  RECLAIMED: [],
};

/** The statuses a household in `status` may move to next. */
export function nextStatuses(status: RelocationStatus): readonly RelocationStatus[] {
  return NEXT[status];
}

/** Statuses reached once the household has moved in. */
export const MOVED_IN_OR_LATER: readonly RelocationStatus[] = ['MOVED_IN', 'DEMOLISHED', 'RETAINED', 'RECLAIMED'];
/** Statuses reached once the household was approved (the agreement signed). */
export const APPROVED_OR_LATER: readonly RelocationStatus[] = ['APPROVED', 'HOUSED', ...MOVED_IN_OR_LATER];

/**
 * Refuses a step out of order with a typed error on `field`, saying where the household stands and
 * what it needs first.
 */
export function assertStep(from: RelocationStatus, to: RelocationStatus, field: string): void {
  if (NEXT[from].includes(to)) return;
  const allowed = NEXT[from].join(', ') || '—';
  throw new RuleViolationError(
    field,
    `搬迁户当前状态为“${RELOCATION_STATUSES[from].split(' ')[0]}”，不能进入“${RELOCATION_STATUSES[to].split(' ')[0]}”；须按 申请→审批→分房→入住→拆旧（或保留）→复垦 的顺序办理`,
    `A relocated household in status ${from} cannot move to ${to}; the next step allowed is ${allowed} (applied → approved → housed → moved in → demolished or retained → reclaimed)`,
  );
}
