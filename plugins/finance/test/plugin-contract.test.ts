import { buildPlatform, corePlugin } from '@tuopin/core';
import { financePlugin } from '@tuopin/plugin-finance';
import { createTestServer, documentOf } from '@tuopin/testing';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';

/**
 * The plugin contract, proved for the first real plugin: with finance enabled its tables,
 * types, fields on core types, queries and mutations are all there; without it (core alone,
 * `TUOPIN_PLUGINS=`) not one of them is, and no finance_… table is created.
 */

const FINANCE_TYPES = ['Lender', 'CreditRating', 'CreditLine', 'Loan', 'LoanInstallment', 'Repayment', 'InterestSubsidyPayment', 'RiskPool', 'RiskClaim', 'FinanceStats'];
const FINANCE_MUTATIONS = [
  'createLender',
  'rateHousehold',
  'grantCreditLine',
  'disburseLoan',
  'recordRepayment',
  'payInterestSubsidy',
  'setRiskPool',
  'fundRiskPool',
  'fileRiskClaim',
  'writeOffLoan',
];
const FINANCE_TABLES = [
  'finance_credit_line',
  'finance_credit_rating',
  'finance_lender',
  'finance_loan',
  'finance_loan_installment',
  'finance_loan_write_off',
  'finance_repayment',
  'finance_risk_claim',
  'finance_risk_pool',
  'finance_risk_pool_contribution',
  'finance_subsidy_payment',
];

function fieldsOf(schema: GraphQLSchema, typeName: string): string[] {
  const type = schema.getType(typeName);
  return type && isObjectType(type) ? Object.keys(type.getFields()) : [];
}

describe('the finance plugin, enabled or not', () => {
  it('adds its types, its fields on core types, its queries and mutations only when enabled', () => {
    const core = buildPlatform({ plugins: [corePlugin] }).schema;
    const full = buildPlatform({ plugins: [corePlugin, financePlugin] }).schema;
    for (const name of FINANCE_TYPES) {
      expect(core.getType(name), name).toBeUndefined();
      expect(full.getType(name), name).toBeDefined();
    }
    expect(fieldsOf(core, 'Household')).not.toEqual(expect.arrayContaining(['creditRating']));
    for (const field of ['creditRating', 'creditRatings', 'creditLines', 'activeCreditLine', 'loans']) {
      expect(fieldsOf(core, 'Household')).not.toContain(field);
      expect(fieldsOf(full, 'Household')).toContain(field);
    }
    expect(fieldsOf(core, 'RegionStats')).not.toContain('finance');
    expect(fieldsOf(full, 'RegionStats')).toContain('finance');
    for (const field of ['loans', 'lenders', 'riskPool']) {
      expect(fieldsOf(core, 'Query')).not.toContain(field);
      expect(fieldsOf(full, 'Query')).toContain(field);
    }
    for (const mutation of FINANCE_MUTATIONS) {
      expect(fieldsOf(core, 'Mutation')).not.toContain(mutation);
      expect(fieldsOf(full, 'Mutation')).toContain(mutation);
    }
  });

  it('lists its migrations after core\'s, in its own namespace', () => {
    const { migrationsList, entities } = buildPlatform({ plugins: [corePlugin, financePlugin] });
    const names = migrationsList.map((m) => m.name);
    const finance = ['finance_20261201000000_lending', 'finance_20261203000000_audit', 'finance_20261208200000_repayment_voucher_once', 'finance_20261210000000_statistics_indexes'];
    expect(names.slice(-finance.length)).toEqual(finance);
    expect(names.filter((name) => name.startsWith('finance_'))).toHaveLength(finance.length);
    expect(entities.length).toBe(buildPlatform({ plugins: [corePlugin] }).entities.length + FINANCE_TABLES.length);
  });

  it('creates no finance table and answers no finance field in core alone', async () => {
    const server = await createTestServer({ plugins: [] });
    try {
      const tables = await server.sql<{ tablename: string }>("select tablename from pg_tables where tablename like 'finance\\_%'");
      expect(tables).toEqual([]);
      const result = await server.execute(documentOf('{ loans(first: 1) { totalCount } }'));
      expect(result.errors?.[0].message).toMatch(/Cannot query field "loans"/);
    } finally {
      await server.close();
    }
  });

  it('creates every finance table when enabled', async () => {
    const server = await createTestServer();
    try {
      const tables = await server.sql<{ tablename: string }>("select tablename from pg_tables where tablename like 'finance\\_%' order by 1");
      expect(tables.map((t) => t.tablename)).toEqual(FINANCE_TABLES);
      const result = await server.execute(documentOf('{ loans(first: 1) { totalCount } lenders(first: 1) { totalCount } }'));
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ loans: { totalCount: 0 }, lenders: { totalCount: 0 } });
    } finally {
      await server.close();
    }
  });
});
