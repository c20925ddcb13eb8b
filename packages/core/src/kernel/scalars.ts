import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { fitsOneAmount, formatMoney, normalizeMoney, parseMoney } from './money.js';

/**
 * Scalars shared by every module. Errors name the scalar and the reason in Chinese and English,
 * because they reach clients before any resolver runs; the server adds the field they were given
 * in (`packages/server/src/http/name-bad-scalars.ts`), which a scalar cannot know.
 */

/** A refused scalar value: `BAD_USER_INPUT` with the scalar's name and the reason in both languages. */
function scalarError(scalar: string, zh: string, en: string): GraphQLError {
  return new GraphQLError(`${zh} / ${en}`, { extensions: { code: 'BAD_USER_INPUT', scalar, messageZh: zh, messageEn: en } });
}

function literalString(ast: ValueNode, scalar: string): string {
  if (ast.kind !== Kind.STRING) throw scalarError(scalar, `${scalar} 必须是字符串`, `${scalar} must be given as a string`);
  return ast.value;
}

/**
 * An amount a client sends is one amount, stored in numeric(14,2): at most 999,999,999,999.99
 * yuan. Amounts the API returns are often sums, which have no upper bound (`serialize`).
 */
function parseMoneyValue(value: unknown): string {
  const fen = typeof value === 'string' ? parseMoney(value) : null;
  if (fen === null) {
    throw scalarError('Money', '金额格式无效，应为最多两位小数的元金额字符串，如 "1234.50"', 'Money must be a yuan amount string with at most two decimals, e.g. "1234.50"');
  }
  if (!fitsOneAmount(fen)) {
    throw scalarError('Money', '单笔金额不能超过 999999999999.99 元', 'One amount is at most 999999999999.99 yuan (sums returned by the API have no such limit)');
  }
  return formatMoney(fen);
}

export const MoneyScalar = new GraphQLScalarType<string, string>({
  name: 'Money',
  description:
    '金额（元，两位小数的十进制字符串；单笔不超过 999999999999.99 元，合计不设上限） Money: an exact decimal string in yuan with two decimals, e.g. "342000.00"; one amount is at most 999999999999.99 yuan, sums have no upper bound',
  // Results are often sums (a province's budgets), so any number of digits is serialised.
  serialize: (value) => normalizeMoney(String(value)),
  parseValue: parseMoneyValue,
  parseLiteral: (ast) => parseMoneyValue(literalString(ast, 'Money')),
});

/**
 * The years any date or time of tuopin may fall in. Business dates (notices, ledger entries,
 * loans) start with the registry, decades after 1949, but birth dates of the elderly go back to
 * the 1900s; 2100 bounds plans and due dates. A year outside (0100, 9999) is a typing mistake,
 * refused before any resolver or database sees it.
 */
export const DATE_RANGE = { first: '1900-01-01', last: '2100-12-31' } as const;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** True for a real calendar date written YYYY-MM-DD (any year). */
export function isCalendarDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [y, m, d] = match.slice(1).map(Number);
  return isRealDay(y, m, d);
}

const inDateRange = (day: string) => day >= DATE_RANGE.first && day <= DATE_RANGE.last;

function parseDateValue(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw scalarError('Date', '日期格式无效，应为 YYYY-MM-DD', 'Date must be a calendar date written YYYY-MM-DD');
  }
  if (!inDateRange(value)) {
    throw scalarError('Date', `日期须在${DATE_RANGE.first}至${DATE_RANGE.last}之间`, `A date must lie between ${DATE_RANGE.first} and ${DATE_RANGE.last}`);
  }
  return value;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: `日期 Date: a calendar date, YYYY-MM-DD, between ${DATE_RANGE.first} and ${DATE_RANGE.last}`,
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: parseDateValue,
  parseLiteral: (ast) => parseDateValue(literalString(ast, 'Date')),
});

/** RFC 3339: a date, a time with optional seconds and fraction, and a zone (Z or ±hh:mm) — always. */
const DATE_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/i;

/**
 * A timestamp, strictly: `new Date()` alone would roll 2026-02-30 over into March and read a time
 * without a zone in the server's own zone, so the same text would mean different instants.
 */
function parseDateTimeValue(value: unknown): Date {
  const match = typeof value === 'string' ? DATE_TIME_PATTERN.exec(value) : null;
  const [y, mo, d, h, mi, sec = 0, zh = 0, zm = 0] = (match?.slice(1) ?? []).map((part) => (part === undefined ? undefined : Number(part))) as number[];
  const valid = match !== null && isRealDay(y, mo, d) && h <= 23 && mi <= 59 && sec <= 59 && zh <= 14 && zm <= 59;
  const date = valid ? new Date(value as string) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw scalarError(
      'DateTime',
      '时间格式无效，应为带时区的 ISO 8601 时间，如 2026-03-01T08:00:00+08:00',
      'DateTime must be an ISO 8601 timestamp with its zone, e.g. 2026-03-01T08:00:00+08:00 or …Z',
    );
  }
  if (!inDateRange(date.toISOString().slice(0, 10))) {
    throw scalarError('DateTime', `时间须在${DATE_RANGE.first}至${DATE_RANGE.last}之间`, `A timestamp must lie between ${DATE_RANGE.first} and ${DATE_RANGE.last}`);
  }
  return date;
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: '时间 DateTime: an ISO 8601 timestamp with its zone (Z or ±hh:mm); returned in UTC',
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString(),
  parseValue: parseDateTimeValue,
  parseLiteral: (ast) => parseDateTimeValue(literalString(ast, 'DateTime')),
});

function parseJsonObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw scalarError('JSONObject', '须为 JSON 对象', 'JSONObject must be a JSON object');
  }
  return value as Record<string, unknown>;
}

export const JSONObjectScalar = new GraphQLScalarType<Record<string, unknown>, Record<string, unknown>>({
  name: 'JSONObject',
  description: 'JSON 对象 A JSON object, as recorded (audit snapshots of changed fields)',
  serialize: (value) => parseJsonObject(value),
  parseValue: parseJsonObject,
  parseLiteral: () => {
    throw scalarError('JSONObject', 'JSONObject 只能通过变量传入', 'JSONObject is accepted through variables only');
  },
});
