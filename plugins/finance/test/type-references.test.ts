import { buildPlatform, corePlugin, definePlugin, type TuopinBuilder } from '@tuopin/core';
import { financePlugin, type Loan } from '@tuopin/plugin-finance';
import { GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';

/**
 * The builder's type map is open: each plugin declares its object types by name, so a plugin
 * that depends on another extends that plugin's types typed. This file is type-checked with the
 * rest (`pnpm typecheck`); the `@ts-expect-error` lines fail the check if a misspelt type name or
 * a wrong parent type ever compiles.
 */
const loanNotesPlugin = definePlugin({
  name: 'loannotes',
  title: '贷款备注 Loan notes (test fixture)',
  dependsOn: ['finance'],
  entities: [],
  migrations: [],
  registerSchema(builder) {
    builder.objectField('Loan', 'purposeShout', (t) =>
      t.string({
        description: '用途（大写） The purpose, upper-cased',
        // `loan` is finance's row type, declared by finance under the name 'Loan'.
        resolve: (loan) => loan.purpose.toUpperCase(),
      }),
    );
    // Core's types are declared by core the same way.
    builder.objectField('Household', 'householdNoLength', (t) =>
      t.int({ description: '户编号长度 Length of the household number', resolve: (household) => household.householdNo.length }),
    );
  },
});

/** Never called: it only has to compile, or fail to where it says so. */
export function typeErrorsThatMustStay(builder: TuopinBuilder): void {
  // @ts-expect-error: no plugin declares a type 'Lone'
  builder.objectField('Lone', 'x', (t) => t.string({ resolve: () => '' }));
  builder.objectField('Loan', 'y', (t) =>
    t.string({
      // @ts-expect-error: a Loan row has no householdNo, so the parent is typed, not any
      resolve: (loan) => loan.householdNo,
    }),
  );
  const loan = null as unknown as Loan;
  // Finance exports its row types from its public entry.
  loan.principal satisfies string;
}

describe('cross-plugin types', () => {
  it('a plugin extends another plugin\u2019s type by name, in the built schema', () => {
    const { schema } = buildPlatform({ plugins: [corePlugin, financePlugin, loanNotesPlugin] });
    const loan = schema.getType('Loan') as GraphQLObjectType;
    expect(Object.keys(loan.getFields())).toContain('purposeShout');
    expect(Object.keys((schema.getType('Household') as GraphQLObjectType).getFields())).toContain('householdNoLength');
  });

  it('refuses the extending plugin without the plugin it depends on', () => {
    expect(() => buildPlatform({ plugins: [corePlugin, loanNotesPlugin] })).toThrowError(
      "Plugin 'loannotes' depends on 'finance', which is not enabled: enable 'finance' too, or disable 'loannotes'",
    );
  });
});
