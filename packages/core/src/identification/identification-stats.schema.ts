import { AssistanceClassEnum, HouseholdCategoryEnum, PovertyCauseEnum, type AssistanceClass, type HouseholdCategory, type PovertyCause } from '../household/household-enums.js';
import type { TuopinBuilder } from '../kernel/builder.js';
import { loaderFields } from '../kernel/loader-field.js';
import { statisticDescription } from '../kernel/statistic-declaration.js';
import { ValidationError } from '../kernel/errors.js';
import { identificationStatsLoader, type IdentifiedGroup } from './identification-stats.loader.js';

/**
 * `RegionStats.identification`: households and people identified as poor in a year (or in every
 * year), by main cause, category and assistance class, from the registry — so the households of
 * older rolls count too — and the applications filed that year by outcome. Partners get them
 * protected like every count; a group whose count is withheld is not listed.
 */
export function registerIdentificationStats(builder: TuopinBuilder): void {
  const groupType = <Key extends string>(name: string, description: string, keyField: string, keyType: unknown, keyDescription: string) =>
    builder.objectRef<IdentifiedGroup>(name).implement({
      description,
      scope: 'contained',
      fields: (t) => ({
        [keyField]: t.field({ type: keyType as never, resolve: (g) => g.key as Key as never, description: keyDescription }),
        households: t.int({ nullable: true, statistic: 'count', resolve: (g) => g.households, description: statisticDescription('count', '户数', 'Households') }),
        people: t.int({ nullable: true, statistic: 'count', resolve: (g) => g.people, description: statisticDescription('count', '人数', 'People') }),
      }),
    });
  const ByCause = groupType<PovertyCause>('IdentifiedByCause', '按主要致贫原因的识别户数和人数 Identified households and people by main cause', 'cause', PovertyCauseEnum, '主要致贫原因 Main cause');
  const ByCategory = groupType<HouseholdCategory>('IdentifiedByCategory', '按贫困户属性的识别户数和人数 Identified households and people by category', 'category', HouseholdCategoryEnum, '贫困户属性 Category');
  const ByClass = groupType<AssistanceClass>('IdentifiedByClass', '按帮扶分类的识别户数和人数 Identified households and people by assistance class', 'assistanceClass', AssistanceClassEnum, '帮扶分类 Assistance class');

  builder.objectType('IdentificationStats', {
    description: '贫困户识别统计（含全部下级，限于调用者权限范围） Identification figures of an area and its whole subtree, within the caller\'s scope',
    scope: 'contained',
    fields: (t) => {
      const figures = loaderFields(t, { loader: identificationStatsLoader, key: (source) => source });
      const { count } = figures;
      const groups = (type: typeof ByCause, zh: string, en: string, value: (f: Awaited<ReturnType<ReturnType<typeof identificationStatsLoader>['load']>>) => IdentifiedGroup[]) =>
        figures.field({ type: [type], statistic: { groups: 'households' }, description: `${zh} ${en}; partners do not see groups whose count is withheld`, value });
      return {
        year: t.int({ nullable: true, statistic: 'public', resolve: (s) => s.year, description: '识别年度（为空则为全部年度） The year identified; null for every year' }),
        households: count('识别贫困户数', 'Households identified as poor', (f) => f.households),
        people: count('识别贫困人口（已登记成员）', 'People in them, as registered', (f) => f.people),
        byCause: groups(ByCause, '按主要致贫原因', 'By main cause', (f) => f.byCause),
        byCategory: groups(ByCategory, '按贫困户属性', 'By category', (f) => f.byCategory),
        byClass: groups(ByClass, '按帮扶分类（经识别流程审批的户）', 'By assistance class, of households approved through the workflow', (f) => f.byClass),
        applicationsOpen: count('办理中的识别申请', 'Applications still being processed', (f) => f.applicationsOpen),
        applicationsApproved: count('已审批纳入的识别申请', 'Applications approved', (f) => f.applicationsApproved),
        applicationsRejected: count('未通过的识别申请', 'Applications rejected', (f) => f.applicationsRejected),
      };
    },
  });

  builder.objectField('RegionStats', 'identification', (t) =>
    t.field({
      type: 'IdentificationStats',
      description: '贫困户识别统计 Identification (识别): households and people identified, and applications',
      args: { year: t.arg.int({ description: '识别年度（申请按申请年度）；不填则为全部年度 The year identified (applications: the year filed); every year if omitted' }) },
      resolve: ({ code }, { year }) => {
        if (year != null && (year < 2000 || year > 2100)) throw ValidationError.of('year', '年度须在2000至2100之间', 'The year is between 2000 and 2100');
        return { code, year: year ?? null };
      },
    }),
  );
}
