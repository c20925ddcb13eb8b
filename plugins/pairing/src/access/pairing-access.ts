import type { PermissionDeclaration, RoleDeclaration } from '@tuopin/core';

/** The plugin's permissions: `<plugin>.<what>`. */
export const PAIRING_PERMISSIONS = {
  /** Set up and end pairings of the caller's areas (the helped side's government). */
  managePairings: 'pairing.pairings.manage',
  /** Record on a pairing: its agreements, aid, people, labour, purchases, investment, visits. */
  manageRecords: 'pairing.records.manage',
  /** Read one pairing granted beyond the area tree, and record nothing on it. */
  readRecords: 'pairing.records.read',
} as const;

export const PAIRING_PERMISSION_DECLARATIONS: readonly PermissionDeclaration[] = [
  { name: PAIRING_PERMISSIONS.managePairings, title: '建立和结束结对帮扶关系 Set up and end pairings of the caller\'s areas' },
  {
    name: PAIRING_PERMISSIONS.manageRecords,
    title: '登记结对帮扶的协议、资金、人员、劳务、消费、产业和互访 Record a pairing\'s agreements, aid, people, labour, purchases, investment and visits',
    // A helper-side officer of another province records on exactly the pairing he is granted.
    grantableOn: ['Pairing'],
  },
  { name: PAIRING_PERMISSIONS.readRecords, title: '查看一个结对帮扶关系（授权） Read one pairing granted beyond the area tree', grantableOn: ['Pairing'] },
];

export const PAIRING_ROLE_DECLARATIONS: readonly RoleDeclaration[] = [
  {
    // The cooperation office's staff (协作办): record on the pairings of their areas; no registry.
    name: 'PAIRING_LIAISON_OFFICER',
    title: '东西部协作（对口帮扶）工作人员 Paired-assistance liaison officer of a province, prefecture or county',
    permissions: ['core.projects.read', PAIRING_PERMISSIONS.manageRecords],
    scopeLevels: ['PROVINCE', 'PREFECTURE', 'COUNTY'],
  },
];

/** Core's administrators and officers set up the pairings of their areas and record on them. */
export const PAIRING_EXTENDS_ROLES: Readonly<Record<string, readonly string[]>> = {
  NATIONAL_ADMIN: [PAIRING_PERMISSIONS.managePairings, PAIRING_PERMISSIONS.manageRecords],
  PROVINCE_ADMIN: [PAIRING_PERMISSIONS.managePairings, PAIRING_PERMISSIONS.manageRecords],
  COUNTY_OFFICER: [PAIRING_PERMISSIONS.managePairings, PAIRING_PERMISSIONS.manageRecords],
  TOWNSHIP_OFFICER: [PAIRING_PERMISSIONS.manageRecords],
  VILLAGE_OFFICER: [PAIRING_PERMISSIONS.manageRecords],
};
