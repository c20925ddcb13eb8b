import { checkDivisionCode, HouseholdStatusEnum, todayOf, type HouseholdStatus, type TuopinBuilder } from '@tuopin/core';
import { educationSettingsOf, schemeRulesFor } from '../settings/education-settings.js';
import { AID_SCHEME_KEYS, AidSchemeEnum, StageEnum, type AidScheme, type Stage } from '../shared/vocabulary.js';

interface SchemeView {
  scheme: AidScheme;
  amounts: { stage: Stage; amount: string }[];
  instalments: number;
  householdStatuses: readonly HouseholdStatus[];
  fullTimeOnly: boolean;
}

/** `aidSchemes(regionCode, year)`: the schemes as the settings give them for an area's province and a year. */
export function registerSchemeSchema(builder: TuopinBuilder): void {
  const StageAmount = builder.objectRef<{ stage: Stage; amount: string }>('AidSchemeStageAmount').implement({
    description: '某学段的年度资助标准 The yearly amount for one stage',
    scope: 'public',
    fields: (t) => ({
      stage: t.field({ type: StageEnum, resolve: (s) => s.stage, description: '学段 Stage' }),
      amount: t.field({ type: 'Money', resolve: (s) => s.amount, description: '每学年标准 Amount a school year' }),
    }),
  });
  const Scheme = builder.objectRef<SchemeView>('AidSchemeRules').implement({
    description: '某省某年度的资助项目标准（配置） An aid scheme\'s rules in a province and year, from the settings',
    scope: 'public',
    fields: (t) => ({
      scheme: t.field({ type: AidSchemeEnum, resolve: (s) => s.scheme, description: '资助项目 Scheme' }),
      amounts: t.field({ type: [StageAmount], resolve: (s) => s.amounts, description: '资助的学段及年度标准（未列出的学段不资助） Stages covered and their yearly amounts; stages not listed are not covered' }),
      instalments: t.exposeInt('instalments', { description: '每年发放次数 Payments a year' }),
      householdStatuses: t.field({ type: [HouseholdStatusEnum], resolve: (s) => [...s.householdStatuses], description: '可享受的贫困户状态 Household statuses whose children are eligible' }),
      fullTimeOnly: t.exposeBoolean('fullTimeOnly', { description: '仅限全日制 Full-time students only' }),
    }),
  });

  builder.queryField('aidSchemes', (t) =>
    t.field({
      type: [Scheme],
      description: '某地（所在省）某年度的教育资助项目及标准 The education-aid schemes that apply in an area (its province\'s settings) in a year, as configured',
      args: {
        regionCode: t.arg.string({ required: true, description: '区划代码（按其所在省的配置） Division code; its province\'s settings apply' }),
        year: t.arg.int({ description: '年度（默认今年） Year; this year if omitted' }),
      },
      resolve: (_root, args, ctx) => {
        const regionCode = checkDivisionCode(args.regionCode, 'regionCode');
        const year = args.year ?? Number(todayOf(ctx.settings).slice(0, 4));
        const settings = educationSettingsOf(ctx.settings);
        return AID_SCHEME_KEYS.map((scheme) => {
          const rules = schemeRulesFor(settings, scheme, regionCode, year);
          const amounts = (Object.entries(rules.amounts) as [Stage, string][]).map(([stage, amount]) => ({ stage, amount }));
          return { scheme, amounts, instalments: rules.instalments, householdStatuses: rules.householdStatuses, fullTimeOnly: rules.fullTimeOnly };
        });
      },
    }),
  );
}
