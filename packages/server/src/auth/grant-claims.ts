import { decodeTuopinGlobalID, isDatabaseId, type AccessPolicy, type Grant } from '@tuopin/core';

/** More grants than this make a token a list of objects, not a role: give the caller a scope instead. */
export const MAX_GRANTS = 30;

/**
 * The `grants` claim: `[{ "on": "<global id>", "permissions": ["core.projects.read"] }]`, each an
 * object outside the caller's areas and what he may do with it. Refused, with the reason, unless
 * every id is a well-formed global ID of an object keyed by a database id, every permission is
 * declared by a plugin the caller's province runs and grantable on that type, and no object is
 * named twice. Whether the object exists is not checked: a grant on nothing shows nothing.
 */
export function parseGrants(claim: unknown, access: AccessPolicy): Grant[] | string {
  if (claim === undefined || claim === null) return [];
  if (!Array.isArray(claim) || claim.length > MAX_GRANTS) return `grants must be a list of at most ${MAX_GRANTS} { on, permissions } objects`;
  const grants: Grant[] = [];
  for (const [i, item] of claim.entries()) {
    const where = `grants[${i}]`;
    if (typeof item !== 'object' || item === null) return `${where} must be an object { on, permissions }`;
    const { on, permissions } = item as { on?: unknown; permissions?: unknown };
    if (typeof on !== 'string' || on.length > 200) return `${where}.on must be a global ID`;
    let target: { typename: string; id: string };
    try {
      target = decodeTuopinGlobalID(on);
    } catch {
      return `${where}.on is not a valid global ID`;
    }
    if (!Array.isArray(permissions) || permissions.length === 0 || permissions.length > 10 || !permissions.every((p) => typeof p === 'string')) {
      return `${where}.permissions must be a list of 1 to 10 permission names`;
    }
    for (const name of permissions as string[]) {
      const permission = access.permission(name);
      if (!permission) return `${where}: unknown permission ${JSON.stringify(name)}`;
      if (!(permission.grantableOn ?? []).includes(target.typename)) {
        return `${where}: ${name} cannot be granted on a ${target.typename}${permission.grantableOn?.length ? ` (only on ${permission.grantableOn.join(', ')})` : ''}`;
      }
    }
    // Only objects keyed by a database id are granted (an area is given as a scope): an area code
    // here would reach the loaders' `int[]` of granted ids and fail every lookup of the type.
    if (!isDatabaseId(target.id)) return `${where}.on names no object that can be granted (an area is given as a scope)`;
    // '042' and '42' name one row: compare ids as the database does.
    const id = String(Number(target.id));
    if (grants.some((grant) => grant.type === target.typename && grant.id === id)) return `${where} names ${target.typename} ${id} again`;
    grants.push({ on, type: target.typename, id, permissions: [...new Set(permissions as string[])] });
  }
  return grants;
}
