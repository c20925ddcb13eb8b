import { householdLoader } from '../household/household.loaders.js';
import { notFound } from '../kernel/access.js';
import { assertCanWriteVillage } from '../access/registry-access.js';
import type { TuopinContext } from '../kernel/context.js';
import { IssueCollector } from '../kernel/errors.js';
import { compareMoney } from '../kernel/money.js';
import { inTransaction } from '../kernel/transaction.js';

export interface RecordIncomeInput {
  householdId: number;
  year: number;
  wages: string;
  business: string;
  transfers: string;
  property: string;
  productionCosts: string;
  /** People the income supports; defaults to the household's current member count. */
  householdSize?: number | null;
}

const COMPONENTS = ['wages', 'business', 'transfers', 'property', 'productionCosts'] as const;
/** 1亿 yuan: far above any rural household's income, and keeps sums inside numeric(14,2). */
const COMPONENT_LIMIT = '100000000.00';

/**
 * Records a household's income for a year. Recording the same year again replaces the figures:
 * income surveys are corrected, not duplicated. Net and per-capita income are computed by the
 * database from the components.
 */
export async function recordHouseholdIncome(ctx: TuopinContext, input: RecordIncomeInput): Promise<number> {
  const household = await householdLoader(ctx).load(input.householdId);
  if (!household) throw notFound('householdId', '户', 'Household');
  assertCanWriteVillage(ctx, household.villageCode, 'householdId');

  const issues = new IssueCollector();
  const currentYear = new Date().getUTCFullYear();
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > currentYear) {
    issues.add('year', `年度须在2000至${currentYear}之间`, `The year must be between 2000 and ${currentYear}`);
  }
  for (const component of COMPONENTS) {
    if (compareMoney(input[component], '0') < 0) {
      issues.add(component, '收入和费用不能为负数', 'Income and cost components cannot be negative');
    } else if (compareMoney(input[component], COMPONENT_LIMIT) > 0) {
      issues.add(component, '金额超过1亿元，请核实', 'The amount exceeds 100,000,000 yuan; check it');
    }
  }
  const householdSize = input.householdSize ?? household.memberCount;
  if (!Number.isInteger(householdSize) || householdSize < 1 || householdSize > 30) {
    issues.add('householdSize', '家庭人口须在1至30之间', 'The household size must be between 1 and 30');
  }
  issues.throwIfAny();

  return inTransaction(ctx, {}, async (em) => {
    const [row] = await em.execute<{ id: number }[]>(
      `insert into household_income (household_id, year, wages, business, transfers, property, production_costs, household_size)
       values (?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (household_id, year) do update set
         wages = excluded.wages, business = excluded.business, transfers = excluded.transfers,
         property = excluded.property, production_costs = excluded.production_costs,
         household_size = excluded.household_size, recorded_at = now()
       returning id`,
      [household.id, input.year, ...COMPONENTS.map((c) => input[c]), householdSize],
    );
    return row.id;
  });
}
