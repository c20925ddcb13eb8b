import { ROLES, scopeMisfit, type Principal, type Role } from '@tuopin/core';

/** A scope is a significant prefix of a division code: '' (everywhere), 2, 4, 6, 9 or 12 digits. */
const SCOPE = /^(|\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;
const PROVINCE = /^\d{2}0{10}$/;

/**
 * The claims tuopin reads from a token: `sub` (who), `role`, `scopes` (division-code prefixes)
 * and `province` (the tenant; absent for national roles). Anything inconsistent is refused,
 * because a token that claims more than it should must not be trusted for any of it: scopes
 * must lie in the province and name areas of the role's level (`ROLE_SCOPE_LEVELS`).
 */
export function principalFromClaims(claims: Record<string, unknown>): Principal | string {
  const { sub, role, scopes, province } = claims;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 128) return 'the token has no subject (sub)';
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) return `unknown role ${JSON.stringify(role)}`;
  if (!Array.isArray(scopes) || scopes.length === 0 || scopes.length > 50 || !scopes.every((s) => typeof s === 'string' && SCOPE.test(s))) {
    return 'scopes must be a list of division-code prefixes';
  }
  const provinceCode = province === undefined || province === null ? null : province;
  if (provinceCode !== null && (typeof provinceCode !== 'string' || !PROVINCE.test(provinceCode))) return 'province must be a 12-digit province code';
  if (provinceCode !== null && !scopes.every((s: string) => s.length >= 2 && s.startsWith(provinceCode.slice(0, 2)))) {
    return 'every scope must lie inside the province';
  }
  if (provinceCode === null && role !== 'NATIONAL_ADMIN' && role !== 'AUDITOR' && role !== 'NGO_PARTNER') {
    return `a ${role} belongs to a province`;
  }
  // A village officer scoped to a whole province would read and write far beyond his village.
  const misfit = (scopes as string[]).map((scope) => scopeMisfit(role as Role, scope)).find((problem) => problem !== null);
  if (misfit) return misfit;
  return { id: sub, role: role as Role, areaScopes: scopes as string[], provinceCode: provinceCode as string | null };
}

/** The claims of a token for a principal (the inverse of `principalFromClaims`). */
export function claimsOf(principal: Principal): Record<string, unknown> {
  return { sub: principal.id, role: principal.role, scopes: principal.areaScopes, province: principal.provinceCode };
}
