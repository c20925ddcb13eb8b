import { isObjectType, type GraphQLSchema } from 'graphql';
import { accessDeclarationProblems, type AccessDeclarations } from './access-declarations.js';
import { AccessPolicy, registerAccess } from './access-registry.js';
import { PluginConfigurationError, type TuopinPlugin } from './plugin.js';

/**
 * Assembles the roles and permissions of a plugin set (core first, then the plugins in dependency
 * order), refusing with one `PluginConfigurationError` that names every problem: a name outside
 * its plugin's namespace, a role listing a permission that neither the plugin, core nor one of its
 * dependencies declares, a role without scope levels. Makes them known to the process
 * (`registerAccess`) and returns the set's policy.
 */
export function assembleAccess(core: AccessDeclarations, plugins: readonly TuopinPlugin[]): AccessPolicy {
  const sources = [{ owner: 'core', declarations: core }, ...plugins.map((plugin) => ({ owner: plugin.name, declarations: plugin }))];
  const declared = new Map(sources.map(({ owner, declarations }) => [owner, (declarations.permissions ?? []).map((p) => p.name)]));
  const declaredRoles = new Map(sources.map(({ owner, declarations }) => [owner, (declarations.roles ?? []).map((r) => r.name)]));
  const problems: string[] = [];
  for (const plugin of [{ name: 'core', dependsOn: [] as readonly string[], declarations: core }, ...plugins.map((p) => ({ name: p.name, dependsOn: p.dependsOn ?? [], declarations: p }))]) {
    const providers = [...(plugin.name === 'core' ? [] : ['core']), ...dependenciesOf(plugin.name, plugins)];
    const usable = new Set(providers.flatMap((name) => declared.get(name) ?? []));
    const usableRoles = new Set(providers.flatMap((name) => declaredRoles.get(name) ?? []));
    problems.push(...accessDeclarationProblems(plugin.name, plugin.declarations, usable, usableRoles).map((problem) => `Plugin '${plugin.name}': ${problem}`));
  }
  if (problems.length > 0) throw new PluginConfigurationError(`Roles and permissions are not declared correctly:\n- ${problems.join('\n- ')}`);
  for (const { owner, declarations } of sources) registerAccess(owner, declarations);
  return new AccessPolicy(sources);
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
