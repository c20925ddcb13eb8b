/**
 * 公示期: a project may be approved only after a project-plan notice has run its full period —
 * one that ended on or before the approval date and lasted at least the configured number of
 * days, counted inclusively (a notice from the 1st to the 7th has run 7 days).
 */

export interface NoticePeriod {
  startDate: string;
  endDate: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days from start to end, both included; dates are YYYY-MM-DD. */
export function noticeLengthInDays(notice: NoticePeriod): number {
  return Math.round((Date.parse(`${notice.endDate}T00:00:00Z`) - Date.parse(`${notice.startDate}T00:00:00Z`)) / DAY_MS) + 1;
}

/** True when one of the notices satisfies the rule for an approval on `approvalDate`. */
export function noticePeriodHasRun(notices: readonly NoticePeriod[], approvalDate: string, minimumDays: number): boolean {
  return notices.some((notice) => notice.endDate <= approvalDate && noticeLengthInDays(notice) >= minimumDays);
}

/**
 * The earliest start a notice recorded on `today` may have. A notice board is put up before an
 * officer enters it, so a short grace is allowed; a notice that started earlier than that would
 * let a project be "noticed" and approved the day it is recorded, the notice never seen.
 */
export function earliestNoticeStart(today: string, graceDays: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - graceDays * DAY_MS).toISOString().slice(0, 10);
}
