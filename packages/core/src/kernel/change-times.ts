import { unlocks } from './access-registry.js';
import type { TuopinContext } from './context.js';

/*
 * When something changed is itself information: an aid payment's `updatedAt` is the moment one
 * student was paid, a resettlement site's the moment a household moved in. Matched against other
 * sources (a bank's records, a village's WeChat group), the exact time says who. So callers who
 * see personal data masked read change times to the day — the start of that day in China's time
 * (Asia/Shanghai, UTC+8 all year, no daylight saving) — and pull lists (`pull-order.ts`) filter,
 * order and page them by that day too: a coarse field alone would be undone by bisecting
 * `updatedAfter` or by reading a cursor.
 */

/** China's time, Asia/Shanghai: UTC+8 all year (kept as a fixed offset, in JavaScript and in SQL alike). */
export const CHINA_OFFSET_HOURS = 8;
const CHINA_OFFSET_MS = CHINA_OFFSET_HOURS * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Whether the caller reads change times exactly. Every role that sees personal data masked reads
 * them to the day, not the partner role alone: the kernel knows no role by name, and a caller who
 * may not read the people may not time what happened to them either (officers and auditors may).
 */
export function readsExactChangeTimes(ctx: TuopinContext): boolean {
  return unlocks(ctx.principal, 'unmasked-personal-data');
}

/** The day (`YYYY-MM-DD`, China's time) a moment falls on. */
export function chinaDayOf(moment: Date): string {
  return new Date(moment.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The first moment of a day in China's time: `2026-11-30` → 2026-11-29T16:00:00Z. */
export function startOfChinaDay(day: string | Date): Date {
  const date = typeof day === 'string' ? day : chinaDayOf(day);
  return new Date(Date.parse(`${date}T00:00:00Z`) - CHINA_OFFSET_MS);
}

/** The first moment of the day after. */
export function startOfNextChinaDay(day: string | Date): Date {
  return new Date(startOfChinaDay(day).getTime() + DAY_MS);
}

/**
 * A change time (`updatedAt`, a ledger entry's `recordedAt`) as the caller may read it: exact for
 * roles that read personal data, otherwise the start of its day in China's time. Every field that
 * dates a registry event reads through here, as free text reads through `freeTextValue`.
 */
export function changeTimeValue(ctx: TuopinContext, value: Date | string): Date {
  const moment = value instanceof Date ? value : new Date(value);
  return readsExactChangeTimes(ctx) ? moment : startOfChinaDay(moment);
}

/** `updatedAt`'s description, with the note that masked roles read it to the day (Chinese first). */
export function changeTimeDescription(zh: string, en: string): string {
  return `${zh}（合作机构等看不到个人信息的角色只精确到日：北京时间当日零时） ${en}; partners and other roles that see personal data masked read it to the day: 00:00 of that day in China's time (UTC+8)`;
}

/** `updatedAfter`'s description, with the note on how masked roles' pulls work (Chinese first). */
export function updatedAfterDescription(zh: string, en: string): string {
  return (
    `${zh}（合作机构等看不到个人信息的角色按日：返回该日（北京时间）零时起有变化的，按（日期, ID）排序，请按 ID 去重） ${en}. ` +
    'Partners and other roles that see personal data masked pull by the day: they get what changed from 00:00 of that day in China\'s time (UTC+8), ordered by (day, id); deduplicate by id'
  );
}
