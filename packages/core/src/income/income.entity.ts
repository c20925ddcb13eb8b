import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * 家庭年收入: one household's income for one year. The client sends the components; PostgreSQL
 * computes net and per-capita net income as generated columns, so they can never disagree.
 */
export const HouseholdIncomeSchema = defineEntity({
  name: 'HouseholdIncome',
  tableName: 'household_income',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    householdId: p.integer(),
    year: p.smallint(),
    wages: p.decimal('string').precision(14).scale(2),
    business: p.decimal('string').precision(14).scale(2),
    transfers: p.decimal('string').precision(14).scale(2),
    property: p.decimal('string').precision(14).scale(2),
    productionCosts: p.decimal('string').precision(14).scale(2),
    householdSize: p.smallint(),
    netIncome: p.decimal('string').precision(14).scale(2).generated('(wages + business + transfers + property - production_costs) stored'),
    perCapitaNetIncome: p
      .decimal('string')
      .precision(14)
      .scale(2)
      .generated('(round((wages + business + transfers + property - production_costs) / household_size, 2)) stored'),
    recordedAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()).onUpdate(() => new Date()),
  }),
});
export type HouseholdIncome = InferEntity<typeof HouseholdIncomeSchema>;
