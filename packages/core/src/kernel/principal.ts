import { roleDeclaration } from './access-registry.js';
import { areaCodes, scopeLevelIn, WHOLE_TREE_LEVEL, type AreaLevelName } from './area-codes.js';

/**
 * Who is calling. Authentication (tokens, API keys) fills this in at the server's edge; every
 * read and write below consults it, so access control is a property of the query, not a filter
 * applied afterwards. What a role may do is declared by the plugin that owns it (core's seven
 * roles by core, `access/core-roles.ts`) and looked up by name (`hasPermission`).
 */
export interface Principal {
  /** Stable identifier of the user or API key, recorded in audit trails. */
  readonly id: string;
  /** A role declared by core or by a plugin the caller's province runs: `COUNTY_OFFICER`, `FINANCE_LOAN_OFFICER`. */
  readonly role: Role;
  /** Area-code prefixes (division codes) the caller may see and act in; '' is the whole country. */
  readonly areaScopes: readonly string[];
  /** The province (tenant) as a 12-digit code, or null for national callers. */
  readonly provinceCode: string | null;
  /** Objects outside the area scope the caller may see or act on, with what he may do there. */
  readonly grants?: readonly Grant[];
}

/**
 * A role's name. Core's roles are listed in `ROLES`; a plugin's are prefixed with its name
 * (`FINANCE_LOAN_OFFICER`), so any declared name is a role.
 */
export type Role = string;

/**
 * One object beyond the caller's area tree and what he may do with it: a 山东 county officer on
 * the helper side of a pairing granted one 湘西 project. The object is visible to him (and what it
 * contains, as its type declares: a project's ledger entries); he may do with it exactly what the
 * permissions say, and nothing else of its province.
 */
export interface Grant {
  /** The object's Relay global ID, as the token names it. */
  readonly on: string;
  /** Its GraphQL type (decoded from `on`). */
  readonly type: string;
  /** Its id within the type (decoded from `on`). */
  readonly id: string;
  /** Permissions declared grantable on the type: `core.projects.read`, `core.projects.manage`. */
  readonly permissions: readonly string[];
}

/** The area a scope names: the whole country ('') or a level of core's area model. */
export type ScopeLevel = typeof WHOLE_TREE_LEVEL | AreaLevelName;

/**
 * The level of the area a scope names, or null when it names none: a scope is the significant
 * prefix of an area code ('43' 湖南, '433125' 保靖县, '433125100' 迁陵镇), so '430000' or
 * '433125000' (a code padded with zeros) are not scopes.
 */
export function levelOfScope(scope: string): ScopeLevel | null {
  return scopeLevelIn(areaCodes(), scope) as ScopeLevel | null;
}

/**
 * Why a scope does not fit a role (English, for authentication reasons), or null when it does:
 * it must name an area of a level the role's declaration lists (a village officer works in
 * villages, auditors and partners are given whatever areas they cover).
 */
export function scopeMisfit(role: Role, scope: string): string | null {
  const level = levelOfScope(scope);
  if (level === null) return `scope ${JSON.stringify(scope)} names no area (${describeScopes()})`;
  const levels = roleDeclaration(role)?.scopeLevels ?? [];
  if (!levels.includes(level)) {
    return `a ${role} is scoped to ${levels.map((l) => l.toLowerCase()).join(' or ')} areas, not to a ${level.toLowerCase()} area (${JSON.stringify(scope)})`;
  }
  return null;
}

/** What a scope may be, from the model: "a significant division-code prefix of 2, 4, 6, 9 or 12 digits, or '' for the country". */
function describeScopes(): string {
  const { noun, levels } = areaCodes();
  const lengths = levels.map((level) => level.prefixLength);
  const listed = lengths.length > 1 ? `${lengths.slice(0, -1).join(', ')} or ${lengths[lengths.length - 1]}` : `${lengths[0]}`;
  return `a significant ${noun} prefix of ${listed} digits, or '' for the country`;
}
