import { isDivisionCode, levelOfCode } from '../area/division-code.js';
import type { IssueCollector } from '../kernel/errors.js';
import { compareMoney } from '../kernel/money.js';
import type { ConstructionType, ProjectCategory } from './project-enums.js';

/** A project's own fields as a complete state: what create sends, or update's merged result. */
export interface ProjectFields {
  name: string;
  category: ProjectCategory;
  constructionType: ConstructionType;
  placeCode: string;
  responsibleUnit: string;
  budget: string;
  year: number;
  plannedStartDate: string | null;
  plannedEndDate: string | null;
  actualStartDate: string | null;
  actualEndDate: string | null;
  performanceTargets: string | null;
  povertyLink: string | null;
  note: string | null;
}

/** 100亿 yuan: far above any one relief project, and keeps sums well inside numeric(14,2). */
export const AMOUNT_LIMIT = '10000000000.00';
const LONG_TEXT = 2000;

/** Checks a text field's length once trimmed; `required` refuses an empty one. */
export function checkText(issues: IssueCollector, field: string, value: string | null, max: number, required: boolean): void {
  if (value === null || value.length === 0) {
    if (required) issues.add(field, '不能为空', 'This field cannot be empty');
    return;
  }
  if (value.length > max) issues.add(field, `不能超过${max}个字符`, `At most ${max} characters`);
}

/** Checks an amount: positive (or zero where allowed) and under the limit. */
export function checkAmount(issues: IssueCollector, field: string, amount: string, allowZero: boolean): void {
  const sign = compareMoney(amount, '0');
  if (sign < 0 || (sign === 0 && !allowZero)) {
    issues.add(field, allowZero ? '金额不能为负数' : '金额须大于零', allowZero ? 'The amount cannot be negative' : 'The amount must be greater than zero');
  } else if (compareMoney(amount, AMOUNT_LIMIT) > 0) {
    issues.add(field, '金额超过100亿元，请核实', 'The amount exceeds 10,000,000,000 yuan; check it');
  }
}

/** Checks a year against a plausible range ending a few years ahead (plans look forward). */
export function checkYear(issues: IssueCollector, field: string, year: number, today: string, yearsAhead: number): void {
  const last = Number(today.slice(0, 4)) + yearsAhead;
  if (!Number.isInteger(year) || year < 2000 || year > last) {
    issues.add(field, `年度须在2000至${last}之间`, `The year must be between 2000 and ${last}`);
  }
}

/** Checks every field of a project and how they fit together; adds each problem to `issues`. */
export function checkProjectFields(issues: IssueCollector, fields: ProjectFields, today: string): void {
  checkText(issues, 'name', fields.name, 128, true);
  checkText(issues, 'responsibleUnit', fields.responsibleUnit, 128, true);
  for (const key of ['performanceTargets', 'povertyLink', 'note'] as const) checkText(issues, key, fields[key], LONG_TEXT, false);
  if (!isDivisionCode(fields.placeCode) || !['COUNTY', 'TOWNSHIP', 'VILLAGE'].includes(levelOfCode(fields.placeCode))) {
    issues.add('placeCode', '实施地点须为县、乡镇或行政村的12位区划代码', 'placeCode must be the 12-digit code of a county, township or village');
  }
  checkAmount(issues, 'budget', fields.budget, true);
  checkYear(issues, 'year', fields.year, today, 5);
  if (fields.plannedStartDate && fields.plannedEndDate && fields.plannedEndDate < fields.plannedStartDate) {
    issues.add('plannedEndDate', '计划完工日期不能早于计划开工日期', 'The planned end cannot be before the planned start');
  }
  if (fields.actualStartDate && fields.actualEndDate && fields.actualEndDate < fields.actualStartDate) {
    issues.add('actualEndDate', '实际完工日期不能早于实际开工日期', 'The actual end cannot be before the actual start');
  }
  for (const key of ['actualStartDate', 'actualEndDate'] as const) {
    if (fields[key] && fields[key]! > today) issues.add(key, '实际日期不能晚于今天', 'An actual date cannot be in the future');
  }
}

/** Trims optional text; an empty string means "none". */
export function optionalText(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
