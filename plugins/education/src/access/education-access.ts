import type { PermissionDeclaration, RoleDeclaration } from '@tuopin/core';

/** The education plugin's permissions: `education.<what>`. */
export const EDUCATION_PERMISSIONS = {
  /** Register and change schools, and run training courses, in the caller's areas. */
  manageSchools: 'education.schools.manage',
  /** Record enrolments and their status: in the caller's areas, or at one school granted to him. */
  recordEnrolments: 'education.enrolments.record',
  /** Apply for aid for students, check applications, record trainees and dropout cases. */
  manageAid: 'education.aid.manage',
  /** Pay approved aid through the fund ledger, to the student's own account. */
  payAid: 'education.aid.pay',
} as const;

export const EDUCATION_PERMISSION_DECLARATIONS: readonly PermissionDeclaration[] = [
  { name: EDUCATION_PERMISSIONS.manageSchools, title: '管理学校和培训班 Register schools and run training courses' },
  {
    name: EDUCATION_PERMISSIONS.recordEnrolments,
    title: '登记学籍及其状态 Record enrolments and their status',
    // A school's staff hold it on their school alone (a grant), not on an area.
    grantableOn: ['School'],
  },
  { name: EDUCATION_PERMISSIONS.manageAid, title: '受理和审核教育资助申请、登记培训学员和控辍保学 Apply for and check education aid, record trainees and dropout cases' },
  { name: EDUCATION_PERMISSIONS.payAid, title: '发放教育资助（记入资金台账） Pay education aid through the fund ledger' },
];

export const EDUCATION_ROLE_DECLARATIONS: readonly RoleDeclaration[] = [
  {
    // 县教育局: manages the county's schools, reviews and pays aid from the county's education
    // funds, reads students' account numbers to pay them, and registers or changes no household.
    // It pays (and reverses a mistaken payment) through core's ledger with core.ledger.disburse,
    // which neither creates funds nor changes projects.
    name: 'EDUCATION_BUREAU_OFFICER',
    title: '县教育局干部 County education-bureau officer',
    permissions: [
      'core.registry.read',
      'core.personal-data.read',
      'core.ledger.disburse',
      'core.projects.read',
      EDUCATION_PERMISSIONS.manageSchools,
      EDUCATION_PERMISSIONS.recordEnrolments,
      EDUCATION_PERMISSIONS.manageAid,
      EDUCATION_PERMISSIONS.payAid,
    ],
    scopeLevels: ['COUNTY'],
  },
  {
    // 学校工作人员: no permission of its own over an area. Its token carries a grant of
    // `education.enrolments.record` on its school, and it records that school's enrolments only.
    name: 'EDUCATION_SCHOOL_STAFF',
    title: '学校学籍管理人员 School staff who keep the school\'s enrolment records',
    permissions: [],
    scopeLevels: ['COUNTY', 'TOWNSHIP', 'VILLAGE'],
  },
];

const OFFICER_WORK = [EDUCATION_PERMISSIONS.recordEnrolments, EDUCATION_PERMISSIONS.manageAid];

/**
 * Village, township and county officers record enrolments, apply for aid and check applications
 * in their areas; the county officer, who manages the county's funds, also registers schools,
 * runs courses and pays. Administrators see personal data masked and get none of it.
 */
export const EDUCATION_EXTENDS_ROLES: Readonly<Record<string, readonly string[]>> = {
  COUNTY_OFFICER: [...OFFICER_WORK, EDUCATION_PERMISSIONS.manageSchools, EDUCATION_PERMISSIONS.payAid],
  TOWNSHIP_OFFICER: OFFICER_WORK,
  VILLAGE_OFFICER: OFFICER_WORK,
};
