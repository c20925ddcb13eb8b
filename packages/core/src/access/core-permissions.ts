import type { PermissionDeclaration } from '../kernel/access-declarations.js';

/** Core's permissions by what they allow; the names are what tokens, fields and grants carry. */
export const CORE_PERMISSIONS = {
  /** Households and members at all (NGO partners see projects and funds only). */
  readRegistry: 'core.registry.read',
  /** Register and change households and members. */
  writeRegistry: 'core.registry.write',
  /** ID numbers, birth dates, bank accounts and health unmasked; every such read is recorded. */
  readPersonalData: 'core.personal-data.read',
  /** Projects, their funding and their ledger. Area scope decides which; grantable on one project. */
  readProjects: 'core.projects.read',
  /** Create and run projects; grantable on one project. */
  manageProjects: 'core.projects.manage',
  /** Manage funds and move money through the ledger. */
  manageFunds: 'core.funds.manage',
  /**
   * Pay against an allocation and reverse such a payment where both the fund and the project lie
   * in the caller's areas, without managing either: a county bureau that pays its programme's aid.
   */
  disburse: 'core.ledger.disburse',
  /** The audit log, within the caller's areas. */
  readAuditLog: 'core.audit-log.read',
  /** Create and revoke partner API keys within the caller's areas. */
  administerApiKeys: 'core.api-keys.administer',
  /** Statistics about people exactly, without small-count protection. */
  exactStatistics: 'core.statistics.exact',
  /** 组织部: register cadres and units, dispatch work teams, recall cadres, record yearly assessments. */
  manageWorkTeams: 'core.work-teams.manage',
  /** Record a team's days in the village, leave, helpers' pairings with households and their visits. */
  recordWorkTeams: 'core.work-teams.record',
  /** The village's steps of a household's workflows: apply, assess, post the village notice. */
  villageCaseSteps: 'core.cases.village',
  /** The township's steps: review, the township notice. */
  townshipCaseSteps: 'core.cases.township',
  /** The county's steps: recheck, announce, approve. */
  countyCaseSteps: 'core.cases.county',
  /** The prefecture's steps: check a county's exit (摘帽). */
  prefectureCaseSteps: 'core.cases.prefecture',
  /** The province's steps: check, announce and approve a county's exit. */
  provinceCaseSteps: 'core.cases.province',
} as const;

export type CorePermission = (typeof CORE_PERMISSIONS)[keyof typeof CORE_PERMISSIONS];

/** Core's permission declarations, in the order the README lists them. */
export const CORE_PERMISSION_DECLARATIONS: readonly PermissionDeclaration[] = [
  { name: CORE_PERMISSIONS.readRegistry, title: '查看建档立卡户和成员 Read registered households and their members' },
  { name: CORE_PERMISSIONS.writeRegistry, title: '登记和修改建档立卡户和成员 Register and change households and members' },
  {
    name: CORE_PERMISSIONS.readPersonalData,
    title: '查看未遮蔽的个人信息（每次读取均记录） Read personal data unmasked; every read is recorded',
    unlocks: 'unmasked-personal-data',
  },
  { name: CORE_PERMISSIONS.readProjects, title: '查看项目及其资金和台账 Read projects, their funding and ledger', grantableOn: ['Project'] },
  { name: CORE_PERMISSIONS.manageProjects, title: '管理项目（入库、变更、公示、状态） Create and run projects', grantableOn: ['Project'] },
  { name: CORE_PERMISSIONS.manageFunds, title: '管理资金及安排、报账 Manage funds, allocations and payments' },
  {
    name: CORE_PERMISSIONS.disburse,
    title: '报账及冲销报账（资金和项目均在辖区内，不管理二者） Pay against allocations and reverse payments where fund and project are in one\'s areas, without managing either',
  },
  { name: CORE_PERMISSIONS.readAuditLog, title: '查看审计日志 Read the audit log' },
  { name: CORE_PERMISSIONS.administerApiKeys, title: '管理合作机构 API 密钥 Create and revoke partner API keys' },
  {
    name: CORE_PERMISSIONS.exactStatistics,
    title: '查看精确统计（不做小数保护） See statistics about people exactly, without small-count protection',
    unlocks: 'exact-statistics',
  },
  { name: CORE_PERMISSIONS.manageWorkTeams, title: '派驻工作队（登记干部、派驻、召回、年度考核） Dispatch work teams: register cadres, dispatch, recall and assess them' },
  { name: CORE_PERMISSIONS.recordWorkTeams, title: '记录驻村天数、请假、结对帮扶和走访 Record days in the village, leave, helper pairings and visits' },
  { name: CORE_PERMISSIONS.villageCaseSteps, title: '办理村级流程环节（申请、评议、村内公示） Take a workflow\'s village steps: apply, assess, post the village notice' },
  { name: CORE_PERMISSIONS.townshipCaseSteps, title: '办理乡镇流程环节（审核、乡镇公示） Take a workflow\'s township steps: review and the township notice' },
  { name: CORE_PERMISSIONS.countyCaseSteps, title: '办理县级流程环节（复核、公告、审批） Take a workflow\'s county steps: recheck, announce, approve' },
  { name: CORE_PERMISSIONS.prefectureCaseSteps, title: '办理市州流程环节（县级退出初审） Take a workflow\'s prefecture steps: check a county\'s exit' },
  { name: CORE_PERMISSIONS.provinceCaseSteps, title: '办理省级流程环节（县级退出核查、公示、批准） Take a workflow\'s province steps: check, announce and approve a county\'s exit' },
];
