import { defineMutation, type TuopinBuilder } from '@tuopin/core';
import { CourseKindEnum, TraineeStatusEnum } from '../shared/vocabulary.js';
import { courseLoader, traineeLoader } from './training.loaders.js';
import { createCourse, enrolTrainee, recordTraineeOutcome } from './training.service.js';

export function registerTrainingMutations(builder: TuopinBuilder): void {
  defineMutation(builder, 'createTrainingCourse', {
    description: '举办培训班（需学校和培训管理权限，在您的辖区） Register a training course run for an area of yours',
    input: {
      description: '培训班 A training course',
      argumentDescription: '培训班 The course',
      fields: (t) => ({
        name: t.string({ required: true, description: '名称 Name' }),
        kind: t.field({ type: CourseKindEnum, required: true, description: '类别 Kind' }),
        areaCode: t.string({ required: true, description: '举办区划代码 12-digit code of the area that runs it' }),
        venue: t.string({ required: true, description: '培训地点 Venue' }),
        provider: t.string({ required: true, description: '承办机构 Provider' }),
        startDate: t.field({ type: 'Date', required: true, description: '开始日期 First day' }),
        endDate: t.field({ type: 'Date', required: true, description: '结束日期（不早于开始日期） Last day; not before the first' }),
        cost: t.field({ type: 'Money', required: true, description: '培训费用 Cost' }),
      }),
    },
    resolve: async (input, ctx) => ({ courseId: await createCourse(ctx, input) }),
    payload: {
      description: '培训班 The course',
      fields: (t) => ({ course: t.field({ type: 'TrainingCourse', description: '培训班 The course', resolve: async (p, _args, ctx) => (await courseLoader(ctx).load(p.courseId))! }) }),
    },
  });

  defineMutation(builder, 'enrolTrainee', {
    description: '登记培训学员（本辖区的成员） Put a member of your areas on a course',
    input: {
      description: '学员 A trainee',
      argumentDescription: '学员 The trainee',
      fields: (t) => ({
        courseId: t.id({ required: true, description: '培训班全局 ID TrainingCourse global ID' }),
        memberId: t.id({ required: true, description: '成员全局 ID Member global ID' }),
      }),
    },
    ids: { courseId: 'TrainingCourse', memberId: 'Member' },
    resolve: async (input, ctx) => ({ traineeId: await enrolTrainee(ctx, input) }),
    payload: {
      description: '学员 The trainee',
      fields: (t) => ({ trainee: t.field({ type: 'Trainee', description: '学员 The trainee', resolve: async (p, _args, ctx) => (await traineeLoader(ctx).load(p.traineeId))! }) }),
    },
  });

  defineMutation(builder, 'recordTraineeOutcome', {
    description: '登记学员结业和培训后就业（培训结束后） Record a trainee\'s completion and employment afterwards, once the course has ended',
    input: {
      description: '培训结果 A training outcome',
      argumentDescription: '结果 The outcome',
      fields: (t) => ({
        traineeId: t.id({ required: true, description: '学员全局 ID Trainee global ID' }),
        status: t.field({ type: TraineeStatusEnum, required: true, description: '状态 Status' }),
        certificateNo: t.string({ description: '结业证书编号 Certificate number' }),
        employed: t.boolean({ description: '是否就业 Employed' }),
        employer: t.string({ description: '就业单位或地点（就业时必填） Where employed; required when employed' }),
        employedFrom: t.field({ type: 'Date', description: '就业起始日期（就业时必填，须在培训结束后） Employed from; required when employed, after the course' }),
      }),
    },
    ids: { traineeId: 'Trainee' },
    resolve: async (input, ctx) => ({ traineeId: await recordTraineeOutcome(ctx, input) }),
    payload: {
      description: '学员 The trainee',
      fields: (t) => ({ trainee: t.field({ type: 'Trainee', description: '学员 The trainee', resolve: async (p, _args, ctx) => (await traineeLoader(ctx).load(p.traineeId))! }) }),
    },
  });
}
