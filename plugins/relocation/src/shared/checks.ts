import { IssueCollector, parseMoney } from '@tuopin/core';

/** A positive decimal with at most two places (an area in m² or 亩, an amount), as hundredths; null when it is not one. */
export function hundredthsOf(value: string | null | undefined): bigint | null {
  if (value == null) return null;
  const parsed = parseMoney(value);
  return parsed !== null && parsed > 0n ? parsed : null;
}

/** Checks a required positive decimal; records the issue on `field`. */
export function checkPositiveDecimal(issues: IssueCollector, field: string, value: string | null | undefined, zh: string, en: string, max = 999_999n): void {
  const hundredths = hundredthsOf(value);
  if (hundredths === null || hundredths > max * 100n) {
    issues.add(field, `${zh}须为大于0、最多两位小数的数（不超过${max}）`, `${en} must be a positive number with at most two decimals, at most ${max}`);
  }
}

/** Checks a required text of 1 to `max` characters. */
export function checkText(issues: IssueCollector, field: string, value: string | null | undefined, max: number, zh: string, en: string): void {
  const text = value?.trim() ?? '';
  if (text.length === 0 || text.length > max) issues.add(field, `${zh}不能为空，且不超过${max}个字`, `${en} must be 1 to ${max} characters`);
}

/** Checks a date is not after today. */
export function checkNotFuture(issues: IssueCollector, field: string, date: string | null | undefined, today: string): void {
  if (date && date > today) issues.add(field, `日期（${date}）不能晚于今天（${today}）`, `The date (${date}) cannot be after today (${today})`);
}

/** Checks a whole number in a range. */
export function checkCount(issues: IssueCollector, field: string, value: number, min: number, max: number, zh: string, en: string): void {
  if (!Number.isInteger(value) || value < min || value > max) issues.add(field, `${zh}须为${min}到${max}的整数`, `${en} must be a whole number from ${min} to ${max}`);
}

/** Checks a plan year. */
export function checkYear(issues: IssueCollector, field: string, value: number): void {
  checkCount(issues, field, value, 2000, 2100, '年度', 'The year');
}
