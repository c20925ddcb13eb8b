import type { EntitySchema, MigrationObject } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PermissionDeclaration, RoleDeclaration } from './access-declarations.js';
import type { AreaCodeModel, CodeRange } from './area-codes.js';
import type { TuopinBuilder } from './builder.js';
import type { PluginSettingsSchema } from './plugin-settings.js';

/**
 * The plugin contract, the one definition of it. A plugin is an object exported by its package,
 * made with `definePlugin` (which checks it when the package loads). It owns its tables (named
 * `<name>_…`) and migrations (named `<name>_…`), points foreign keys at core rows, and adds types
 * and fields to the one schema through `registerSchema`. Core's own domain is the plugin `core`,
 * registered through this same contract and always first; the kernel knows no domain, and core
 * never imports a plugin.
 *
 * @example
 * export const financePlugin = definePlugin({
 *   name: 'finance',
 *   title: '金融扶贫 Financial poverty relief',
 *   entities: [LoanSchema],
 *   migrations: [{ name: 'finance_20261201000000_loans', class: LoansMigration }],
 *   registerSchema(builder) {
 *     builder.objectField('Household', 'loans', (t) => ...);
 *   },
 * });
 */
export interface TuopinPlugin {
  /** Lower-case identifier; the namespace of the plugin's tables and migrations. */
  readonly name: string;
  /** Human-readable name, Chinese first: '金融扶贫 Financial poverty relief'. */
  readonly title: string;
  /**
   * Names of the plugins this one needs; they are registered before it, and its package may import
   * their public entries (and no other plugin's). Core is an implicit dependency of every plugin.
   */
  readonly dependsOn?: readonly string[];
  /** MikroORM entity schemas (made with `defineEntity`), tables prefixed `<name>_`. */
  readonly entities: readonly EntitySchema<any, any>[];
  /** Migrations in the order they run, each named `<name>_<timestamp>_<what>`. */
  readonly migrations: readonly MigrationObject[];
  /**
   * For each of the plugin's audited tables, the GraphQL type its rows are shown as in the audit
   * log (`AuditRecord.objectType`, which clients filter by): `{ finance_loan: 'Loan' }`. A table
   * left out is shown under its entity's name. Every type named must exist in the schema.
   */
  readonly auditObjectTypes?: Readonly<Record<string, string>>;
  /**
   * The plugin's settings (its `plugins.<name>` block of tuopin.config.json) as a zod schema with
   * defaults. `start` and `migrate` check it before anything else; the plugin reads the result
   * with `pluginSettingsOf(ctx.settings, name)`. A plugin without one accepts no settings.
   */
  readonly settings?: PluginSettingsSchema;
  /**
   * The plugin's permissions, `<name>.<what>` with a title in Chinese and English; fields require
   * them with `authScopes: { permission: '<name>.<what>' }`, and a permission that lists
   * `grantableOn` may be granted on one object of those types (`grants` in a token).
   */
  readonly permissions?: readonly PermissionDeclaration[];
  /**
   * The plugin's roles, upper case and prefixed with its name (`FINANCE_LOAN_OFFICER`): the
   * permissions each holds (the plugin's own, core's, its dependencies') and the area levels its
   * scopes may name. Tokens may carry them where a province runs the plugin; elsewhere they are
   * refused at authentication. Checked by `buildPlatform` (`PluginConfigurationError`).
   */
  readonly roles?: readonly RoleDeclaration[];
  /**
   * The plugin's own permissions added to roles of core or of the plugins it depends on, so that
   * their holders do its work where it runs: `{ COUNTY_OFFICER: ['finance.lending.manage'] }`.
   */
  readonly extendRoles?: Readonly<Record<string, readonly string[]>>;
  /**
   * What area codes are (width, level names, prefix lengths), which the kernel's scope mechanism
   * reads (`area-codes.ts`). Core declares it (`area/division-code.ts`); no other plugin may.
   */
  readonly areaCodes?: AreaCodeModel;
  /** Adds the plugin's types, fields on core types, queries and mutations. */
  registerSchema(builder: TuopinBuilder): void;
  /** Adds the plugin's part of the demo data; runs after core's demo data, in dependency order. */
  seedDemo?(em: EntityManager): Promise<void>;
  /**
   * Adds the plugin's rows for the synthetic benchmark province that `seed --households N` has
   * just loaded (areas, households, members and incomes, committed): `seed --households` calls it
   * for every enabled plugin, in dependency order. Deterministic (the same households give the
   * same rows), set-based SQL in one transaction, and refusing a province that has the plugin's
   * rows already — a benchmark's question about the plugin's figures reads what it writes.
   */
  seedScale?(em: EntityManager, areas: ScaleSeedAreas): Promise<void>;
}

/** The synthetic province `seed --households` loaded, as a plugin's `seedScale` receives it. */
export interface ScaleSeedAreas {
  /** The province's code (合成省). */
  readonly provinceCode: string;
  /** The codes of the synthetic areas under it (core's own demo shares the province, outside this range). */
  readonly range: CodeRange;
  /** Its counties, in code order. */
  readonly countyCodes: readonly string[];
}

/** A misconfigured plugin set: unknown, missing or cyclic dependencies, or a broken namespace. */
export class PluginConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PluginConfigurationError';
  }
}
