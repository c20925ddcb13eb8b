import type { PermissionDeclaration, RoleDeclaration } from '@tuopin/core';

/** Finance's permissions. Reading ratings, credit lines and loans needs core's registry permission: they are a household's. */
export const FINANCE_PERMISSIONS = {
  /** Rate households, grant credit lines, disburse loans and record repayments, in the caller's areas. */
  manageLending: 'finance.lending.manage',
} as const;

export const FINANCE_PERMISSION_DECLARATIONS: readonly PermissionDeclaration[] = [
  { name: FINANCE_PERMISSIONS.manageLending, title: '办理扶贫小额信贷（评级、授信、放款、还款） Rate households, grant credit lines, lend and record repayments' },
];

export const FINANCE_ROLE_DECLARATIONS: readonly RoleDeclaration[] = [
  {
    // A lending bank's county branch (农商行、邮储银行): it handles the loans of the county's
    // households, reading who they are (ID numbers, to lend), but registers and changes no household.
    name: 'FINANCE_LOAN_OFFICER',
    title: '放贷机构信贷员 Loan officer of a lending bank branch in a county',
    permissions: ['core.registry.read', 'core.personal-data.read', FINANCE_PERMISSIONS.manageLending],
    scopeLevels: ['COUNTY'],
  },
];

/** The officers and administrators who lent before finance had a role of its own keep doing so. */
export const FINANCE_EXTENDS_ROLES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  ['NATIONAL_ADMIN', 'PROVINCE_ADMIN', 'COUNTY_OFFICER', 'TOWNSHIP_OFFICER', 'VILLAGE_OFFICER'].map((role) => [role, [FINANCE_PERMISSIONS.manageLending]]),
);
