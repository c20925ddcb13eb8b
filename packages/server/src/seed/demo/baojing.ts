/**
 * 湖南省湘西土家族苗族自治州保靖县, sized after the county's report (篇6 of the source reports,
 * /work/shared/seeds). The province, prefecture and county codes are the real statistical
 * codes; the township codes (1xx for 镇, 2xx for 乡) and village codes (2xx, the 村委会
 * range) below the county are illustrative, the village names synthetic, and every household
 * and person invented.
 */
import { apportion, type Random } from './random.js';
import { fitSizes, pickPeople, region, type AreaRow, type HouseholdPlan, type RegionPlan, type VillagePlan } from './plan.js';
import { groupNames, villageNames } from './place-names.js';
import { BAOJING_PROFILE } from './profiles.js';

export const HUNAN_CODE = '430000000000';
export const XIANGXI_CODE = '433100000000';
export const BAOJING_CODE = '433125000000';

// Targets from the 保靖县 report (篇6):
/** "196个村8.53万农村贫困人口的登记识别与建档立卡": registered villages. */
export const BAOJING_VILLAGES = 196;
/** "全县130个贫困村": designated poverty villages. */
export const BAOJING_POVERTY_VILLAGES = 130;
/** "金融扶贫: 21,011 households" (the 2.1万 建档立卡贫困户 the cadres were paired with). */
export const BAOJING_HOUSEHOLDS = 21_011;
/** "8.53万农村贫困人口": registered people. */
export const BAOJING_PEOPLE = 85_300;
/** "全县减贫13800人": people out of poverty (status EXITED). */
export const BAOJING_EXITED_PEOPLE = 13_800;
/**
 * The year of the report and of those 13,800 exits. The report writes "20__年", but it quotes the
 * 18 June meeting in 贵州 on the "四个切实、六个精准" (2015) and the 3 November visit to 湘西 (2013)
 * as past: 2015.
 */
export const BAOJING_EXIT_YEAR = 2015;
/**
 * Rural registered population of the villages. The report gives an incidence of 21.71 %;
 * 85,300 ÷ 21.71 % ≈ 392,900, so the denominator is about 393,000. With 13,800 people exited
 * the poor (POOR and RETURNED) are 71,500, an incidence of 18.2 % after the year's exits; the
 * report's 21.71 % is the registry's 85,300 counted before them (the poor at the end of 2015 plus
 * the 13,800 who left that year, over the same population).
 */
export const BAOJING_RURAL_POPULATION = 393_000;
/** Share of the households not exited that had exited before and fell back (返贫). */
export const BAOJING_RETURNED_SHARE = 0.03;

/** The county's twelve townships (real names) and how many of the 196 villages each gets. */
const TOWNSHIPS: readonly (readonly [name: string, code: string, villages: number])[] = [
  ['迁陵镇', '100', 26],
  ['野竹坪镇', '101', 18],
  ['清水坪镇', '102', 16],
  ['复兴镇', '103', 15],
  ['碗米坡镇', '104', 17],
  ['葫芦镇', '105', 17],
  ['普戎镇', '106', 15],
  ['毛沟镇', '107', 17],
  ['水田河镇', '108', 16],
  ['吕洞山镇', '109', 20],
  ['长潭河乡', '200', 10],
  ['阳朝乡', '201', 9],
];

export function planBaojing(rng: Random): RegionPlan {
  const areas: AreaRow[] = [
    region(HUNAN_CODE, '湖南省', 'PROVINCE', null),
    region(XIANGXI_CODE, '湘西土家族苗族自治州', 'PREFECTURE', HUNAN_CODE),
    region(BAOJING_CODE, '保靖县', 'COUNTY', XIANGXI_CODE),
  ];
  const villageCount = TOWNSHIPS.reduce((n, [, , villages]) => n + villages, 0);
  if (villageCount !== BAOJING_VILLAGES) throw new Error(`保靖 townships hold ${villageCount} villages, not ${BAOJING_VILLAGES}`);

  const names = villageNames(rng, BAOJING_VILLAGES, 'south');
  const villages: AreaRow[] = [];
  for (const [name, township, count] of TOWNSHIPS) {
    const townshipCode = `433125${township}000`;
    areas.push(region(townshipCode, name, 'TOWNSHIP', BAOJING_CODE));
    for (let i = 0; i < count; i++) {
      villages.push({
        code: `433125${township}${201 + i}`,
        name: names[villages.length],
        level: 'VILLAGE',
        parentCode: townshipCode,
        isPovertyVillage: false,
        exitYear: null,
        ruralPopulation: 0,
      });
    }
  }

  // 130 poverty villages; about a third of them had exited (出列) by 2017–2019.
  for (const i of rng.shuffle(villages.map((_, i) => i)).slice(0, BAOJING_POVERTY_VILLAGES)) {
    villages[i].isPovertyVillage = true;
    if (rng.chance(0.35)) villages[i].exitYear = rng.int(2017, 2019);
  }

  // Poverty villages register about twice as many households as the others.
  const householdsPerVillage = apportion(
    BAOJING_HOUSEHOLDS,
    villages.map((v) => (v.isPovertyVillage ? rng.between(1.1, 1.9) : rng.between(0.35, 0.8))),
  );
  const sizes: number[] = [];
  const villageOf: number[] = [];
  householdsPerVillage.forEach((count, v) => {
    for (let i = 0; i < count; i++) {
      sizes.push(BAOJING_PROFILE.familySizes.pick(rng));
      villageOf.push(v);
    }
  });
  fitSizes(rng, sizes, BAOJING_PEOPLE);

  const plans: HouseholdPlan[] = sizes.map((size) => ({ size, status: 'POOR', exitYear: null }));
  for (const i of pickPeople(rng, sizes, BAOJING_EXITED_PEOPLE)) {
    plans[i].status = 'EXITED';
    // The draw that once split them over 2015 and 2016 stays, so every later draw (and the rest
    // of the demo) is what it was.
    rng.chance(0.55);
    plans[i].exitYear = BAOJING_EXIT_YEAR;
  }
  for (const plan of plans) {
    if (plan.status === 'POOR' && rng.chance(BAOJING_RETURNED_SHARE)) {
      plan.status = 'RETURNED';
      plan.exitYear = rng.chance(0.6) ? 2015 : 2016;
    }
  }

  // Registered people are about a quarter of a poverty village's population, an eighth elsewhere.
  const peoplePerVillage = new Array<number>(villages.length).fill(0);
  sizes.forEach((size, i) => (peoplePerVillage[villageOf[i]] += size));
  const rural = apportion(
    BAOJING_RURAL_POPULATION,
    villages.map((v, i) => peoplePerVillage[i] * (v.isPovertyVillage ? rng.between(3.2, 4.8) : rng.between(6, 9))),
  );
  villages.forEach((v, i) => {
    if (rural[i] < peoplePerVillage[i]) throw new Error(`village ${v.code} would have fewer residents than registered people`);
    v.ruralPopulation = rural[i];
  });
  areas.push(...villages);

  const villagePlans: VillagePlan[] = villages.map((v) => ({
    code: v.code,
    groups: groupNames(rng.int(3, 10)),
    households: [],
    profile: BAOJING_PROFILE,
    idPrefix: '433125',
  }));
  plans.forEach((plan, i) => villagePlans[villageOf[i]].households.push(plan));
  return { areas, villages: villagePlans };
}
