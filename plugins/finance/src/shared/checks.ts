import { compareMoney, type IssueCollector } from '@tuopin/core';

/**
 * Field checks the finance services share. Each adds a bilingual issue naming the field, so a
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

/** 1亿 yuan: far above anything one household, pool or claim involves. */
const AMOUNT_LIMIT = '100000000.00';

export function checkPositiveAmount(issues: IssueCollector, field: string, amount: string): void {
  if (compareMoney(amount, '0') <= 0) issues.add(field, '金额须大于零', 'The amount must be greater than zero');
  else if (compareMoney(amount, AMOUNT_LIMIT) > 0) issues.add(field, '金额超过1亿元，请核实', 'The amount exceeds 100,000,000 yuan; check it');
}

export function checkNotFuture(issues: IssueCollector, field: string, date: string, today: string): void {
  if (date > today) issues.add(field, '日期不能晚于今天', 'The date cannot be in the future');
}
