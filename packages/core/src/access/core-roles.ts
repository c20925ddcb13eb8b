import type { AccessDeclarations, RoleDeclaration } from '../kernel/access-declarations.js';
import type { ScopeLevel } from '../kernel/principal.js';
import { CORE_PERMISSIONS as P, CORE_PERMISSION_DECLARATIONS } from './core-permissions.js';

/** Core's eight roles. A plugin adds its own (prefixed with its name) through the same contract. */
export const ROLES = ['NATIONAL_ADMIN', 'PROVINCE_ADMIN', 'PREFECTURE_OFFICER', 'COUNTY_OFFICER', 'TOWNSHIP_OFFICER', 'VILLAGE_OFFICER', 'AUDITOR', 'NGO_PARTNER'] as const;
export type CoreRole = (typeof ROLES)[number];

const ANY_LEVEL: readonly ScopeLevel[] = ['NATION', 'PROVINCE', 'PREFECTURE', 'COUNTY', 'TOWNSHIP', 'VILLAGE'];

/** Administrators manage and oversee; they see people with personal data masked. */
const ADMINISTRATOR = [P.readRegistry, P.writeRegistry, P.readProjects, P.manageProjects, P.manageFunds, P.readAuditLog, P.administerApiKeys, P.exactStatistics];
/** Officers work with households: they see personal data, and every read of it is recorded. */
const OFFICER = [P.readRegistry, P.writeRegistry, P.readPersonalData, P.readProjects, P.manageProjects, P.manageFunds, P.exactStatistics, P.recordWorkTeams];
/**
 * The county dispatches and assesses work teams (its organisation department, 组织部). Tokens carry
 * the county's officers as COUNTY_OFFICER, so the county's role holds the permission; a deployment
 * that separates the departments declares a role of its own with it.
 */
const COUNTY_OFFICER = [...OFFICER, P.manageWorkTeams];

/** Core's roles: what each holds and where its scopes may point. */
export const CORE_ROLE_DECLARATIONS: readonly (RoleDeclaration & { name: CoreRole })[] = [
  { name: 'NATIONAL_ADMIN', title: '国家级管理员 National administrator', permissions: ADMINISTRATOR, scopeLevels: ['NATION'] },
  // The province checks, announces and approves a county's exit (摘帽); the prefecture checks it first.
  { name: 'PROVINCE_ADMIN', title: '省级管理员 Province administrator', permissions: [...ADMINISTRATOR, P.provinceCaseSteps], scopeLevels: ['PROVINCE'] },
  {
    name: 'PREFECTURE_OFFICER',
    title: '市州扶贫办干部 Prefecture poverty-office officer',
    permissions: [P.readRegistry, P.readProjects, P.exactStatistics, P.prefectureCaseSteps],
    scopeLevels: ['PREFECTURE'],
  },
  // Each level takes its own steps of a household's workflows: the village applies and assesses,
  // the township reviews, the county approves (workflow/workflow-actors.ts).
  { name: 'COUNTY_OFFICER', title: '县扶贫办干部 County poverty-office officer', permissions: [...COUNTY_OFFICER, P.countyCaseSteps], scopeLevels: ['COUNTY'] },
  { name: 'TOWNSHIP_OFFICER', title: '乡镇扶贫干部 Township officer', permissions: [...OFFICER, P.townshipCaseSteps], scopeLevels: ['TOWNSHIP'] },
  { name: 'VILLAGE_OFFICER', title: '村干部 Village officer', permissions: [...OFFICER, P.villageCaseSteps], scopeLevels: ['VILLAGE'] },
  {
    name: 'AUDITOR',
    title: '审计人员（只读） Auditor, read-only',
    permissions: [P.readRegistry, P.readPersonalData, P.readProjects, P.readAuditLog, P.exactStatistics],
    scopeLevels: ANY_LEVEL,
    queriesRecorded: true,
  },
  { name: 'NGO_PARTNER', title: '合作机构（公益组织、基金会） Partner NGO or foundation', permissions: [P.readProjects], scopeLevels: ANY_LEVEL },
];

/** Core's access declarations, given to `buildPlatform` as a plugin's are. */
export const CORE_ACCESS: AccessDeclarations = { permissions: CORE_PERMISSION_DECLARATIONS, roles: CORE_ROLE_DECLARATIONS };
