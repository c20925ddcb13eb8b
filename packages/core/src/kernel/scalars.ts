import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { fitsOneAmount, formatMoney, normalizeMoney, parseMoney } from './money.js';

/**
 * Scalars shared by every module. Errors name the scalar and the reason in Chinese and English,
 * because they reach clients before any resolver runs.
 */

function literalString(ast: ValueNode, scalar: string): string {
  if (ast.kind !== Kind.STRING) {
    throw new GraphQLError(`${scalar} 必须是字符串 / ${scalar} must be given as a string`);
  }
  return ast.value;
}

/**
 * An amount a client sends is one amount, stored in numeric(14,2): at most 999,999,999,999.99
 * yuan. Amounts the API returns are often sums, which have no upper bound (`serialize`).
 */
function parseMoneyValue(value: unknown): string {
  const fen = typeof value === 'string' ? parseMoney(value) : null;
  if (fen === null) {
    throw new GraphQLError(
      `金额格式无效，应为最多两位小数的元金额字符串，如 "1234.50" / Money must be a yuan amount string with at most two decimals, e.g. "1234.50"`,
      { extensions: { code: 'BAD_USER_INPUT', scalar: 'Money' } },
    );
  }
  if (!fitsOneAmount(fen)) {
    throw new GraphQLError(
      '单笔金额不能超过 999999999999.99 元 / One amount is at most 999999999999.99 yuan (sums returned by the API have no such limit)',
      { extensions: { code: 'BAD_USER_INPUT', scalar: 'Money' } },
    );
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

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [y, m, d] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function parseDateValue(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw new GraphQLError('日期格式无效，应为 YYYY-MM-DD / Date must be a calendar date written YYYY-MM-DD', {
      extensions: { code: 'BAD_USER_INPUT', scalar: 'Date' },
    });
  }
  return value;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: '日期 Date: a calendar date, YYYY-MM-DD',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: parseDateValue,
  parseLiteral: (ast) => parseDateValue(literalString(ast, 'Date')),
});

function parseDateTimeValue(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(value as string)) {
    throw new GraphQLError('时间格式无效，应为 ISO 8601 / DateTime must be an ISO 8601 timestamp', {
      extensions: { code: 'BAD_USER_INPUT', scalar: 'DateTime' },
    });
  }
  return date;
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: '时间 DateTime: an ISO 8601 timestamp in UTC',
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString(),
  parseValue: parseDateTimeValue,
  parseLiteral: (ast) => parseDateTimeValue(literalString(ast, 'DateTime')),
});

function parseJsonObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GraphQLError('须为 JSON 对象 / JSONObject must be a JSON object', { extensions: { code: 'BAD_USER_INPUT', scalar: 'JSONObject' } });
  }
  return value as Record<string, unknown>;
}

export const JSONObjectScalar = new GraphQLScalarType<Record<string, unknown>, Record<string, unknown>>({
  name: 'JSONObject',
  description: 'JSON 对象 A JSON object, as recorded (audit snapshots of changed fields)',
  serialize: (value) => parseJsonObject(value),
  parseValue: parseJsonObject,
  parseLiteral: () => {
    throw new GraphQLError('JSONObject 只能通过变量传入 / JSONObject is accepted through variables only');
  },
});
