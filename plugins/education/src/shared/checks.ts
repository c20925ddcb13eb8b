import { compareMoney, type IssueCollector } from '@tuopin/core';

/** Field checks the services share; each adds a bilingual issue naming the field. */

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

export function checkCount(issues: IssueCollector, field: string, value: number | null | undefined, max = 1_000_000): void {
  if (value === null || value === undefined) return;
  if (!Number.isInteger(value) || value < 0 || value > max) issues.add(field, `须为0到${max}之间的整数`, `Must be a whole number from 0 to ${max}`);
}

/** 1亿 yuan: far above anything one student, course or school involves. */
const AMOUNT_LIMIT = '100000000.00';

export function checkPositiveAmount(issues: IssueCollector, field: string, amount: string): void {
  if (compareMoney(amount, '0') <= 0) issues.add(field, '金额须大于零', 'The amount must be greater than zero');
  else if (compareMoney(amount, AMOUNT_LIMIT) > 0) issues.add(field, '金额超过1亿元，请核实', 'The amount exceeds 100,000,000 yuan; check it');
}

export function checkYear(issues: IssueCollector, field: string, year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) issues.add(field, '年度须在2000至2100之间', 'The year must be from 2000 to 2100');
}

export function checkNotFuture(issues: IssueCollector, field: string, date: string, today: string): void {
  if (date > today) issues.add(field, '日期不能晚于今天', 'The date cannot be in the future');
}
