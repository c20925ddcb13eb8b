import { pullConnection, checkDivisionCode, grantOn, loadByDatabaseIds, numericIdOf, registerEnum, type TuopinBuilder } from '@tuopin/core';
import { schoolLoader } from '../school/school.loaders.js';
import { educationRefs } from '../shared/education-refs.js';
import { hasProperties } from '../shared/node-ids.js';
import { ENROLMENT_STATUSES, EnrolmentStatusEnum, STAGES, StageEnum, TERMS, TermEnum } from '../shared/vocabulary.js';
import { EnrolmentSchema, type Enrolment } from './enrolment.entity.js';
import { enrolmentLoader, enrolmentScope, enrolmentsByMemberLoader, memberLoader } from './enrolment.loaders.js';

export function registerEnrolmentSchema(builder: TuopinBuilder): void {
  const { Enrolment, School } = educationRefs(builder);
  registerEnum(builder, StageEnum, 'EducationStage', '学段 School stage', STAGES);
  registerEnum(builder, TermEnum, 'SchoolTerm', '学期 Term', TERMS);
  registerEnum(builder, EnrolmentStatusEnum, 'EnrolmentStatus', '学籍状态 Enrolment status', ENROLMENT_STATUSES);

  builder.node(Enrolment, {
    description: '学籍 A household member\'s enrolment in one term',
    // The student's village places it; a school's staff see their school's enrolments by the grant.
    scope: { area: (e) => e.villageCode, grantedThrough: (e) => (e.schoolId == null ? [] : [{ type: 'School', id: e.schoolId }]) },
    // Registry data: roles that read the registry, or the staff of the school it is at.
    authScopes: (e, ctx) => (e.schoolId != null && grantOn(ctx.principal, 'School', e.schoolId) ? true : { permission: 'core.registry.read' }),
    id: { resolve: (e) => e.id },
    isTypeOf: (value) => hasProperties(value, 'studentNo', 'boarder'),
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => enrolmentLoader(ctx).load(id)),
    fields: (t) => ({
      student: t.field({
        type: 'Member',
        description: '学生（需查看建档立卡数据的权限） The student; needs the right to read the registry',
        authScopes: { permission: 'core.registry.read' },
        nullable: true,
        resolve: (e, _args, ctx) => memberLoader(ctx).load(e.memberId),
      }),
      studentId: t.globalID({ description: '学生的成员全局 ID The student\'s Member global ID', resolve: (e) => ({ type: 'Member', id: String(e.memberId) }) }),
      studentName: t.string({ nullable: true, description: '学生姓名 The student\'s name', resolve: async (e, _args, ctx) => (await memberLoader(ctx).load(e.memberId))?.name ?? null }),
      villageCode: t.exposeString('villageCode', { description: '学生所在村代码 12-digit code of the student\'s village' }),
      school: t.field({
        type: School,
        nullable: true,
        description: '学校（登记在本系统的） The school, when it is registered here',
        resolve: (e, _args, ctx) => (e.schoolId == null ? null : schoolLoader(ctx).load(e.schoolId)),
      }),
      schoolName: t.exposeString('schoolName', { description: '学校名称 Name of the school' }),
      stage: t.field({ type: StageEnum, resolve: (e) => e.stage, description: '学段 Stage' }),
      studentNo: t.exposeString('studentNo', { nullable: true, description: '学籍号 Student number' }),
      fullTime: t.exposeBoolean('fullTime', { description: '是否全日制 Full-time' }),
      boarder: t.exposeBoolean('boarder', { description: '是否寄宿 Boarder' }),
      year: t.exposeInt('year', { description: '年度 Calendar year of the term' }),
      term: t.field({ type: TermEnum, resolve: (e) => e.term, description: '学期 Term' }),
      status: t.field({ type: EnrolmentStatusEnum, resolve: (e) => e.status, description: '学籍状态 Status in that term' }),
      updatedAt: t.field({ type: 'DateTime', resolve: (e) => e.updatedAt, description: '最后修改时间 Last changed at' }),
    }),
  });

  const EnrolmentConnection = builder.connectionObject({ type: Enrolment, name: 'EnrolmentConnection', description: '学籍分页列表 A page of enrolments' });

  builder.queryField('enrolments', (t) =>
    t.connection(
      {
        type: Enrolment,
        description:
          '学籍（学生所在区划及其下级，或授权给您的学校），按村代码排序 Enrolments of students in an area and everything under it, and at the schools granted to you, ordered by village',
        args: {
          regionCode: t.arg.string({ description: '学生所在区划代码（含下级） Division code of the students\' area; the area and everything under it' }),
          schoolId: t.arg.id({ description: '只列该学校的学籍 Only enrolments at this school' }),
          year: t.arg.int({ description: '年度 Only this calendar year' }),
          term: t.arg({ type: TermEnum, description: '学期 Only this term' }),
          status: t.arg({ type: EnrolmentStatusEnum, description: '学籍状态 Only this status' }),
        },
        resolve: (_root, args, ctx) => {
          const regionCode = args.regionCode == null ? null : checkDivisionCode(args.regionCode, 'regionCode');
          const schoolId = args.schoolId == null ? null : numericIdOf(args.schoolId, 'School', 'schoolId');
          const scope = enrolmentScope(ctx, 'e', regionCode);
          return pullConnection(ctx, {
            entity: EnrolmentSchema,
            alias: 'e',
            conditions: scope && ((sql) => {
              scope(sql);
              if (schoolId !== null) sql.append(' and e.school_id = ?', schoolId);
              if (args.year != null) sql.append(' and e.year = ?', args.year);
              if (args.term) sql.append(' and e.term = ?', args.term);
              if (args.status) sql.append(' and e.status = ?', args.status);
            }),
            order: 'code',
            code: { property: 'villageCode', column: 'village_code' },
          }, args);
        },
      },
      EnrolmentConnection,
    ),
  );

  builder.objectField('Member', 'enrolments', (t) =>
    t.field({
      type: [Enrolment],
      description: '学籍（按学期，新的在前） The member\'s enrolments, newest term first',
      resolve: (member, _args, ctx) => enrolmentsByMemberLoader(ctx).load(member.id),
    }),
  );
}

export type { Enrolment };
