/**
 * Birth dates as day numbers. The seeded registry is a snapshot at the end of REFERENCE_YEAR:
 * ages are counted at that date, so the data does not depend on the clock.
 */

/** The year the seeded registry describes; ages, schooling and the latest income are for it. */
export const REFERENCE_YEAR = 2020;

/** The first birth year the seeders use (a 100-year-old in the reference year). */
export const FIRST_BIRTH_YEAR = REFERENCE_YEAR - 100;

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(FIRST_BIRTH_YEAR, 0, 1);
/** Day numbers run from 1 January FIRST_BIRTH_YEAR to 31 December REFERENCE_YEAR. */
export const DAY_COUNT = Math.round((Date.UTC(REFERENCE_YEAR + 1, 0, 1) - EPOCH) / DAY_MS);

// Both spellings of every day, computed once (about 37,000 short strings).
const compact: string[] = new Array(DAY_COUNT);
const iso: string[] = new Array(DAY_COUNT);
for (let day = 0; day < DAY_COUNT; day++) {
  const text = new Date(EPOCH + day * DAY_MS).toISOString().slice(0, 10);
  iso[day] = text;
  compact[day] = text.slice(0, 4) + text.slice(5, 7) + text.slice(8, 10);
}

// Day number of 1 January of every year from FIRST_BIRTH_YEAR to REFERENCE_YEAR + 1.
const yearStarts: number[] = [];
for (let year = FIRST_BIRTH_YEAR; year <= REFERENCE_YEAR + 1; year++) yearStarts.push(Math.round((Date.UTC(year, 0, 1) - EPOCH) / DAY_MS));

/** The day number of 1 January of a year (FIRST_BIRTH_YEAR to REFERENCE_YEAR + 1). */
export function firstDayOf(year: number): number {
  const day = yearStarts[year - FIRST_BIRTH_YEAR];
  if (day === undefined) throw new Error(`year ${year} is outside ${FIRST_BIRTH_YEAR}–${REFERENCE_YEAR + 1}`);
  return day;
}

/** 'YYYYMMDD', as in an ID number. */
export function compactDate(day: number): string {
  return compact[day];
}

/** 'YYYY-MM-DD'. */
export function isoDate(day: number): string {
  return iso[day];
}

/**
 * A random day in the year of someone `age` years old at the end of REFERENCE_YEAR, i.e. born in
 * REFERENCE_YEAR − age. `unit` is a number in [0, 1).
 */
export function birthDayForAge(age: number, unit: number): number {
  const year = REFERENCE_YEAR - age;
  const first = firstDayOf(year);
  const length = firstDayOf(year + 1) - first;
  return first + Math.floor(unit * length);
}
