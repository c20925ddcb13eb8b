import { defineMutation, type TuopinBuilder } from '@tuopin/core';
import { educationRefs } from '../shared/education-refs.js';
import { EnrolmentStatusEnum, StageEnum, TermEnum } from '../shared/vocabulary.js';
import { enrolmentLoader } from './enrolment.loaders.js';
import { changeEnrolmentStatus, recordEnrolment } from './enrolment.service.js';

export function registerEnrolmentMutations(builder: TuopinBuilder): void {
  const { Enrolment } = educationRefs(builder);

  defineMutation(builder, 'recordEnrolment', {
    description:
      '登记学籍：学校工作人员登记本校学籍（授权），干部和教育局登记本辖区学生的学籍 Record a member\'s enrolment in a term: school staff at their own school (a grant), officers for the students of their areas',
    input: {
      description: '某学期的学籍 An enrolment in one term',
      argumentDescription: '学籍 The enrolment',
      fields: (t) => ({
        memberId: t.id({ required: true, description: '学生（成员全局 ID） The student, a Member global ID' }),
        idNumber: t.string({
          description:
            '学生身份证号（看不到个人信息的角色如学校工作人员必填，须与该成员一致，否则按学生不存在处理） The student\'s ID number: required of roles that see personal data masked, such as school staff; a number that does not match answers as an unknown student',
        }),
        schoolId: t.id({ description: '学校全局 ID（登记在本系统的学校） School global ID, for a school registered here' }),
        schoolName: t.string({ description: '学校名称（学校未登记时必填） Name of the school; required when it is not registered here' }),
        stage: t.field({ type: StageEnum, required: true, description: '学段 Stage' }),
        studentNo: t.string({ description: '学籍号 Student number' }),
        fullTime: t.boolean({ required: true, description: '是否全日制 Full-time' }),
        boarder: t.boolean({ required: true, description: '是否寄宿 Boarder' }),
        year: t.int({ required: true, description: '年度 Calendar year of the term' }),
        term: t.field({ type: TermEnum, required: true, description: '学期 Term' }),
        status: t.field({ type: EnrolmentStatusEnum, description: '学籍状态（默认在读） Status; enrolled if omitted' }),
      }),
    },
    ids: { memberId: 'Member', schoolId: 'School' },
    resolve: async (input, ctx) => ({ enrolmentId: await recordEnrolment(ctx, input) }),
    payload: {
      description: '学籍 The enrolment as stored',
      fields: (t) => ({
        enrolment: t.field({ type: Enrolment, description: '学籍 The enrolment', resolve: async (p, _args, ctx) => (await enrolmentLoader(ctx).load(p.enrolmentId))! }),
      }),
    },
  });

  defineMutation(builder, 'changeEnrolmentStatus', {
    description: '修改学籍状态（休学、入伍、辍学、毕业等） Change an enrolment\'s status: suspended, military leave, dropped out, graduated…',
    input: {
      description: '学籍状态的变更 A change of an enrolment\'s status',
      argumentDescription: '变更 The change',
      fields: (t) => ({
        enrolmentId: t.id({ required: true, description: '学籍全局 ID Enrolment global ID' }),
        status: t.field({ type: EnrolmentStatusEnum, required: true, description: '新状态 The new status' }),
      }),
    },
    ids: { enrolmentId: 'Enrolment' },
    resolve: async (input, ctx) => ({ enrolmentId: await changeEnrolmentStatus(ctx, input) }),
    payload: {
      description: '学籍 The enrolment as stored',
      fields: (t) => ({
        enrolment: t.field({ type: Enrolment, description: '学籍 The enrolment', resolve: async (p, _args, ctx) => (await enrolmentLoader(ctx).load(p.enrolmentId))! }),
      }),
    },
  });
}
