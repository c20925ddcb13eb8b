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
  // Asked for every object the scope guard checks: a loop, without a closure, for the few prefixes
  // of most callers; by prefix length for a caller over many areas.
  if (scopePrefixes.length < INDEXED_FROM) {
    for (const scope of scopePrefixes) if (code.startsWith(scope)) return true;
    return false;
  }
  for (const [length, prefixes] of scopeIndex(scopePrefixes)) {
    if (code.length >= length && prefixes.has(code.slice(0, length))) return true;
  }
  return false;
}

/**
 * From this many prefixes on, a scope is looked up by prefix length: a code is in it when its
 * first n characters are one of its prefixes of length n, a few set lookups (one per level of the
 * area tree) instead of a comparison with every prefix. A province's officer over its 37 counties
 * would otherwise compare each object of a page with each county.
 */
const INDEXED_FROM = 8;

/** A scope's prefixes by length, made once per scope (a caller's `areaScopes`). */
const scopeIndexes = new WeakMap<readonly string[], ReadonlyMap<number, ReadonlySet<string>>>();

function scopeIndex(scopePrefixes: readonly string[]): ReadonlyMap<number, ReadonlySet<string>> {
  let index = scopeIndexes.get(scopePrefixes);
  if (!index) {
    const byLength = new Map<number, Set<string>>();
    for (const prefix of scopePrefixes) {
      const ofLength = byLength.get(prefix.length);
      if (ofLength) ofLength.add(prefix);
      else byLength.set(prefix.length, new Set([prefix]));
    }
    scopeIndexes.set(scopePrefixes, (index = byLength));
  }
  return index;
}

/** Drops prefixes covered by shorter ones, so ranges never overlap and nothing is counted twice. */
export function normalizeScopes(prefixes: readonly string[]): string[] {
  const sorted = [...new Set(prefixes)].sort((a, b) => a.length - b.length);
  return sorted.filter((prefix, i) => !sorted.slice(0, i).some((shorter) => prefix.startsWith(shorter)));
}
