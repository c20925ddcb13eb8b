import { isInterfaceType, isObjectType, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import { hasPermission } from './access-registry.js';
import type { TuopinContext } from './context.js';
import { ForbiddenError } from './errors.js';
import { PluginConfigurationError } from './plugin.js';

/**
 * A type's own `authScopes` (`builder.node('Member', { authScopes: { permission: … } })`), as the
 * object guard checks them for every object of the type a field returns (`type-scopes-plugin.ts`
 * says why there and not on each of its fields). The scope map means what it means to scope-auth,
 * for the one scope the builder defines: `permission` (the caller's role holds it), `$any` (one
 * of the entries holds; a map's own entries are read so too) and `$all` (every entry holds). A
 * function of the object and the context returns such a map, or true or false.
 */
export type TypeAccess = (value: unknown, ctx: TuopinContext) => boolean | Promise<boolean>;

/** The refusal of a permission: scope-auth's (the builder's `unauthorizedError`) and the guard's for a type's own scopes. */
export function notPermitted(): ForbiddenError {
  return new ForbiddenError(null, '无权访问此数据或操作', 'You are not allowed to read this data or perform this operation');
}

type ScopeMap = Record<string, unknown>;
type ScopesOfObject = (value: unknown, ctx: TuopinContext) => ScopeMap | boolean | Promise<ScopeMap | boolean>;

/** The scopes a type declares, as Pothos recorded them in its extensions. */
function declaredScopes(type: GraphQLNamedType): ScopeMap | ScopesOfObject | undefined {
  return (type.extensions?.pothosOptions as { authScopes?: ScopeMap | ScopesOfObject } | undefined)?.authScopes;
}

/** The check of a type's own scopes, or null when it declares none. */
export function typeAccessOf(type: GraphQLNamedType): TypeAccess | null {
  const scopes = declaredScopes(type);
  if (scopes === undefined) return null;
  if (typeof scopes !== 'function') return (_value, ctx) => holdsAny(scopes, ctx);
  return (value, ctx) => {
    const found = scopes(value, ctx);
    return found instanceof Promise ? found.then((resolved) => satisfied(resolved, ctx)) : satisfied(found, ctx);
  };
}

function satisfied(scopes: ScopeMap | boolean, ctx: TuopinContext): boolean {
  return typeof scopes === 'boolean' ? scopes : holdsAny(scopes, ctx);
}

// Checked for every object a field returns (a page's hundred people): loops over the map's own
// keys rather than `Object.entries`, which built an array of pairs for each object.
function holdsAny(map: ScopeMap, ctx: TuopinContext): boolean {
  for (const scope in map) if (Object.hasOwn(map, scope) && holds(scope, map[scope], ctx)) return true;
  return false;
}

function holdsAll(map: ScopeMap, ctx: TuopinContext): boolean {
  let any = false;
  for (const scope in map) {
    if (!Object.hasOwn(map, scope)) continue;
    if (!holds(scope, map[scope], ctx)) return false;
    any = true;
  }
  return any;
}

function holds(scope: string, value: unknown, ctx: TuopinContext): boolean {
  if (scope === 'permission') return typeof value === 'string' && hasPermission(ctx.principal, value);
  if (scope === '$any') return holdsAny(value as ScopeMap, ctx);
  if (scope === '$all') return holdsAll(value as ScopeMap, ctx);
  // A scope the builder does not define refuses (a function's answer cannot be checked ahead).
  return false;
}

/** What is wrong with a scope map a type declares: a scope the builder does not define. */
function mapProblems(map: unknown, where: string): string[] {
  if (typeof map !== 'object' || map === null) return [`${where}: authScopes must be a map of scopes or a function`];
  return Object.entries(map).flatMap(([scope, value]) => {
    if (scope === 'permission') return typeof value === 'string' ? [] : [`${where}: permission must be a permission's name`];
    if (scope === '$any' || scope === '$all') return mapProblems(value, where);
    return [`${where}: '${scope}' is not a scope of tuopin's builder (permission, $any, $all)`];
  });
}

/**
 * Refuses type scopes the guard would not check as scope-auth would have: a scope the builder
 * does not define, and scopes on an interface (its fields are not marked for the guard).
 */
export function checkTypeScopes(schema: GraphQLSchema): void {
  const problems = Object.values(schema.getTypeMap()).flatMap((type) => {
    const scopes = declaredScopes(type);
    if (scopes === undefined) return [];
    if (isInterfaceType(type)) return [`interface ${type.name}: type-level authScopes are declared on object types only`];
    if (!isObjectType(type) || typeof scopes === 'function') return [];
    return mapProblems(scopes, type.name);
  });
  if (problems.length > 0) throw new PluginConfigurationError(`Type-level authScopes are not declared correctly:\n- ${problems.join('\n- ')}`);
}
