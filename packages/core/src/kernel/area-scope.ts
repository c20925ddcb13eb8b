import { areaCodes, prefixRangeIn, significantPrefixIn, type CodeRange } from './area-codes.js';

/**
 * A caller's area scope is a set of area-code prefixes ('' = the whole country); what the codes
 * are is core's model (`area-codes.ts`).
 * A request for an area is answered over the intersection of that area with the scope, so
 * counts and statistics always agree with the rows the caller may see.
 */

/** The code ranges of `areaCode`'s subtree that lie inside the scope (possibly none). */
export function rangesWithinScope(areaCode: string | null, scopePrefixes: readonly string[]): CodeRange[] {
  const model = areaCodes();
  const requested = areaCode === null ? '' : significantPrefixIn(model, areaCode);
  // A scope that contains the requested area grants all of it.
  if (scopePrefixes.some((scope) => requested.startsWith(scope))) return [prefixRangeIn(model, requested)];
  // Otherwise only the scopes nested inside the requested area are visible.
  return normalizeScopes(scopePrefixes.filter((scope) => scope.startsWith(requested))).map((scope) => prefixRangeIn(model, scope));
}

/** True when the code lies inside one of the scope prefixes. */
export function isWithinScope(code: string, scopePrefixes: readonly string[]): boolean {
  return scopePrefixes.some((scope) => code.startsWith(scope));
}

/** Drops prefixes covered by shorter ones, so ranges never overlap and nothing is counted twice. */
export function normalizeScopes(prefixes: readonly string[]): string[] {
  const sorted = [...new Set(prefixes)].sort((a, b) => a.length - b.length);
  return sorted.filter((prefix, i) => !sorted.slice(0, i).some((shorter) => prefix.startsWith(shorter)));
}
