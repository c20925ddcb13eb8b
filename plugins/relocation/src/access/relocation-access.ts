import type { PermissionDeclaration, RoleDeclaration } from '@tuopin/core';

/**
 * The plugin's permissions. Reading relocated households needs core's registry permission (they
 * are the registry's households); sites are public notices, read by anyone whose areas hold them.
 */
export const RELOCATION_PERMISSIONS = {
  /** Record and check sites, flats, relocated households, demolition, reclamation and support in the caller's areas. */
  manage: 'relocation.manage',
} as const;

export const RELOCATION_PERMISSION_DECLARATIONS: readonly PermissionDeclaration[] = [
  { name: RELOCATION_PERMISSIONS.manage, title: '办理易地扶贫搬迁（安置点、搬迁户、分房、拆旧复垦、后续扶持） Record and check relocation: sites, households, flats, demolition, reclamation, support' },
];

export const RELOCATION_ROLE_DECLARATIONS: readonly RoleDeclaration[] = [
  {
    // A county's relocation office (易地扶贫搬迁办公室, often in the development and reform bureau):
    // it runs the sites and the households' moves and reads the registry to do so, but registers
    // and changes no household and pays nothing (subsidies are paid by those who manage the funds).
    name: 'RELOCATION_OFFICER',
    title: '县易地扶贫搬迁办公室干部 Officer of a county relocation office',
    permissions: ['core.registry.read', 'core.projects.read', RELOCATION_PERMISSIONS.manage],
    scopeLevels: ['COUNTY'],
  },
];

/** The area's officers (and administrators) record and check relocation in their areas too. */
export const RELOCATION_EXTENDS_ROLES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  ['NATIONAL_ADMIN', 'PROVINCE_ADMIN', 'COUNTY_OFFICER', 'TOWNSHIP_OFFICER', 'VILLAGE_OFFICER'].map((role) => [role, [RELOCATION_PERMISSIONS.manage]]),
);
