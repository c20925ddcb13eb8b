import type { PermissionDeclaration, RoleDeclaration } from '@tuopin/core';

/** The plugin's permissions: `<plugin>.<what>`. */
export const RELOCATION_PERMISSIONS = {
  /** Add records for households in the caller's areas. */
  manageRecords: 'relocation.records.manage',
} as const;

export const RELOCATION_PERMISSION_DECLARATIONS: readonly PermissionDeclaration[] = [
  { name: RELOCATION_PERMISSIONS.manageRecords, title: '登记示例记录 Add relocation records' },
];

export const RELOCATION_ROLE_DECLARATIONS: readonly RoleDeclaration[] = [
  {
    // A county worker of the programme: reads the registry and adds records, changes no household.
    name: 'RELOCATION_RECORDER',
    title: '示例记录员 relocation recorder in a county',
    permissions: ['core.registry.read', RELOCATION_PERMISSIONS.manageRecords],
    scopeLevels: ['COUNTY'],
  },
];

/** Core's officers do the plugin's work in their areas too. */
export const RELOCATION_EXTENDS_ROLES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  ['NATIONAL_ADMIN', 'PROVINCE_ADMIN', 'COUNTY_OFFICER', 'TOWNSHIP_OFFICER', 'VILLAGE_OFFICER'].map((role) => [role, [RELOCATION_PERMISSIONS.manageRecords]]),
);
