import { isObjectType, type GraphQLSchema } from 'graphql';
import { accessDeclarationProblems, type AccessDeclarations } from './access-declarations.js';
import { AccessPolicy, registerAccess } from './access-registry.js';
import { PluginConfigurationError, type TuopinPlugin } from './plugin.js';

/**
 * Assembles the roles and permissions of a plugin set (core first, then the plugins in dependency
 * order), refusing with one `PluginConfigurationError` that names every problem: a name outside
 * its plugin's namespace, a role listing a permission that neither the plugin, core nor one of its
 * dependencies declares, a role without scope levels. Returns the set's policy; `buildPlatform`
 * makes it known to the process (`makeAccessKnown`) once the whole platform has been built.
 */
export function assembleAccess(plugins: readonly TuopinPlugin[]): AccessPolicy {
  // Core declares its roles and permissions through the contract like every plugin (it is first).
  const sources = plugins.map((plugin) => ({ owner: plugin.name, declarations: plugin as AccessDeclarations }));
  const permissionsOf = new Map(sources.map(({ owner, declarations }) => [owner, (declarations.permissions ?? []).map((p) => p.name)]));
  const rolesOf = new Map(sources.map(({ owner, declarations }) => [owner, (declarations.roles ?? []).map((r) => r.name)]));
  const problems = sources.flatMap(({ owner, declarations }) => {
    // What a plugin's roles may list, and whose roles it may extend: core's and its dependencies'.
    const providers = owner === 'core' ? [] : ['core', ...dependenciesOf(owner, plugins)];
    const usable = new Set(providers.flatMap((name) => permissionsOf.get(name) ?? []));
    const usableRoles = new Set(providers.flatMap((name) => rolesOf.get(name) ?? []));
    return accessDeclarationProblems(owner, declarations, usable, usableRoles).map((problem) => `Plugin '${owner}': ${problem}`);
  });
  if (problems.length > 0) throw new PluginConfigurationError(`Roles and permissions are not declared correctly:\n- ${problems.join('\n- ')}`);
  return new AccessPolicy(sources);
}

/** Makes a built platform's roles and permissions known to the process (`registerAccess`). */
export function makeAccessKnown(policy: AccessPolicy): void {
  for (const { owner, declarations } of policy.sources) registerAccess(owner, declarations);
}

/** Every plugin a plugin depends on, directly or through another. */
function dependenciesOf(name: string, plugins: readonly TuopinPlugin[]): string[] {
  const found = new Set<string>();
  const visit = (current: string) => {
    for (const dependency of plugins.find((plugin) => plugin.name === current)?.dependsOn ?? []) {
      if (!found.has(dependency)) {
        found.add(dependency);
        visit(dependency);
      }
    }
  };
  visit(name);
  return [...found];
}

/** Refuses a permission grantable on a type the schema has not, or on one `node(id:)` cannot load. */
export function checkGrantableTypes(policy: AccessPolicy, schema: GraphQLSchema): void {
  const problems = policy.permissions().flatMap(({ owner, declaration }) =>
    (declaration.grantableOn ?? []).flatMap((typeName) => {
      const type = schema.getType(typeName);
      const isNode = isObjectType(type) && type.getInterfaces().some((iface) => iface.name === 'Node');
      return isNode ? [] : [`Plugin '${owner}': permission '${declaration.name}' is grantable on '${typeName}', which is not a Node type of the schema`];
    }),
  );
  if (problems.length > 0) throw new PluginConfigurationError(problems.join('\n'));
}

/** The permissions named by `authScopes: { permission }` on a type or field (also inside `$any`/`$all`). */
function permissionsNamed(authScopes: unknown): string[] {
  if (typeof authScopes !== 'object' || authScopes === null) return [];
  return Object.entries(authScopes).flatMap(([key, value]) =>
    key === 'permission' && typeof value === 'string' ? [value] : key.startsWith('$') ? permissionsNamed(value) : [],
  );
}

/**
 * Refuses an `authScopes: { permission }` naming a permission no plugin of the set declares: a
 * typo would otherwise refuse the field to everyone, silently.
 */
export function checkRequiredPermissions(policy: AccessPolicy, schema: GraphQLSchema): void {
  const problems: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const options = (where: { extensions?: unknown }) => ((where.extensions as { pothosOptions?: { authScopes?: unknown } } | undefined)?.pothosOptions)?.authScopes;
    const named = [
      ...permissionsNamed(options(type)).map((permission) => ({ where: type.name, permission })),
      ...Object.values(type.getFields()).flatMap((field) => permissionsNamed(options(field)).map((permission) => ({ where: `${type.name}.${field.name}`, permission }))),
    ];
    for (const { where, permission } of named) {
      if (!policy.permission(permission)) problems.push(`${where} requires the permission '${permission}', which no enabled plugin declares`);
    }
  }
  if (problems.length > 0) throw new PluginConfigurationError(problems.join('\n'));
}
