/**
 * Calendar arithmetic on YYYY-MM-DD dates, in UTC so that no time zone shifts a day. Adding months
 * clamps to the end of a shorter month (31 January + 1 month = 28 or 29 February), as PostgreSQL
 * does, so that dates computed here agree with schedules computed in SQL.
 */

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y, m, d];
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole months from `from` to `to` (the latter not before the former), counting a partial month as one. */
export function monthsSpanned(from: string, to: string): number {
  let months = 0;
  while (addMonths(from, months) < to) months++;
  return months;
}

/** Age in whole years on a date. */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = parts(birthDate);
  const [y, m, d] = parts(date);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
