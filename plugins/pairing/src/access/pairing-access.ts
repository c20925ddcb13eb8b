import type { PermissionDeclaration, RoleDeclaration } from '@tuopin/core';

/** The plugin's permissions: `<plugin>.<what>`. */
export const PAIRING_PERMISSIONS = {
  /** Add records for households in the caller's areas. */
  manageRecords: 'pairing.records.manage',
} as const;

export const PAIRING_PERMISSION_DECLARATIONS: readonly PermissionDeclaration[] = [
  { name: PAIRING_PERMISSIONS.manageRecords, title: '登记示例记录 Add pairing records' },
];

export const PAIRING_ROLE_DECLARATIONS: readonly RoleDeclaration[] = [
  {
    // A county worker of the programme: reads the registry and adds records, changes no household.
    name: 'PAIRING_RECORDER',
    title: '示例记录员 pairing recorder in a county',
    permissions: ['core.registry.read', PAIRING_PERMISSIONS.manageRecords],
    scopeLevels: ['COUNTY'],
  },
];

/** Core's officers do the plugin's work in their areas too. */
export const PAIRING_EXTENDS_ROLES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  ['NATIONAL_ADMIN', 'PROVINCE_ADMIN', 'COUNTY_OFFICER', 'TOWNSHIP_OFFICER', 'VILLAGE_OFFICER'].map((role) => [role, [PAIRING_PERMISSIONS.manageRecords]]),
);
