/**
 * Who is calling. Authentication (tokens, API keys) fills this in at the server's edge; every
 * read and write below consults it, so access control is a property of the query, not a filter
 * applied afterwards.
 */

export const ROLES = [
  'NATIONAL_ADMIN',
  'PROVINCE_ADMIN',
  'COUNTY_OFFICER',
  'TOWNSHIP_OFFICER',
  'VILLAGE_OFFICER',
  'AUDITOR',
  'NGO_PARTNER',
] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  /** Stable identifier of the user or API key, recorded in audit trails. */
  readonly id: string;
  readonly role: Role;
  /** Division-code prefixes the caller may see and act in; '' is the whole country. */
  readonly areaScopes: readonly string[];
  /** The province (tenant) as a 12-digit code, or null for national callers. */
  readonly provinceCode: string | null;
}

/** Roles that may register and change households and members. */
const REGISTRY_WRITERS: ReadonlySet<Role> = new Set([
  'NATIONAL_ADMIN',
  'PROVINCE_ADMIN',
  'COUNTY_OFFICER',
  'TOWNSHIP_OFFICER',
  'VILLAGE_OFFICER',
]);

/** Roles that may read people at all (NGO partners see projects and funds only). */
const REGISTRY_READERS: ReadonlySet<Role> = new Set([...REGISTRY_WRITERS, 'AUDITOR']);

export function canWriteRegistry(principal: Principal): boolean {
  return REGISTRY_WRITERS.has(principal.role);
}

export function canReadRegistry(principal: Principal): boolean {
  return REGISTRY_READERS.has(principal.role);
}

/**
 * Roles that may create and run projects (项目库) and manage funds and their ledger: the officers
 * and administrators. Auditors and NGO partners read projects and funds but never change them.
 */
const PROJECT_FUND_MANAGERS: ReadonlySet<Role> = new Set([
  'NATIONAL_ADMIN',
  'PROVINCE_ADMIN',
  'COUNTY_OFFICER',
  'TOWNSHIP_OFFICER',
  'VILLAGE_OFFICER',
]);

export function canManageProjects(principal: Principal): boolean {
  return PROJECT_FUND_MANAGERS.has(principal.role);
}

export function canManageFunds(principal: Principal): boolean {
  return PROJECT_FUND_MANAGERS.has(principal.role);
}

/**
 * The principal every request runs as until authentication lands: a national administrator.
 * It exists so that code paths already carry a principal; the server says so at start-up.
 */
export const DEVELOPMENT_PRINCIPAL: Principal = Object.freeze({
  id: 'development',
  role: 'NATIONAL_ADMIN',
  areaScopes: Object.freeze(['']),
  provinceCode: null,
});
