import { compareMoney, type IssueCollector } from '@tuopin/core';

/**
 * Field checks the pairing services share. Each adds a bilingual issue naming the field, so a
 * client learns every problem with a form in one round trip (core's IssueCollector).
 */

/** Trims optional text; an empty string means "none". */
export function optionalText(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

export function checkText(issues: IssueCollector, field: string, value: string | null, max: number, required: boolean): void {
  if (value === null || value.length === 0) {
    if (required) issues.add(field, '不能为空', 'This field cannot be empty');
  } else if (value.length > max) {
    issues.add(field, `不能超过${max}个字符`, `At most ${max} characters`);
  }
}

/** 100亿 yuan, as core's ledger checks one amount. */
const AMOUNT_LIMIT = '10000000000.00';

export function checkAmount(issues: IssueCollector, field: string, amount: string, allowZero: boolean): void {
  const sign = compareMoney(amount, '0');
  if (sign < 0 || (sign === 0 && !allowZero)) {
    issues.add(field, allowZero ? '金额不能为负数' : '金额须大于零', allowZero ? 'The amount cannot be negative' : 'The amount must be greater than zero');
  } else if (compareMoney(amount, AMOUNT_LIMIT) > 0) {
    issues.add(field, '金额超过100亿元，请核实', 'The amount exceeds 10,000,000,000 yuan; check it');
  }
}

/** A year from 1990 (the earliest pairings) to a few years after today. */
export function checkYear(issues: IssueCollector, field: string, year: number, today: string, yearsAhead = 5): void {
  const last = Number(today.slice(0, 4)) + yearsAhead;
  if (!Number.isInteger(year) || year < 1990 || year > last) issues.add(field, `年度须在1990至${last}之间`, `The year must be between 1990 and ${last}`);
}

export function checkCount(issues: IssueCollector, field: string, value: number | null | undefined): void {
  if (value != null && (!Number.isInteger(value) || value < 0 || value > 1_000_000)) issues.add(field, '须为0至1000000的整数', 'Must be a whole number from 0 to 1,000,000');
}

export function checkNotFuture(issues: IssueCollector, field: string, date: string | null, today: string): void {
  if (date !== null && date > today) issues.add(field, '日期不能晚于今天', 'The date cannot be in the future');
}

/** A date within the pairing's years (its end year open while it runs). */
export function checkWithinYears(issues: IssueCollector, field: string, date: string | null, pairing: { startYear: number; endYear?: number | null }): void {
  if (date === null) return;
  const year = Number(date.slice(0, 4));
  if (year < pairing.startYear || (pairing.endYear != null && year > pairing.endYear)) {
    const years = `${pairing.startYear}–${pairing.endYear ?? ''}`;
    issues.add(field, `日期须在结对年度（${years}）之内`, `The date must fall within the pairing's years (${years})`);
  }
}
