/**
 * 示范镇, the demo township of the reports 篇2 and 篇5 (/work/shared/seeds), which name neither
 * the township nor its county nor any village: the names 示范县 and 示范镇 are ours, and the
 * village names are synthetic (generated, like 保靖县's). It lies in the synthetic province
 * 合成省 (800000000000) that `seed --households` also fills; the prefecture digits 99 are kept
 * for the demo (the scale seed stops at 98, see ../scale/tree.ts), and the county hangs straight
 * from the province, as a 省直辖县 does. Every household and person is invented.
 */
import { apportion, type Random } from './random.js';
import { fitSizes, region, type AreaRow, type HouseholdPlan, type RegionPlan, type VillagePlan } from './plan.js';
import { groupNames, villageNames } from './place-names.js';
import { SHIFAN_PROFILE } from './profiles.js';
import { SCALE_PROVINCE_CODE, SCALE_PROVINCE_NAME } from '../scale/tree.js';

export const SHIFAN_COUNTY_CODE = '809901000000';
export const SHIFAN_CODE = '809901101000';

// Targets from the reports:
/** 篇2: "建立了贫困家庭档案813户2930人". */
export const SHIFAN_HOUSEHOLDS = 813;
export const SHIFAN_PEOPLE = 2_930;
/** 篇2: "力争6个行政村都能享受到扶贫重点村的扶持政策": the township's administrative villages. */
export const SHIFAN_VILLAGES = 6;
/**
 * 篇5: "全镇仍有贫困人口2930人占22.4%": every registered person is still poor (the 779 to lift out
 * "this year" are a target, not yet exits), and 2,930 ÷ 22.4 % ≈ 13,080 rural residents.
 */
export const SHIFAN_RURAL_POPULATION = 13_080;
/** 篇2: "返贫现象比较突出": households that had exited and fell back (返贫), a share of all. */
export const SHIFAN_RETURNED_SHARE = 0.05;
/**
 * 篇2 asks for more of the six villages to become 扶贫重点村 (so not all are), and 篇5 counts "3个行政村
 * 71个村民小组" without cable television: three poverty villages with 71 groups between them.
 */
const POVERTY_VILLAGE_GROUPS = [22, 24, 25];

const ID_PREFIX = SHIFAN_COUNTY_CODE.slice(0, 6);

export function planShifan(rng: Random): RegionPlan {
  const areas: AreaRow[] = [
    region(SCALE_PROVINCE_CODE, SCALE_PROVINCE_NAME, 'PROVINCE', null),
    region(SHIFAN_COUNTY_CODE, '示范县', 'COUNTY', SCALE_PROVINCE_CODE),
    region(SHIFAN_CODE, '示范镇', 'TOWNSHIP', SHIFAN_COUNTY_CODE),
  ];
  const names = villageNames(rng, SHIFAN_VILLAGES, 'south');
  const groupCounts = [...POVERTY_VILLAGE_GROUPS, ...Array.from({ length: SHIFAN_VILLAGES - POVERTY_VILLAGE_GROUPS.length }, () => rng.int(10, 16))];
  const villages: AreaRow[] = names.map((name, i) => ({
    code: `809901101${201 + i}`,
    name,
    level: 'VILLAGE',
    parentCode: SHIFAN_CODE,
    isPovertyVillage: i < POVERTY_VILLAGE_GROUPS.length,
    exitYear: null,
    ruralPopulation: 0,
  }));

  // Poverty villages register about twice as many households a village as the others.
  const householdsPerVillage = apportion(
    SHIFAN_HOUSEHOLDS,
    villages.map((v) => (v.isPovertyVillage ? rng.between(1.3, 1.9) : rng.between(0.6, 0.9))),
  );
  const sizes: number[] = [];
  const villageOf: number[] = [];
  householdsPerVillage.forEach((count, v) => {
    for (let i = 0; i < count; i++) {
      sizes.push(SHIFAN_PROFILE.familySizes.pick(rng));
      villageOf.push(v);
    }
  });
  fitSizes(rng, sizes, SHIFAN_PEOPLE);
  const plans = sizes.map((size): HouseholdPlan =>
    rng.chance(SHIFAN_RETURNED_SHARE) ? { size, status: 'RETURNED', exitYear: rng.int(2014, 2016) } : { size, status: 'POOR', exitYear: null },
  );

  // The poor are about a third of a poverty village's residents, a sixth elsewhere.
  const peoplePerVillage = new Array<number>(villages.length).fill(0);
  sizes.forEach((size, i) => (peoplePerVillage[villageOf[i]] += size));
  const rural = apportion(
    SHIFAN_RURAL_POPULATION,
    villages.map((v, i) => peoplePerVillage[i] * (v.isPovertyVillage ? rng.between(3, 4) : rng.between(5.5, 7))),
  );
  villages.forEach((v, i) => {
    if (rural[i] < peoplePerVillage[i]) throw new Error(`village ${v.code} would have fewer residents than registered people`);
    v.ruralPopulation = rural[i];
  });
  areas.push(...villages);

  const villagePlans: VillagePlan[] = villages.map((v, i) => ({
    code: v.code,
    groups: groupNames(groupCounts[i]),
    households: [],
    profile: SHIFAN_PROFILE,
    idPrefix: ID_PREFIX,
  }));
  plans.forEach((plan, i) => villagePlans[villageOf[i]].households.push(plan));
  return { areas, villages: villagePlans };
}
