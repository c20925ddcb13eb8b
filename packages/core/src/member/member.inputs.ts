import type { TuopinBuilder } from '../kernel/builder.js';
import { perBuilder } from '../kernel/per-builder.js';
import { EducationLevelEnum, EmploymentStatusEnum, HealthStatusEnum, LabourAbilityEnum, RelationToHeadEnum, SchoolStatusEnum, SexEnum } from './member-enums.js';

/** The member fields other than name, ID number and relation; shared by create and update inputs. */
function detailFields(t: any) {
  return {
    sex: t.field({ type: SexEnum, description: '性别（可省略，须与身份证号一致） Sex; optional, must agree with the ID number' }),
    birthDate: t.field({ type: 'Date', description: '出生日期（可省略，须与身份证号一致） Birth date; optional, must agree with the ID number' }),
    ethnicity: t.string({ description: '民族 Ethnicity' }),
    education: t.field({ type: EducationLevelEnum, description: '文化程度 Education' }),
    schoolStatus: t.field({ type: SchoolStatusEnum, description: '在校生状况 School status' }),
    health: t.field({ type: HealthStatusEnum, description: '健康状况 Health' }),
    labourAbility: t.field({ type: LabourAbilityEnum, description: '劳动能力 Labour ability' }),
    employment: t.field({ type: EmploymentStatusEnum, description: '务工状况 Employment' }),
    employmentMonths: t.int({ description: '务工时间（月，0–12） Months worked, 0–12' }),
    disabilityGrade: t.int({ description: '残疾等级（1–4） Disability grade 1–4' }),
    medicalInsurance: t.boolean({ description: '基本医疗保险 Basic medical insurance' }),
    criticalIllnessInsurance: t.boolean({ description: '大病保险 Critical illness insurance' }),
    pensionInsurance: t.boolean({ description: '养老保险 Pension insurance' }),
  };
}

/** `MemberInput`: a new member, in registerHousehold and addMember. */
export const memberInput = perBuilder((builder: TuopinBuilder) =>
  builder.inputType('MemberInput', {
    description: '家庭成员 A household member',
    fields: (t) => ({
      name: t.string({ required: true, description: '姓名 Name' }),
      idNumber: t.string({ required: true, description: '身份证号（18位） Resident ID number, 18 characters' }),
      relationToHead: t.field({ type: RelationToHeadEnum, required: true, description: '与户主关系 Relation to head' }),
      ...detailFields(t),
    }),
  }),
);

/** The fields of `UpdateMemberInput`: a change to one member; absent fields stay, null clears optional ones. */
export function updateMemberFields(t: any) {
  return {
    id: t.id({ required: true, description: '成员全局 ID Member global ID' }),
    name: t.string({ description: '姓名 Name' }),
    idNumber: t.string({ description: '身份证号 ID number; birth date and sex follow it' }),
    relationToHead: t.field({ type: RelationToHeadEnum, description: '与户主关系（不能改为或改自户主） Relation; not to or from HEAD' }),
    ...detailFields(t),
  };
}
