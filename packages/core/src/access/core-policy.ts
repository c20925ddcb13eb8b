import { hasPermission, registerAccess, unlocks } from '../kernel/access-registry.js';
import type { Principal } from '../kernel/principal.js';
import { CORE_PERMISSIONS } from './core-permissions.js';
import { CORE_ACCESS } from './core-roles.js';

export { ROLES, type CoreRole } from './core-roles.js';

// Core's roles are known as soon as core is loaded: services, seeds and the command line consult
// them before (or without) building a platform. buildPlatform registers them again, a no-op.
registerAccess('core', CORE_ACCESS);

/*
 * Core's access checks, by permission. They keep the names they had when roles were hard-coded,
 * so callers did not change; each now asks whether the caller's role holds a permission.
 */

/** May register and change households and members. */
export const canWriteRegistry = (principal: Principal): boolean => hasPermission(principal, CORE_PERMISSIONS.writeRegistry);

/** May read households and members at all (NGO partners may not). */
export const canReadRegistry = (principal: Principal): boolean => hasPermission(principal, CORE_PERMISSIONS.readRegistry);

/** May create and run projects (项目库) in its areas; per project, a grant may allow it too (`assertCanManageProjectAt`). */
export const canManageProjects = (principal: Principal): boolean => hasPermission(principal, CORE_PERMISSIONS.manageProjects);

/** May manage funds and their ledger in its areas. */
export const canManageFunds = (principal: Principal): boolean => hasPermission(principal, CORE_PERMISSIONS.manageFunds);

/** May pay against allocations (and reverse payments) in its areas: a fund manager, or a holder of `core.ledger.disburse`. */
export const canDisburse = (principal: Principal): boolean => canManageFunds(principal) || hasPermission(principal, CORE_PERMISSIONS.disburse);

/** Sees personal data unmasked (the kernel's masking asks the same through the permission's `unlocks`). */
export const canReadPersonalData = (principal: Principal): boolean => unlocks(principal, 'unmasked-personal-data');

/** May read the audit log within its areas. */
export const canReadAuditLog = (principal: Principal): boolean => hasPermission(principal, CORE_PERMISSIONS.readAuditLog);

/** May create and revoke partner API keys within its areas. */
export const canAdministerApiKeys = (principal: Principal): boolean => hasPermission(principal, CORE_PERMISSIONS.administerApiKeys);

/** Gets statistics about people with small-count protection: every role without `core.statistics.exact`. */
export const seesSuppressedStatistics = (principal: Principal): boolean => !unlocks(principal, 'exact-statistics');

/**
 * A national administrator acting for the system itself: command-line tools, seeds and tests
 * that call services directly. Requests never run as it; they carry an authenticated principal.
 */
export const SYSTEM_PRINCIPAL: Principal = Object.freeze({
  id: 'system',
  role: 'NATIONAL_ADMIN',
  areaScopes: Object.freeze(['']),
  provinceCode: null,
});
