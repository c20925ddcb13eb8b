import { AccessPolicy, CORE_ACCESS, scopeMisfit, type Grant, type Principal } from '@tuopin/core';
import { parseGrants } from './grant-claims.js';

/** A scope is a significant prefix of a division code: '' (everywhere), 2, 4, 6, 9 or 12 digits. */
const SCOPE = /^(|\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;
const PROVINCE = /^\d{2}0{10}$/;

/**
 * The roles and permissions a caller of a province may hold: those of core and of the plugins the
 * province runs (`Tenancy.accessFor`); null is a national caller, who gets the deployment's.
 */
export type AccessLookup = (provinceCode: string | null) => AccessPolicy;

/** Core's roles alone: for a verifier built without a deployment (tools, unit tests). */
export const CORE_ONLY: AccessLookup = (() => {
  const policy = new AccessPolicy([{ owner: 'core', declarations: CORE_ACCESS }]);
  return () => policy;
})();

/**
 * The claims tuopin reads from a token: `sub` (who), `role`, `scopes` (division-code prefixes),
 * `province` (the tenant; absent for national roles) and `grants` (objects beyond the scopes).
 * Anything inconsistent is refused, because a token that claims more than it should must not be
 * trusted for any of it: the role must be declared by core or a plugin the province runs, scopes
 * must lie in the province and name areas of the role's levels, and every grant must name an
 * object of a type its permissions may be granted on.
 */
export function principalFromClaims(claims: Record<string, unknown>, accessFor: AccessLookup = CORE_ONLY): Principal | string {
  const { sub, role, scopes, province } = claims;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 128) return 'the token has no subject (sub)';
  if (typeof role !== 'string' || role.length > 64) return `unknown role ${JSON.stringify(role)}`;
  if (!Array.isArray(scopes) || scopes.length === 0 || scopes.length > 50 || !scopes.every((s) => typeof s === 'string' && SCOPE.test(s))) {
    return 'scopes must be a list of division-code prefixes';
  }
  const provinceCode = province === undefined || province === null ? null : province;
  if (provinceCode !== null && (typeof provinceCode !== 'string' || !PROVINCE.test(provinceCode))) return 'province must be a 12-digit province code';
  const access = accessFor(provinceCode as string | null);
  const declared = access.role(role);
  if (!declared) {
    const owner = accessFor(null).roleOwner(role);
    return owner && provinceCode !== null
      ? `role ${JSON.stringify(role)} belongs to the plugin '${owner}', which province ${provinceCode} does not run`
      : `unknown role ${JSON.stringify(role)}`;
  }
  if (provinceCode !== null && !scopes.every((s: string) => s.length >= 2 && s.startsWith(provinceCode.slice(0, 2)))) {
    return 'every scope must lie inside the province';
  }
  if (provinceCode === null && !declared.scopeLevels.includes('NATION')) return `a ${role} belongs to a province`;
  // A village officer scoped to a whole province would read and write far beyond his village.
  const misfit = (scopes as string[]).map((scope) => scopeMisfit(role, scope)).find((problem) => problem !== null);
  if (misfit) return misfit;
  const grants = parseGrants(claims.grants, access);
  if (typeof grants === 'string') return grants;
  const principal: Principal = { id: sub, role, areaScopes: scopes as string[], provinceCode: provinceCode as string | null };
  return grants.length > 0 ? { ...principal, grants } : principal;
}

/** The claims of a token for a principal (the inverse of `principalFromClaims`). */
export function claimsOf(principal: Principal): Record<string, unknown> {
  const claims: Record<string, unknown> = { sub: principal.id, role: principal.role, scopes: principal.areaScopes, province: principal.provinceCode };
  if (principal.grants?.length) claims.grants = principal.grants.map((grant: Grant) => ({ on: grant.on, permissions: grant.permissions }));
  return claims;
}
