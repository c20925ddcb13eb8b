import type { AccessDeclarations, AccessMechanism, PermissionDeclaration, RoleDeclaration } from './access-declarations.js';
import { PluginConfigurationError } from './plugin.js';
import type { Principal } from './principal.js';

/**
 * The roles and permissions known to this process, from core and every plugin a platform was
 * built with. Names are namespaced by their plugin (`access-declarations.ts`), so a role means the
 * same everywhere: what a role may do is looked up here by name, whatever province the caller is
 * in. Whether a province admits the role at all is the platform's `AccessPolicy`, checked when a
 * caller authenticates.
 */
interface RoleEntry {
  readonly owner: string;
  readonly declaration: RoleDeclaration;
  /** Its declared permissions and those other plugins added (`extendRoles`). */
  readonly permissions: Set<string>;
}

const roles = new Map<string, RoleEntry>();
const permissions = new Map<string, { owner: string; declaration: PermissionDeclaration }>();
const NO_PERMISSIONS: ReadonlySet<string> = new Set();

/**
 * The mechanisms each role's permissions unlock, found on first use: `unlocks` is asked for every
 * personal field of every object a page returns, and a role holds dozens of permissions.
 * `registerAccess` empties it.
 */
const unlockedByRole = new Map<string, ReadonlySet<AccessMechanism>>();

const sameDeclaration = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Makes a plugin's roles and permissions known (`buildPlatform` does it for core and each plugin,
 * after checking them). Registering the same declarations again is a no-op; different ones under
 * a name already known are refused, since a role must mean one thing in the whole process.
 */
export function registerAccess(owner: string, declarations: AccessDeclarations): void {
  for (const declaration of declarations.permissions ?? []) {
    const known = permissions.get(declaration.name);
    if (known && !(known.owner === owner && sameDeclaration(known.declaration, declaration))) {
      throw new PluginConfigurationError(`Plugin '${owner}': permission '${declaration.name}' is already declared differently by '${known.owner}'`);
    }
  }
  for (const declaration of declarations.roles ?? []) {
    const known = roles.get(declaration.name);
    if (known && !(known.owner === owner && sameDeclaration(known.declaration, declaration))) {
      throw new PluginConfigurationError(`Plugin '${owner}': role '${declaration.name}' is already declared differently by '${known.owner}'`);
    }
  }
  for (const declaration of declarations.permissions ?? []) permissions.set(declaration.name, { owner, declaration });
  for (const declaration of declarations.roles ?? []) {
    if (!roles.has(declaration.name)) roles.set(declaration.name, { owner, declaration, permissions: new Set(declaration.permissions) });
  }
  for (const [role, granted] of Object.entries(declarations.extendRoles ?? {})) {
    const entry = roles.get(role);
    if (!entry) throw new PluginConfigurationError(`Plugin '${owner}': extendRoles names '${role}', which is not declared`);
    for (const permission of granted) entry.permissions.add(permission);
  }
  // A role's permissions, or what they unlock, may have changed.
  unlockedByRole.clear();
}

/** The declaration of a role known to the process, or undefined. */
export function roleDeclaration(role: string): RoleDeclaration | undefined {
  return roles.get(role)?.declaration;
}

/** The permissions a role holds; none for a role nobody declared (fail closed). */
export function permissionsOfRole(role: string): ReadonlySet<string> {
  return roles.get(role)?.permissions ?? NO_PERMISSIONS;
}

/**
 * Whether the principal's role holds the permission. Per-object grants are not consulted: they
 * apply to one object, see `grantAllows` in `access.ts`.
 */
export function hasPermission(principal: Principal, permission: string): boolean {
  return permissionsOfRole(principal.role).has(permission);
}

/** Whether every query the principal runs is recorded in the audit log (its role says so). */
export function queriesRecorded(principal: Principal): boolean {
  return roles.get(principal.role)?.declaration.queriesRecorded === true;
}

/** Whether one of the principal's permissions lifts a kernel mechanism (masking, suppression). */
export function unlocks(principal: Principal, mechanism: AccessMechanism): boolean {
  let unlocked = unlockedByRole.get(principal.role);
  if (!unlocked) {
    const found = new Set<AccessMechanism>();
    for (const permission of permissionsOfRole(principal.role)) {
      const mechanismUnlocked = permissions.get(permission)?.declaration.unlocks;
      if (mechanismUnlocked !== undefined) found.add(mechanismUnlocked);
    }
    unlockedByRole.set(principal.role, (unlocked = found));
  }
  return unlocked.has(mechanism);
}

/**
 * The roles and permissions of one plugin set: what a caller of a province running it may hold.
 * A token naming a role or granting a permission of a plugin the province does not run is
 * refused when it is presented.
 */
export class AccessPolicy {
  private readonly roleMap: ReadonlyMap<string, { owner: string; declaration: RoleDeclaration }>;
  private readonly permissionMap: ReadonlyMap<string, { owner: string; declaration: PermissionDeclaration }>;

  private readonly extensions: ReadonlyMap<string, readonly string[]>;

  /** @param sources each plugin's declarations, core's first, then in dependency order. */
  constructor(readonly sources: readonly { owner: string; declarations: AccessDeclarations }[]) {
    const extensions = new Map<string, string[]>();
    for (const { declarations } of sources) {
      for (const [role, granted] of Object.entries(declarations.extendRoles ?? {})) extensions.set(role, [...(extensions.get(role) ?? []), ...granted]);
    }
    this.extensions = extensions;
    this.roleMap = new Map(sources.flatMap(({ owner, declarations }) => (declarations.roles ?? []).map((declaration) => [declaration.name, { owner, declaration }] as const)));
    this.permissionMap = new Map(
      sources.flatMap(({ owner, declarations }) => (declarations.permissions ?? []).map((declaration) => [declaration.name, { owner, declaration }] as const)),
    );
  }

  /** The role, when a plugin of this set declares it. */
  role(name: string): RoleDeclaration | undefined {
    return this.roleMap.get(name)?.declaration;
  }

  /** What a role holds in this plugin set: its declared permissions and those the set's plugins add. */
  permissionsOf(name: string): string[] {
    const role = this.role(name);
    return role ? [...new Set([...role.permissions, ...(this.extensions.get(name) ?? [])])] : [];
  }

  /** The plugin of this set that declares the role, if any. */
  roleOwner(name: string): string | undefined {
    return this.roleMap.get(name)?.owner;
  }

  /** The permission, when a plugin of this set declares it. */
  permission(name: string): PermissionDeclaration | undefined {
    return this.permissionMap.get(name)?.declaration;
  }

  /** Every role of the set with the plugin declaring it, core's first. */
  roles(): { owner: string; declaration: RoleDeclaration }[] {
    return [...this.roleMap.values()];
  }

  /** Every permission of the set with the plugin declaring it, core's first. */
  permissions(): { owner: string; declaration: PermissionDeclaration }[] {
    return [...this.permissionMap.values()];
  }
}
