import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError, RuleViolationError, ValidationError } from '../kernel/errors.js';
import { HOUSEHOLD_STATUSES, type HouseholdStatus } from './household-enums.js';

/**
 * A household's status after registration changes only here, called by the workflow step that
 * decides it, inside that step's audited transaction: exit removes a poor household (销号, POOR or
 * RETURNED → EXITED, with the exit year), a return to poverty brings an exited one back (返贫,
 * EXITED → RETURNED; its exit year stays on record). Identification makes a household POOR by
 * registering it (household.service.ts), so no transition leads to POOR.
 */
const ALLOWED: Readonly<Record<HouseholdStatus, readonly HouseholdStatus[]>> = {
  POOR: ['EXITED'],
  EXITED: ['RETURNED'],
  RETURNED: ['EXITED'],
};

/** The household as the step read it: its status is checked again under the update. */
export interface HouseholdStatusSubject {
  readonly id: number;
  readonly status: HouseholdStatus;
  readonly yearIdentified: number;
}

export interface StatusChange {
  /** The year of the change: the exit year for EXITED, the year of the return for RETURNED. */
  readonly year: number;
  /** The workflow deciding it, bilingual ('退出 Exit'); it names the refusal. */
  readonly reason: string;
}

const zhOf = (status: HouseholdStatus) => HOUSEHOLD_STATUSES[status].split(' ')[0];

/**
 * Moves a household to `next` through an allowed transition and writes its exit year, in the
 * caller's transaction. Refused with a typed error on `status` for a transition the life cycle
 * does not have, on `year` for a year before the household was identified, and a `ConflictError`
 * when the household's status changed since the caller read it (the update names the status read).
 */
export async function setHouseholdStatus(em: EntityManager, household: HouseholdStatusSubject, next: HouseholdStatus, change: StatusChange): Promise<void> {
  if (!ALLOWED[household.status].includes(next)) {
    const [zh, en] = [change.reason.split(' ')[0], change.reason.split(' ').slice(1).join(' ')];
    throw new RuleViolationError(
      'status',
      `${zh}：户状态不能从“${zhOf(household.status)}”改为“${zhOf(next)}”`,
      `${en}: a household's status cannot go from ${household.status} to ${next}`,
    );
  }
  if (!Number.isInteger(change.year) || change.year < household.yearIdentified) {
    throw ValidationError.of('year', `年度不能早于识别年度（${household.yearIdentified}）`, `The year cannot be before the year the household was identified (${household.yearIdentified})`);
  }
  // RETURNED keeps the exit year it fell back from; EXITED records the year it left.
  const updated = await em.execute<{ id: number }[]>(
    `update household set status = ?, exit_year = case when ? = 'EXITED' then ?::smallint else exit_year end, updated_at = now()
     where id = ? and status = ? returning id`,
    [next, next, change.year, household.id, household.status],
  );
  if (updated.length === 0) {
    throw new ConflictError('status', '该户状态已被其他操作改变，请刷新后重试', 'The household\'s status changed since it was read; reload and try again');
  }
}
