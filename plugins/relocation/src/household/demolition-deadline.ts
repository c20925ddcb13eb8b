import { todayOf, type PlatformSettings } from '@tuopin/core';
import { relocationFiguresFor, relocationSettingsOf } from '../settings/relocation-settings.js';
import type { RelocatedHousehold } from './relocated-household.entity.js';

/**
 * 拆旧期限: the date by which a household's old house is due to be demolished, the move-in date
 * plus the province's `demolitionMonthsAfterMoveIn` for its plan year. Null where no deadline is
 * configured (there is no national one) or before the household moved in. A month-end move-in
 * keeps to the month's end: 31 August plus 6 months is the last day of February.
 */
export function demolitionDueOn(settings: PlatformSettings, household: RelocatedHousehold): string | null {
  if (!household.moveInDate) return null;
  const months = relocationFiguresFor(relocationSettingsOf(settings), household.villageCode, household.planYear).demolitionMonths;
  return months === null ? null : addMonths(household.moveInDate, months);
}

/**
 * Past its due date with the old house still standing: neither demolished nor kept with the
 * county's approval. The county chases these households; the rule refuses nothing, because the
 * demolition is a fact recorded when it happens, however late.
 */
export function isDemolitionOverdue(settings: PlatformSettings, household: RelocatedHousehold): boolean {
  const due = demolitionDueOn(settings, household);
  if (due === null || household.demolishedOn || household.retentionApprovedOn) return false;
  return todayOf(settings) > due;
}

/** A calendar date (YYYY-MM-DD) `months` later, the day clamped to the end of a shorter month. */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}
