import { levelOfCode, significantPrefix, type AreaLevel } from './division-code.js';

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

/** The area a scope names: the whole country ('') or an area level. */
export type ScopeLevel = 'NATION' | AreaLevel;

/**
 * The level of the area a scope names, or null when it names none: a scope is the significant
 * prefix of a division code ('43' 湖南, '433125' 保靖县, '433125100' 迁陵镇), so '430000' or
 * '433125000' (a code padded with zeros) are not scopes.
 */
export function levelOfScope(scope: string): ScopeLevel | null {
  if (scope === '') return 'NATION';
  if (!/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/.test(scope) || scope.startsWith('00')) return null;
  const code = scope.padEnd(12, '0');
  return significantPrefix(code) === scope ? levelOfCode(code) : null;
}

/**
 * The levels each role's scopes may name: a village officer works in villages, a township officer
 * in townships, and so on; auditors and partners are given whatever areas they cover.
 */
export const ROLE_SCOPE_LEVELS: Readonly<Record<Role, readonly ScopeLevel[]>> = {
  NATIONAL_ADMIN: ['NATION'],
  PROVINCE_ADMIN: ['PROVINCE'],
  COUNTY_OFFICER: ['COUNTY'],
  TOWNSHIP_OFFICER: ['TOWNSHIP'],
  VILLAGE_OFFICER: ['VILLAGE'],
  AUDITOR: ['NATION', 'PROVINCE', 'PREFECTURE', 'COUNTY', 'TOWNSHIP', 'VILLAGE'],
  NGO_PARTNER: ['NATION', 'PROVINCE', 'PREFECTURE', 'COUNTY', 'TOWNSHIP', 'VILLAGE'],
};

/** Why a scope does not fit a role (English, for authentication reasons), or null when it does. */
export function scopeMisfit(role: Role, scope: string): string | null {
  const level = levelOfScope(scope);
  if (level === null) return `scope ${JSON.stringify(scope)} names no area (a significant division-code prefix of 2, 4, 6, 9 or 12 digits, or '' for the country)`;
  if (!ROLE_SCOPE_LEVELS[role].includes(level)) {
    return `a ${role} is scoped to ${ROLE_SCOPE_LEVELS[role].map((l) => l.toLowerCase()).join(' or ')} areas, not to a ${level.toLowerCase()} area (${JSON.stringify(scope)})`;
  }
  return null;
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
 * Roles that see personal data (ID numbers, bank accounts, health) unmasked: the officers who
 * work with households, and auditors. Every such read is recorded. Administrators manage and
 * oversee; they see the same people with those fields masked.
 */
const PERSONAL_DATA_READERS: ReadonlySet<Role> = new Set(['COUNTY_OFFICER', 'TOWNSHIP_OFFICER', 'VILLAGE_OFFICER', 'AUDITOR']);

export function canReadPersonalData(principal: Principal): boolean {
  return PERSONAL_DATA_READERS.has(principal.role);
}

/** Roles that read the audit log (within their area scope). */
const AUDIT_READERS: ReadonlySet<Role> = new Set(['NATIONAL_ADMIN', 'PROVINCE_ADMIN', 'AUDITOR']);

export function canReadAuditLog(principal: Principal): boolean {
  return AUDIT_READERS.has(principal.role);
}

/** Roles that create and revoke partner API keys (within their area scope). */
const KEY_ADMINISTRATORS: ReadonlySet<Role> = new Set(['NATIONAL_ADMIN', 'PROVINCE_ADMIN']);

export function canAdministerApiKeys(principal: Principal): boolean {
  return KEY_ADMINISTRATORS.has(principal.role);
}

/** Partners see figures, not people: small counts in their statistics are suppressed. */
export function seesSuppressedStatistics(principal: Principal): boolean {
  return principal.role === 'NGO_PARTNER';
}

/**
 * A national administrator acting for the system itself: command-line tools, seeds and tests
 * that call services directly. Requests never run as it; they carry an authenticated principal.
 */
export const SYSTEM_PRINCIPAL: Principal = Object.freeze({
  id: 'system',
  role: 'NATIONAL_ADMIN',
  areaScopes: Object.freeze(['']),
  provinceCode: null,
});
