/**
 * 辽宁省朝阳市凌源市四官营子镇大老爷庙村, the village of the first report (篇1), and a few
 * neighbouring villages of the same town. Province, prefecture and county-level city codes are
 * the real statistical codes; the town and village codes are illustrative, the natural-village
 * (group) names and the neighbours' names invented, every household and person synthetic.
 */
import type { HouseholdStatus } from '@tuopin/core';
import { region, type AreaRow, type HouseholdPlan, type RegionPlan, type VillagePlan } from './plan.js';
import { groupNames, villageNames } from './place-names.js';
import { LINGYUAN_PROFILE } from './profiles.js';
import type { Random } from './random.js';

export const LIAONING_CODE = '210000000000';
export const CHAOYANG_CODE = '211300000000';
export const LINGYUAN_CODE = '211382000000';
export const SIGUANYINGZI_CODE = '211382108000';
export const DALAOYEMIAO_CODE = '211382108201';

/** "7个自然村" in the report: the village's natural villages, our groups (names invented). */
export const DALAOYEMIAO_GROUPS = ['前沟屯', '后沟屯', '西梁屯', '东营子屯', '南洼屯', '北杖子屯', '河套屯'];
/** "48户贫困户" paired with cadres: households still poor (status POOR). */
export const DALAOYEMIAO_POOR_HOUSEHOLDS = 48;
/** Households registered earlier and since out of poverty (not in the report; plausible). */
export const DALAOYEMIAO_EXITED_HOUSEHOLDS = 72;
export const DALAOYEMIAO_RETURNED_HOUSEHOLDS = 2;
/** Rural population of the village (not in the report; plausible for 7 natural villages). */
export const DALAOYEMIAO_RURAL_POPULATION = 1_800;
/** Neighbouring villages of 四官营子镇 (synthetic). */
const NEIGHBOURS = 6;

const ID_PREFIX = '211382';

function households(rng: Random, counts: Readonly<Record<HouseholdStatus, number>>): HouseholdPlan[] {
  const plans: HouseholdPlan[] = [];
  for (const status of ['POOR', 'EXITED', 'RETURNED'] as const) {
    for (let i = 0; i < counts[status]; i++) {
      const exitYear = status === 'POOR' ? null : rng.int(2016, 2019);
      plans.push({ size: LINGYUAN_PROFILE.familySizes.pick(rng), status, exitYear });
    }
  }
  return rng.shuffle(plans);
}

export function planDalaoyemiao(rng: Random): RegionPlan {
  const areas: AreaRow[] = [
    region(LIAONING_CODE, '辽宁省', 'PROVINCE', null),
    region(CHAOYANG_CODE, '朝阳市', 'PREFECTURE', LIAONING_CODE),
    region(LINGYUAN_CODE, '凌源市', 'COUNTY', CHAOYANG_CODE),
    region(SIGUANYINGZI_CODE, '四官营子镇', 'TOWNSHIP', LINGYUAN_CODE),
    {
      code: DALAOYEMIAO_CODE,
      name: '大老爷庙村',
      level: 'VILLAGE',
      parentCode: SIGUANYINGZI_CODE,
      isPovertyVillage: true,
      exitYear: null,
      ruralPopulation: DALAOYEMIAO_RURAL_POPULATION,
    },
  ];
  const villages: VillagePlan[] = [
    {
      code: DALAOYEMIAO_CODE,
      groups: [...DALAOYEMIAO_GROUPS],
      households: households(rng, {
        POOR: DALAOYEMIAO_POOR_HOUSEHOLDS,
        EXITED: DALAOYEMIAO_EXITED_HOUSEHOLDS,
        RETURNED: DALAOYEMIAO_RETURNED_HOUSEHOLDS,
      }),
      profile: LINGYUAN_PROFILE,
      idPrefix: ID_PREFIX,
    },
  ];

  const names = villageNames(rng, NEIGHBOURS, 'north', new Set(['大老爷庙村']));
  names.forEach((name, i) => {
    const code = `211382108${202 + i}`;
    const poverty = i < 2;
    areas.push({
      code,
      name,
      level: 'VILLAGE',
      parentCode: SIGUANYINGZI_CODE,
      isPovertyVillage: poverty,
      exitYear: poverty ? rng.int(2018, 2019) : null,
      ruralPopulation: rng.int(1_200, 2_600),
    });
    const total = rng.int(40, 110);
    const poor = Math.round(total * rng.between(0.25, 0.4));
    const returned = rng.int(0, 2);
    villages.push({
      code,
      groups: groupNames(rng.int(3, 8)),
      households: households(rng, { POOR: poor, EXITED: total - poor - returned, RETURNED: returned }),
      profile: LINGYUAN_PROFILE,
      idPrefix: ID_PREFIX,
    });
  });
  return { areas, villages };
}
