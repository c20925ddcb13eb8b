/** Calendar arithmetic on `YYYY-MM-DD` strings (UTC dates, no time of day). */

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
const asDay = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  const date = asDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return asDay(date);
}

/** The last day of a term of `years` years that starts on `day` (2015-04-01 + 2 years → 2017-03-31). */
export function lastDayOfYears(day: string, years: number): string {
  const date = asDate(day);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return addDays(asDay(date), -1);
}

/** How many days a month has. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first and last day of a month. */
export function monthSpan(year: number, month: number): [string, string] {
  const mm = String(month).padStart(2, '0');
  return [`${year}-${mm}-01`, `${year}-${mm}-${String(daysInMonth(year, month)).padStart(2, '0')}`];
}
