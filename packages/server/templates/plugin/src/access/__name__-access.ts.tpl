import type { PermissionDeclaration, RoleDeclaration } from '@tuopin/core';

/** The plugin's permissions: `<plugin>.<what>`. */
export const __PREFIX___PERMISSIONS = {
  /** Add records for households in the caller's areas. */
  manageRecords: '__name__.records.manage',
} as const;

export const __PREFIX___PERMISSION_DECLARATIONS: readonly PermissionDeclaration[] = [
  { name: __PREFIX___PERMISSIONS.manageRecords, title: '登记示例记录 Add __name__ records' },
];

export const __PREFIX___ROLE_DECLARATIONS: readonly RoleDeclaration[] = [
  {
    // A county worker of the programme: reads the registry and adds records, changes no household.
    name: '__PREFIX___RECORDER',
    title: '示例记录员 __name__ recorder in a county',
    permissions: ['core.registry.read', __PREFIX___PERMISSIONS.manageRecords],
    scopeLevels: ['COUNTY'],
  },
];

/** Core's officers do the plugin's work in their areas too. */
export const __PREFIX___EXTENDS_ROLES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  ['NATIONAL_ADMIN', 'PROVINCE_ADMIN', 'COUNTY_OFFICER', 'TOWNSHIP_OFFICER', 'VILLAGE_OFFICER'].map((role) => [role, [__PREFIX___PERMISSIONS.manageRecords]]),
);
