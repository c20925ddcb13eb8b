import type { IssueCollector } from '../kernel/errors.js';
import { checkIdNumber } from './id-number.js';
import type {
  EducationLevel,
  EmploymentStatus,
  HealthStatus,
  LabourAbility,
  RelationToHead,
  SchoolStatus,
  Sex,
} from './member-enums.js';

/** A member as clients describe one. Sex and birth date are optional: the ID number carries both. */
export interface MemberFields {
  name: string;
  idNumber: string;
  sex?: Sex | null;
  birthDate?: string | null;
  relationToHead: RelationToHead;
  ethnicity?: string | null;
  education?: EducationLevel | null;
  schoolStatus?: SchoolStatus | null;
  health?: HealthStatus | null;
  labourAbility?: LabourAbility | null;
  employment?: EmploymentStatus | null;
  employmentMonths?: number | null;
  disabilityGrade?: number | null;
  medicalInsurance?: boolean | null;
  criticalIllnessInsurance?: boolean | null;
  pensionInsurance?: boolean | null;
}

/** The member's checked identity: the normalised ID number and what it says. */
export interface CheckedIdentity {
  idNumber: string;
  sex: Sex;
  birthDate: string;
}

/**
 * Checks a member's fields, adding problems under `prefix` (e.g. `members[1].`). Returns the
 * identity derived from the ID number when it is valid, so callers store derived values, not
 * whatever the client typed.
 */
export function checkMemberFields(issues: IssueCollector, prefix: string, member: MemberFields, today = new Date()): CheckedIdentity | null {
  const name = member.name.trim();
  if (name.length === 0 || name.length > 64) {
    issues.add(`${prefix}name`, '姓名不能为空且不超过64个字符', 'A name is 1–64 characters');
  }
  if (member.ethnicity != null && (member.ethnicity.trim().length === 0 || member.ethnicity.length > 16)) {
    issues.add(`${prefix}ethnicity`, '民族须为1–16个字符', 'Ethnicity is 1–16 characters');
  }
  if (member.employmentMonths != null && !(Number.isInteger(member.employmentMonths) && member.employmentMonths >= 0 && member.employmentMonths <= 12)) {
    issues.add(`${prefix}employmentMonths`, '务工时间须为0–12个月', 'Months worked must be 0–12');
  }
  if (member.disabilityGrade != null && !(Number.isInteger(member.disabilityGrade) && member.disabilityGrade >= 1 && member.disabilityGrade <= 4)) {
    issues.add(`${prefix}disabilityGrade`, '残疾等级须为1–4级', 'The disability grade is 1 to 4');
  }

  const check = checkIdNumber(member.idNumber, today);
  if (!check.valid) {
    issues.add(`${prefix}idNumber`, check.messageZh, check.messageEn);
    return null;
  }
  if (member.sex != null && member.sex !== check.sex) {
    issues.add(`${prefix}sex`, '性别与身份证号不符', `The sex does not match the ID number, which says ${check.sex}`);
  }
  if (member.birthDate != null && member.birthDate !== check.birthDate) {
    issues.add(`${prefix}birthDate`, `出生日期与身份证号不符（身份证号为${check.birthDate}）`, `The birth date does not match the ID number, which says ${check.birthDate}`);
  }
  return { idNumber: check.idNumber, sex: check.sex, birthDate: check.birthDate };
}
