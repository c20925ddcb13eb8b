import { areaCodes, scopeLevelNamesIn } from './area-codes.js';
import type { ScopeLevel } from './principal.js';

/**
 * What a plugin (core included) declares about access: its permissions and its roles. The kernel
 * knows no role and no permission by name; it assembles these declarations from the enabled
 * plugins (`access-registry.ts`) and decides with them.
 *
 * Names are namespaced by the declaring plugin, so two plugins can never mean different things by
 * one name and a role or permission means the same in every province:
 * - a permission is `<plugin>.<what>`, lower case with dots and dashes: `core.registry.read`,
 *   `finance.loans.manage`;
 * - a role is upper case, prefixed by the plugin's name: `FINANCE_LOAN_OFFICER`. Core's seven
 *   roles (`NATIONAL_ADMIN` … `NGO_PARTNER`) predate the rule and are in every token issued, so
 *   core alone declares unprefixed roles; no plugin may.
 */

/**
 * A switch of a kernel mechanism that a permission turns on. The kernel masks personal data and
 * protects small counts for everyone; which permission lifts either is the domain's decision.
 */
export type AccessMechanism = 'unmasked-personal-data' | 'exact-statistics';

/** One permission. */
export interface PermissionDeclaration {
  /** `<plugin>.<what>`: `core.registry.read`. */
  readonly name: string;
  /** Chinese first: '读取建档立卡数据 Read the registry of households and members'. */
  readonly title: string;
  /**
   * GraphQL object types (Relay nodes) on which this permission may be granted to a principal
   * outside the type's area tree (`grants` in a token). None: it is never granted per object.
   */
  readonly grantableOn?: readonly string[];
  /** The kernel mechanism this permission lifts for its holders, if any. */
  readonly unlocks?: AccessMechanism;
}

/** One role: what a principal with it may do, and where its scopes may point. */
export interface RoleDeclaration {
  /** Upper case; a plugin's roles start with its name: `FINANCE_LOAN_OFFICER`. */
  readonly name: string;
  /** Chinese first: '县扶贫办干部 County poverty-office officer'. */
  readonly title: string;
  /**
   * The permissions the role holds: its own plugin's, core's, or those of a plugin it depends on
   * (an education officer reads core's registry).
   */
  readonly permissions: readonly string[];
  /**
   * The area levels its scopes may name (a county officer's name counties). A role whose levels
   * include `NATION` may also be held without a province (a national auditor); the others belong
   * to a province.
   */
  readonly scopeLevels: readonly ScopeLevel[];
  /** Every query a holder runs is recorded in the audit log (auditors: reading is their work, and it is audited). */
  readonly queriesRecorded?: boolean;
}

/** A plugin's access declarations, as `buildPlatform` receives them. */
export interface AccessDeclarations {
  readonly permissions?: readonly PermissionDeclaration[];
  readonly roles?: readonly RoleDeclaration[];
  /**
   * The plugin's own permissions given to roles that core or a plugin it depends on declares, so
   * that their holders do the plugin's work where it runs: `{ COUNTY_OFFICER: ['finance.lending.manage'] }`.
   */
  readonly extendRoles?: Readonly<Record<string, readonly string[]>>;
}

const PERMISSION_NAME = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;
const ROLE_NAME = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;
const TITLE = /\p{Script=Han}.*\s[A-Za-z]/u;

/** The role prefix of a plugin: 'finance' → 'FINANCE_', 'demo-x' → 'DEMO_X_'. */
export function rolePrefixOf(pluginName: string): string {
  return `${pluginName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_`;
}

/**
 * What is wrong with one plugin's declarations, given the permissions its roles may list (core's,
 * its dependencies', its own): one message per problem, naming it.
 */
export function accessDeclarationProblems(
  pluginName: string,
  declarations: AccessDeclarations,
  usable: ReadonlySet<string>,
  usableRoles: ReadonlySet<string> = new Set(),
): string[] {
  const problems: string[] = [];
  const own = new Set<string>();
  for (const permission of declarations.permissions ?? []) {
    if (!PERMISSION_NAME.test(permission.name) || !permission.name.startsWith(`${pluginName}.`)) {
      problems.push(`permission '${permission.name}' must be named '${pluginName}.<what>' (lower case, dots)`);
    }
    if (own.has(permission.name)) problems.push(`permission '${permission.name}' is declared twice`);
    if (!TITLE.test(permission.title)) problems.push(`permission '${permission.name}' needs a title in Chinese and English ('中文 English')`);
    own.add(permission.name);
  }
  const roles = new Set<string>();
  for (const role of declarations.roles ?? []) {
    const prefixed = pluginName === 'core' || role.name.startsWith(rolePrefixOf(pluginName));
    if (!ROLE_NAME.test(role.name) || !prefixed) {
      problems.push(`role '${role.name}' must be named '${rolePrefixOf(pluginName)}…' (upper case)`);
    }
    if (roles.has(role.name)) problems.push(`role '${role.name}' is declared twice`);
    roles.add(role.name);
    if (!TITLE.test(role.title)) problems.push(`role '${role.name}' needs a title in Chinese and English ('中文 English')`);
    for (const permission of role.permissions) {
      if (!own.has(permission) && !usable.has(permission)) {
        problems.push(`role '${role.name}' lists '${permission}', which neither '${pluginName}', core nor a plugin it depends on declares`);
      }
    }
    const levels = scopeLevelNamesIn(areaCodes());
    if (role.scopeLevels.length === 0 || !role.scopeLevels.every((level) => levels.includes(level))) {
      problems.push(`role '${role.name}' must list the area levels its scopes may name (${levels.join(', ')})`);
    }
  }
  for (const [roleName, granted] of Object.entries(declarations.extendRoles ?? {})) {
    if (!usableRoles.has(roleName)) problems.push(`extendRoles names '${roleName}', which is not a role of core or of a plugin '${pluginName}' depends on`);
    for (const permission of granted) {
      if (!own.has(permission)) problems.push(`extendRoles gives '${roleName}' '${permission}', which is not a permission '${pluginName}' declares`);
      // What a role holds is known process-wide (`access-registry.ts`), and masking and suppression
      // apply to core's fields in every province: lifting them for a core role would lift them in
      // provinces that do not run the plugin too. A plugin that needs that declares a role of its own.
      const lifts = declarations.permissions?.find((declared) => declared.name === permission)?.unlocks;
      if (lifts) problems.push(`extendRoles gives '${roleName}' '${permission}', which lifts '${lifts}': give it to a role of '${pluginName}' instead`);
    }
  }
  return problems;
}
