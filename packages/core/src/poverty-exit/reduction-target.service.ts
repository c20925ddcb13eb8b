import { areaLoader } from '../area/area.loaders.js';
import { notFound } from '../kernel/access.js';
import type { TuopinContext } from '../kernel/context.js';
import { IssueCollector, RuleViolationError } from '../kernel/errors.js';
import { todayOf } from '../kernel/settings.js';
import { inTransaction } from '../kernel/transaction.js';
import { assertCanAct } from '../workflow/workflow-actors.js';

export interface SignReductionTargetInput {
  countyCode: string;
  townshipCode: string;
  year: number;
  targetPeople: number;
  signedOn?: string | null;
}

const ONCE = {
  reduction_target_once: () => new RuleViolationError('townshipCode', '该乡镇当年已签订减贫责任书', 'This township has already signed a reduction target for that year'),
};

/**
 * 减贫责任书: a county signs with one of its townships how many people it is to bring out of poverty
 * in a year. Signed by the county (its officers take county steps). Refused, naming the field: an
 * area that is not a township of that county, a target that is not 1–1,000,000 people, a second
 * target for the township and year (the unique constraint answers two signed at once the same).
 */
export async function signReductionTarget(ctx: TuopinContext, input: SignReductionTargetInput): Promise<number> {
  const county = await areaLoader(ctx).load(input.countyCode);
  if (!county || county.level !== 'COUNTY') throw notFound('countyCode', '县', 'County');
  assertCanAct(ctx, 'COUNTY', county.code, 'countyCode', '签订减贫责任书 Sign a reduction target');
  const signedOn = input.signedOn ?? todayOf(ctx.settings);
  const issues = new IssueCollector();
  if (signedOn > todayOf(ctx.settings)) issues.add('signedOn', '签订日期不能晚于今天', 'The target cannot be signed in the future');
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) issues.add('year', '年度无效', 'Not a valid year');
  if (!Number.isInteger(input.targetPeople) || input.targetPeople < 1 || input.targetPeople > 1_000_000) {
    issues.add('targetPeople', '减贫人数须为1–1000000', 'The target is 1–1,000,000 people');
  }
  issues.throwIfAny();
  const township = await areaLoader(ctx).load(input.townshipCode);
  if (!township || township.level !== 'TOWNSHIP' || township.parentCode !== county.code) {
    throw new RuleViolationError('townshipCode', `该地区不是${county.name}的乡镇`, `This area is not a township of ${county.code}`);
  }
  const [existing] = await ctx.em.execute<{ n: number }[]>(`select count(*)::int as n from reduction_target where area_code = ? and year = ?`, [township.code, input.year]);
  if (existing.n > 0) throw ONCE.reduction_target_once();

  return inTransaction(ctx, ONCE, async (em) => {
    const [row] = await em.execute<{ id: number }[]>(
      `insert into reduction_target (county_code, area_code, year, target_people, signed_on, recorded_by) values (?, ?, ?, ?, ?, ?) returning id`,
      [county.code, township.code, input.year, input.targetPeople, signedOn, ctx.principal.id],
    );
    return row.id;
  });
}
