import { pullConnection, areaLoader, checkDivisionCode, loadByDatabaseIds, registerEnum, type TuopinBuilder } from '@tuopin/core';
import { educationRefs } from '../shared/education-refs.js';
import { hasProperties } from '../shared/node-ids.js';
import { SCHOOL_KINDS, SchoolKindEnum, StageEnum, type Stage } from '../shared/vocabulary.js';
import { SchoolSchema, type School } from './school.entity.js';
import { schoolConditions, schoolLoader } from './school.loaders.js';

interface StagePupils {
  stage: Stage;
  pupils: number;
}

/** A school's pupils by stage, the stages it teaches (those with pupils). */
export function pupilsByStage(school: School): StagePupils[] {
  const all: StagePupils[] = [
    { stage: 'PRESCHOOL', pupils: school.pupilsPreschool },
    { stage: 'PRIMARY', pupils: school.pupilsPrimary },
    { stage: 'JUNIOR_SECONDARY', pupils: school.pupilsJunior },
    { stage: 'SENIOR_HIGH', pupils: school.pupilsSenior },
    { stage: 'SECONDARY_VOCATIONAL', pupils: school.pupilsVocational },
  ];
  return all.filter((entry) => entry.pupils > 0);
}

export function registerSchoolSchema(builder: TuopinBuilder): void {
  const { School } = educationRefs(builder);
  registerEnum(builder, SchoolKindEnum, 'SchoolKind', '学校类型 Kind of school', SCHOOL_KINDS);

  const StagePupilsRef = builder.objectRef<StagePupils>('SchoolStagePupils').implement({
    description: '某学段在校生数 Pupils of one stage at a school',
    scope: 'contained',
    fields: (t) => ({
      stage: t.field({ type: StageEnum, resolve: (s) => s.stage, description: '学段 Stage' }),
      pupils: t.exposeInt('pupils', { description: '在校生数 Pupils' }),
    }),
  });

  // A school is placed in its township or village; its staff see it through a grant on it.
  builder.node(School, {
    description: '学校 A school, as a township\'s school inventory lists it',
    scope: { area: (school) => school.areaCode, grantedThrough: (school) => [{ type: 'School', id: school.id }] },
    id: { resolve: (school) => school.id },
    isTypeOf: (value) => hasProperties(value, 'teachersServing', 'unsafeFloorArea'),
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => schoolLoader(ctx).load(id)),
    fields: (t) => ({
      name: t.exposeString('name', { description: '学校名称 Name' }),
      kind: t.field({ type: SchoolKindEnum, resolve: (s) => s.kind, description: '学校类型 Kind' }),
      areaCode: t.exposeString('areaCode', { description: '所在区划代码 12-digit code of the township or village it lies in' }),
      area: t.field({
        type: 'AdministrativeArea',
        description: '所在乡镇或村 The township or village it lies in',
        resolve: async (s, _args, ctx) => (await areaLoader(ctx).load(s.areaCode))!,
      }),
      teachersServing: t.exposeInt('teachersServing', { description: '在岗教职工 Staff in post' }),
      teachersRetired: t.exposeInt('teachersRetired', { description: '退休教职工 Retired staff' }),
      pupils: t.int({
        description: '在校生总数 Pupils in all stages',
        resolve: (s) => pupilsByStage(s).reduce((total, entry) => total + entry.pupils, 0),
      }),
      pupilsByStage: t.field({ type: [StagePupilsRef], description: '按学段的在校生数 Pupils by stage', resolve: (s) => pupilsByStage(s) }),
      floorArea: t.float({ description: '校舍面积（平方米） Floor area of its buildings, m²', resolve: (s) => Number(s.floorArea) }),
      unsafeFloorArea: t.float({ description: 'D级危房面积（平方米） D-grade unsafe floor area, m²', resolve: (s) => Number(s.unsafeFloorArea) }),
      updatedAt: t.field({ type: 'DateTime', resolve: (s) => s.updatedAt, description: '最后修改时间 Last changed at' }),
    }),
  });

  const SchoolConnection = builder.connectionObject({ type: School, name: 'SchoolConnection', description: '学校分页列表 A page of schools' });

  builder.queryField('schools', (t) =>
    t.connection(
      {
        type: School,
        description: '学校（区划及其下级，按区划代码排序） Schools in an area and everything under it, ordered by area code',
        args: {
          regionCode: t.arg.string({ description: '区划代码（含下级；不填为全部可见区域及授权学校） Division code; the area and everything under it, or everywhere you may see and the schools granted to you' }),
          kind: t.arg({ type: SchoolKindEnum, description: '学校类型 Only schools of this kind' }),
        },
        resolve: (_root, args, ctx) => {
          const regionCode = args.regionCode == null ? null : checkDivisionCode(args.regionCode, 'regionCode');
          return pullConnection(ctx, {
            entity: SchoolSchema,
            alias: 's',
            conditions: schoolConditions(ctx, { regionCode, kind: args.kind }),
            order: 'code',
            code: { property: 'areaCode', column: 'area_code' },
          }, args);
        },
      },
      SchoolConnection,
    ),
  );
}
