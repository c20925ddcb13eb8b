import { loaderFields, statisticDescription, type TuopinBuilder } from '@tuopin/core';
import { AidSchemeEnum, StageEnum } from '../shared/vocabulary.js';
import { aidStatsLoader, type AidGroup } from './aid-stats.loader.js';
import { schoolStatsLoader } from './school-stats.loader.js';
import { statsKey, type EducationStatsSource } from './stats-source.js';

/**
 * `RegionStats.education`: the figures a county's education report quotes — students aided by
 * scheme and stage and the amounts, and the schools, staff and pupils — for an area and
 * everything under it, within the caller's scope, over a period (payments by the day paid). Figures about people
 * (students, payments, their sums) are protected for partners by the kernel; the school
 * inventory is a public institution's.
 */
export function registerEducationStatsSchema(builder: TuopinBuilder): void {
  const EducationStats = builder.objectRef<EducationStatsSource>('EducationStats');

  const AidGroupRef = builder.objectRef<AidGroup>('EducationAidGroup').implement({
    description: '某资助项目某学段的受助学生和金额 Students aided by one scheme at one stage, and the amount',
    scope: 'contained',
    fields: (t) => ({
      scheme: t.field({ type: AidSchemeEnum, resolve: (g) => g.scheme, description: '资助项目 Scheme' }),
      stage: t.field({ type: StageEnum, resolve: (g) => g.stage, description: '学段 Stage' }),
      students: t.int({ nullable: true, statistic: 'count', resolve: (g) => g.students, description: statisticDescription('count', '受助学生数', 'Students aided') }),
      payments: t.int({ nullable: true, statistic: 'count', resolve: (g) => g.payments, description: statisticDescription('count', '发放笔数', 'Payments') }),
      amount: t.field({ type: 'Money', nullable: true, statistic: { sum: 'students' }, resolve: (g) => g.amount, description: statisticDescription('sum', '资助金额', 'Amount paid') }),
    }),
  });

  EducationStats.implement({
    description: '教育扶贫统计（含全部下级，限于调用者权限范围） Education-aid figures of an area and its whole subtree, within the caller\'s scope',
    scope: 'contained',
    fields: (t) => {
      const aid = loaderFields(t, { loader: aidStatsLoader, key: statsKey });
      const schools = loaderFields(t, { loader: schoolStatsLoader, key: statsKey });
      const inventory = (zh: string, en: string, value: (f: Awaited<ReturnType<ReturnType<typeof schoolStatsLoader>['load']>>) => number) =>
        schools.field({ type: 'Int', statistic: 'public', description: `${zh}（学校公开数据） ${en} (a public school inventory)`, value });
      return {
        from: t.field({ type: 'Date', nullable: true, resolve: (s) => s.from, description: '统计起始日（为空则不限） First day counted; null for no limit' }),
        until: t.field({ type: 'Date', nullable: true, resolve: (s) => s.until, description: '统计截止日（为空则不限） Last day counted; null for no limit' }),
        aidedStudents: aid.count('受助学生数（不含已冲销的发放）', 'Students paid any aid, reversed payments excepted', (f) => f.students),
        aidPayments: aid.count('资助发放笔数', 'Aid payments, reversed ones excepted', (f) => f.payments),
        aidPaid: aid.sum('aidedStudents', '资助金额', 'Aid paid through the fund ledger, reversed payments excepted', (f) => f.amount),
        aidByScheme: aid.field({
          type: [AidGroupRef],
          statistic: { groups: 'students' },
          description: '按资助项目和学段的受助学生和金额（合作机构看不到人数不公布的组） Students and amounts by scheme and stage; partners do not see groups whose count is withheld',
          value: (f) => f.byScheme,
        }),
        schools: inventory('学校数', 'Schools', (f) => f.schools),
        teachersServing: inventory('在岗教职工', 'Staff in post', (f) => f.teachersServing),
        teachersRetired: inventory('退休教职工', 'Retired staff', (f) => f.teachersRetired),
        pupils: inventory('在校生', 'Pupils', (f) => f.pupils),
        floorArea: schools.field({ type: 'Float', statistic: 'public', description: '校舍面积（平方米，学校公开数据） Floor area of the school buildings, m² (a public school inventory)', value: (f) => f.floorArea }),
        unsafeFloorArea: schools.field({ type: 'Float', statistic: 'public', description: 'D级危房面积（平方米，学校公开数据） D-grade unsafe floor area, m² (a public school inventory)', value: (f) => f.unsafeFloorArea }),
      };
    },
  });

  builder.objectField('RegionStats', 'education', (t) =>
    t.field({
      type: EducationStats,
      description: '教育扶贫统计（雨露计划、学生资助、学校） Education-aid figures: 雨露计划, student aid, schools',
      args: {
        from: t.arg({ type: 'Date', description: '统计起始日（含），如年报用1月1日；不填则不限 First day counted, e.g. 1 January for an annual report; no limit if omitted' }),
        until: t.arg({ type: 'Date', description: '统计截止日（含），如年报用12月31日；不填则不限 Last day counted, e.g. 31 December; no limit if omitted' }),
      },
      resolve: ({ code }, { from, until }) => ({ code, from: from ?? null, until: until ?? null }),
    }),
  );
}
