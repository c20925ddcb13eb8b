import { pullConnection, changeTimeDescription, changeTimeValue, checkDivisionCode, loadByDatabaseIds, registerEnum, updatedAfterDescription, type TuopinBuilder } from '@tuopin/core';
import { memberLoader } from '../enrolment/enrolment.loaders.js';
import { hasProperties } from '../shared/node-ids.js';
import { COURSE_KINDS, CourseKindEnum, TRAINEE_STATUSES, TraineeStatusEnum } from '../shared/vocabulary.js';
import { CourseSchema, type Course, type Trainee } from './training.entity.js';
import { courseConditions, courseLoader, traineeLoader, traineesByCourseLoader, traineesByMemberLoader } from './training.loaders.js';

export function registerTrainingSchema(builder: TuopinBuilder): void {
  registerEnum(builder, CourseKindEnum, 'TrainingCourseKind', '培训类别 Kind of training course', COURSE_KINDS);
  registerEnum(builder, TraineeStatusEnum, 'TraineeStatus', '学员状态 Where a trainee stands', TRAINEE_STATUSES);
  const CourseRef = builder.objectRef<Course>('TrainingCourse');
  const TraineeRef = builder.objectRef<Trainee>('Trainee');

  // A course is a public notice of a programme (who runs it, where, when, at what cost): anyone
  // may read it, partners pull it; its trainees are registry data.
  builder.node(CourseRef, {
    description: '培训班（雨露计划等短期培训） A short-term training course',
    scope: 'public',
    id: { resolve: (c) => c.id },
    isTypeOf: (value) => hasProperties(value, 'venue', 'provider'),
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => courseLoader(ctx).load(id)),
    fields: (t) => ({
      name: t.exposeString('name', { description: '名称 Name' }),
      kind: t.field({ type: CourseKindEnum, resolve: (c) => c.kind, description: '类别 Kind' }),
      areaCode: t.exposeString('areaCode', { description: '举办区划代码 12-digit code of the area that runs it' }),
      venue: t.exposeString('venue', { description: '培训地点 Venue' }),
      provider: t.exposeString('provider', { description: '承办机构 Provider' }),
      startDate: t.field({ type: 'Date', resolve: (c) => c.startDate, description: '开始日期 First day' }),
      endDate: t.field({ type: 'Date', resolve: (c) => c.endDate, description: '结束日期 Last day' }),
      cost: t.field({ type: 'Money', resolve: (c) => c.cost, description: '培训费用 Cost' }),
      trainees: t.field({
        type: [TraineeRef],
        authScopes: { permission: 'core.registry.read' },
        description: '学员（您辖区内的；需查看建档立卡数据的权限） Its trainees in your areas; needs the right to read the registry',
        resolve: (c, _args, ctx) => traineesByCourseLoader(ctx).load(c.id),
      }),
      updatedAt: t.field({
        type: 'DateTime',
        resolve: (c, _args, ctx) => changeTimeValue(ctx, c.updatedAt),
        description: changeTimeDescription('最后修改时间（含学员结业、就业）', 'Last changed at, its trainees\' outcomes included'),
      }),
    }),
  });

  builder.node(TraineeRef, {
    description: '培训学员 A household member on a course, with completion and employment afterwards',
    scope: { area: (t) => t.villageCode },
    authScopes: { permission: 'core.registry.read' },
    id: { resolve: (t) => t.id },
    isTypeOf: (value) => hasProperties(value, 'courseId', 'employedFrom'),
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => traineeLoader(ctx).load(id)),
    fields: (t) => ({
      course: t.field({ type: CourseRef, description: '培训班 The course', resolve: async (tr, _args, ctx) => (await courseLoader(ctx).load(tr.courseId))! }),
      member: t.field({ type: 'Member', nullable: true, description: '学员 The member', resolve: (tr, _args, ctx) => memberLoader(ctx).load(tr.memberId) }),
      status: t.field({ type: TraineeStatusEnum, resolve: (tr) => tr.status, description: '状态 Status' }),
      certificateNo: t.exposeString('certificateNo', { nullable: true, description: '结业证书编号 Certificate number' }),
      employed: t.exposeBoolean('employed', { nullable: true, description: '培训后是否就业（未登记为空） Employed after the course; null until recorded' }),
      employer: t.exposeString('employer', { nullable: true, description: '就业单位或地点 Where employed' }),
      employedFrom: t.field({ type: 'Date', nullable: true, resolve: (tr) => tr.employedFrom ?? null, description: '就业起始日期 Employed from' }),
    }),
  });

  const Connection = builder.connectionObject({ type: CourseRef, name: 'TrainingCourseConnection', description: '培训班分页列表 A page of training courses' });
  builder.queryField('trainingCourses', (t) =>
    t.connection(
      {
        type: CourseRef,
        description:
          '培训班（区划及其下级举办的），按区划代码排序；给出 updatedAfter 时按修改时间排序，供合作机构拉取变更 Courses run in an area and under it, by area; with updatedAfter, those changed after that moment in the order they changed, for partners\' pulls',
        args: {
          regionCode: t.arg.string({ description: '区划代码（含下级） Division code; the area and everything under it' }),
          kind: t.arg({ type: CourseKindEnum, description: '类别 Only this kind' }),
          updatedAfter: t.arg({ type: 'DateTime', description: updatedAfterDescription('只列此时刻之后有变更的', 'Only courses changed after this moment') }),
        },
        resolve: (_root, args, ctx) => {
          const regionCode = args.regionCode == null ? null : checkDivisionCode(args.regionCode, 'regionCode');
          return pullConnection(ctx, {
            entity: CourseSchema,
            alias: 'c',
            conditions: courseConditions({ regionCode, kind: args.kind }),
            updatedAfter: args.updatedAfter,
            code: { property: 'areaCode', column: 'area_code' },
          }, args);
        },
      },
      Connection,
    ),
  );

  builder.objectField('Member', 'trainings', (t) =>
    t.field({ type: [TraineeRef], description: '参加的培训 The courses the member took', resolve: (member, _args, ctx) => traineesByMemberLoader(ctx).load(member.id) }),
  );
}
