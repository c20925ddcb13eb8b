import {
  assertCanManageFundAt,
  compareMoney,
  inTransaction,
  IssueCollector,
  isDivisionCode,
  levelOfCode,
  notFound,
  requireArea,
  RuleViolationError,
  todayOf,
  type TuopinContext,
} from '@tuopin/core';
import { areaOutstanding } from '../loan/outstanding.sql.js';
import { checkNotFuture, checkPositiveAmount, checkText, optionalText } from '../shared/checks.js';
import { hundredthsOf, formatHundredths } from '../shared/hundredths.js';
import { lendingCapacity, lockPool } from './risk-pool.sql.js';

function checkCounty(issues: IssueCollector, countyCode: string): void {
  if (!isDivisionCode(countyCode) || levelOfCode(countyCode) !== 'COUNTY') {
    issues.add('countyCode', '须为县级12位区划代码', 'countyCode must be the 12-digit code of a county');
  }
}

/**
 * 设立或调整风险补偿金: creates a county's pool or changes its leverage multiple (放大倍数). A
 * smaller multiple may not leave the county's outstanding lending above the new cap.
 */
export async function setRiskPool(ctx: TuopinContext, input: { countyCode: string; leverageMultiple: number }): Promise<number> {
  const countyCode = input.countyCode.trim();
  const hundredths = hundredthsOf(input.leverageMultiple);
  const issues = new IssueCollector();
  checkCounty(issues, countyCode);
  if (hundredths === null || hundredths < 100 || hundredths > 5000) {
    issues.add('leverageMultiple', '放大倍数须为1到50之间、最多两位小数的数', 'The leverage multiple is 1 to 50, with at most two decimals');
  }
  issues.throwIfAny();
  const multiple = formatHundredths(hundredths!);
  assertCanManageFundAt(ctx, countyCode, 'countyCode');
  await requireArea(ctx.em, countyCode, 'countyCode', ['COUNTY']);

  return inTransaction(ctx, {}, async (em) => {
    // Create it if missing, then lock it, so concurrent first calls do not collide.
    await em.execute(
      `insert into finance_risk_pool (county_code, leverage_multiple, created_by) values (?, ?, ?) on conflict (county_code) do nothing`,
      [countyCode, multiple, ctx.principal.id],
    );
    const pool = (await lockPool(em, countyCode))!;
    const capacity = lendingCapacity(pool.balance, multiple);
    const outstanding = await areaOutstanding(em, countyCode);
    if (compareMoney(outstanding, capacity) > 0 && compareMoney(multiple, pool.leverageMultiple) < 0) {
      throw new RuleViolationError(
        'leverageMultiple',
        `全县贷款余额${outstanding}元，将超过新的上限${capacity}元`,
        `The county has ${outstanding} yuan outstanding, more than the new cap of ${capacity} yuan`,
      );
    }
    await em.execute('update finance_risk_pool set leverage_multiple = ?, updated_at = now() where id = ?', [multiple, pool.id]);
    return pool.id;
  });
}

/** 注入风险补偿金: money put into a county's pool. Returns the pool's id. */
export async function fundRiskPool(
  ctx: TuopinContext,
  input: { countyCode: string; amount: string; fundedOn?: string | null; documentNo?: string | null },
): Promise<number> {
  const countyCode = input.countyCode.trim();
  const fundedOn = input.fundedOn ?? todayOf(ctx.settings);
  const documentNo = optionalText(input.documentNo);
  const issues = new IssueCollector();
  checkCounty(issues, countyCode);
  checkPositiveAmount(issues, 'amount', input.amount);
  checkNotFuture(issues, 'fundedOn', fundedOn, todayOf(ctx.settings));
  checkText(issues, 'documentNo', documentNo, 64, false);
  issues.throwIfAny();
  assertCanManageFundAt(ctx, countyCode, 'countyCode');

  return inTransaction(ctx, {}, async (em) => {
    const pool = await lockPool(em, countyCode);
    if (!pool) throw notFound('countyCode', '该县风险补偿金', 'The county\'s risk pool');
    await em.execute(
      `insert into finance_risk_pool_contribution (pool_id, county_code, amount, funded_on, document_no, recorded_by) values (?, ?, ?, ?, ?, ?)`,
      [pool.id, countyCode, input.amount, fundedOn, documentNo, ctx.principal.id],
    );
    return pool.id;
  });
}
