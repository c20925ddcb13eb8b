import { defineMutation, type TuopinBuilder } from '@tuopin/core';
import { educationRefs } from '../shared/education-refs.js';
import { SchoolKindEnum, StageEnum } from '../shared/vocabulary.js';
import { schoolLoader } from './school.loaders.js';
import { createSchool, updateSchool } from './school.service.js';

export function registerSchoolMutations(builder: TuopinBuilder): void {
  const { School } = educationRefs(builder);

  const StagePupilsInput = builder.inputType('SchoolStagePupilsInput', {
    description: '某学段在校生数 Pupils of one stage',
    fields: (t) => ({
      stage: t.field({ type: StageEnum, required: true, description: '学段 Stage' }),
      pupils: t.int({ required: true, description: '在校生数 Pupils' }),
    }),
  });


  defineMutation(builder, 'createSchool', {
    description: '登记学校（需学校管理权限，在您的管辖范围内） Register a school in a township or village of your areas',
    input: {
      description: '学校 A school to register',
      argumentDescription: '学校 The school',
      fields: (t) => ({
        name: t.string({ required: true, description: '学校名称 Name' }),
        kind: t.field({ type: SchoolKindEnum, required: true, description: '学校类型 Kind' }),
        areaCode: t.string({ required: true, description: '所在乡镇或村的区划代码 12-digit code of its township or village' }),
        teachersServing: t.int({ required: true, description: '在岗教职工 Staff in post' }),
        teachersRetired: t.int({ required: true, description: '退休教职工 Retired staff' }),
        pupils: t.field({ type: [StagePupilsInput], required: true, description: '按学段的在校生数 Pupils by stage' }),
        floorArea: t.float({ required: true, description: '校舍面积（平方米） Floor area, m²' }),
        unsafeFloorArea: t.float({ required: true, description: 'D级危房面积（平方米） D-grade unsafe floor area, m²' }),
      }),
    },
    resolve: async (input, ctx) => ({ schoolId: await createSchool(ctx, input) }),
    payload: {
      description: '学校 The school as stored',
      fields: (t) => ({
        school: t.field({ type: School, description: '学校 The school', resolve: async (p, _args, ctx) => (await schoolLoader(ctx).load(p.schoolId))! }),
      }),
    },
  });

  defineMutation(builder, 'updateSchool', {
    description: '修改学校的教职工、在校生或校舍（只改所填字段） Change a school\'s staff, pupils or buildings; only the fields given',
    input: {
      description: '学校的变更 Changes to a school',
      argumentDescription: '变更 The changes',
      fields: (t) => ({
        schoolId: t.id({ required: true, description: '学校全局 ID School global ID' }),
        name: t.string({ description: '学校名称 Name' }),
        kind: t.field({ type: SchoolKindEnum, description: '学校类型 Kind' }),
        teachersServing: t.int({ description: '在岗教职工 Staff in post' }),
        teachersRetired: t.int({ description: '退休教职工 Retired staff' }),
        pupils: t.field({ type: [StagePupilsInput], description: '按学段的在校生数（所填学段） Pupils of the stages given' }),
        floorArea: t.float({ description: '校舍面积（平方米） Floor area, m²' }),
        unsafeFloorArea: t.float({ description: 'D级危房面积（平方米） D-grade unsafe floor area, m²' }),
      }),
    },
    ids: { schoolId: 'School' },
    resolve: async (input, ctx) => ({ schoolId: await updateSchool(ctx, input) }),
    payload: {
      description: '学校 The school as stored',
      fields: (t) => ({
        school: t.field({ type: School, description: '学校 The school', resolve: async (p, _args, ctx) => (await schoolLoader(ctx).load(p.schoolId))! }),
      }),
    },
  });
}
