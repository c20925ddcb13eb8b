import type { TuopinBuilder } from '../kernel/builder.js';
import { loaderFields } from '../kernel/loader-field.js';
import { statisticDescription } from '../kernel/statistic-declaration.js';
import { ratioOfParts } from '../kernel/suppression.js';
import { UnitLevelEnum } from './work-team-enums.js';
import { workTeamStatsLoader, type UnitLevelFigures } from './work-team-stats.loader.js';

/**
 * `RegionStats.workTeams`: the figures a county report gives of its resident work teams and
 * paired cadres (67 teams, 256 cadres, by the level of the dispatching unit; every poverty village
 * covered by a team, every registered household paired with a helper), as of a day or for
 * everything on record. Partners get them protected like every count.
 */
export function registerWorkTeamStats(builder: TuopinBuilder): void {
  const UnitLevelFiguresRef = builder.objectRef<UnitLevelFigures>('WorkTeamUnitLevelFigures').implement({
    description: '按派出单位层级的工作队和干部 Teams and cadres sent by units of one level',
    scope: 'contained',
    fields: (t) => ({
      level: t.field({ type: UnitLevelEnum, resolve: (f) => f.level, description: '派出单位层级 Level of the dispatching unit' }),
      teams: t.int({ nullable: true, statistic: 'count', resolve: (f) => f.teams, description: statisticDescription('count', '工作队数', 'Work teams') }),
      cadres: t.int({ nullable: true, statistic: 'count', resolve: (f) => f.cadres, description: statisticDescription('count', '驻村干部数', 'Cadres on those teams') }),
    }),
  });

  builder.objectType('WorkTeamStats', {
    description: '驻村工作队与结对帮扶统计（含全部下级，限于调用者权限范围） Work teams and paired cadres of an area and its whole subtree, within the caller\'s scope',
    scope: 'contained',
    fields: (t) => {
      const figures = loaderFields(t, { loader: workTeamStatsLoader, key: (source) => source });
      const { count, total, ratio } = figures;
      return {
        asOf: t.field({ type: 'Date', nullable: true, resolve: (s) => s.asOf, description: '统计日（为空则为全部记录） The day of the figures; null for everything on record' }),
        teams: count('驻村工作队数', 'Work teams covering a village in the area', (f) => f.teams),
        cadres: count('驻村干部数', 'Cadres serving on those teams', (f) => f.cadres),
        firstSecretaries: count('第一书记数', 'First secretaries', (f) => f.firstSecretaries),
        leadersAndLiaisons: count('工作队长或联络员数', 'Team leaders and liaisons', (f) => f.leadersAndLiaisons),
        deputyTownshipSecretaries: count('兼任乡镇党委副书记的驻村干部数', 'Cadres also serving as deputy party secretary of a township', (f) => f.deputyTownshipSecretaries),
        byUnitLevel: figures.field({
          type: [UnitLevelFiguresRef],
          statistic: { groups: 'teams' },
          description: '按派出单位层级（省直、州直、县直……） By the level of the dispatching unit; partners do not see levels whose count is withheld',
          value: (f) => f.byUnitLevel,
        }),
        povertyVillages: count('贫困村数', 'Designated poverty villages', (f) => f.povertyVillages),
        coveredPovertyVillages: count('有工作队驻村的贫困村数', 'Poverty villages covered by a team', (f) => f.coveredPovertyVillages),
        villageCoverage: ratio(
          ['coveredPovertyVillages', 'povertyVillages'],
          '贫困村驻村覆盖率（0–1）= 有工作队的贫困村 ÷ 贫困村',
          'Poverty villages covered by a team ÷ poverty villages; 1 when every one is',
          (f) => ratioOfParts(f.coveredPovertyVillages, f.povertyVillages),
        ),
        households: count('建档立卡户数', 'Registered households', (f) => f.households),
        pairedHouseholds: count('有帮扶责任人的户数', 'Households paired with a helper', (f) => f.pairedHouseholds),
        helperCoverage: ratio(
          ['pairedHouseholds', 'households'],
          '结对帮扶覆盖率（0–1）= 有帮扶责任人的户 ÷ 建档立卡户',
          'Households paired with a helper ÷ registered households; 1 when every one has a helper',
          (f) => ratioOfParts(f.pairedHouseholds, f.households),
        ),
        daysInVillage: total('teams', '驻村天数（各队合计）', 'Days in the village, summed over the teams', (f) => f.daysInVillage),
        visits: count('走访次数', 'Helpers\' visits to households', (f) => f.visits),
      };
    },
  });

  builder.objectField('RegionStats', 'workTeams', (t) =>
    t.field({
      type: 'WorkTeamStats',
      description: '驻村工作队与结对帮扶统计 Work teams and paired cadres (驻村工作队, 第一书记, 结对帮扶)',
      args: {
        asOf: t.arg({
          type: 'Date',
          description:
            '统计日：当日在任的工作队、干部和结对，及当年截至该日的驻村天数和走访；不填则为全部记录 The day: teams, cadres and pairings in place that day, and days in the village and visits of its year up to it; everything on record if omitted',
        }),
      },
      resolve: ({ code }, { asOf }) => ({ code, asOf: asOf ?? null }),
    }),
  );
}
