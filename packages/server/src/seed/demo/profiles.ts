/**
 * What differs between the regions the seeders fill: surnames, ethnic make-up, family sizes and
 * farmland. Everything else (ages, schooling, health, work, incomes) follows one set of rules.
 */
import { LIAOXI_SURNAMES, NATIONAL_SURNAMES, XIANGXI_SURNAMES, type SurnameTable } from './names.js';
import { Weighted } from './random.js';

export interface RegionProfile {
  readonly surnames: SurnameTable;
  readonly ethnicities: Weighted<string>;
  /** Registered members per household, 1–8. */
  readonly familySizes: Weighted<number>;
  /** Arable land per household, 亩. */
  readonly arableLand: readonly [min: number, max: number];
  /** Probability that a working-age labourer works away from home (outside the county). */
  readonly migrantShare: number;
}

/**
 * 保靖县: mostly Tujia and Miao (土家族 about half, 苗族 about four in ten), terraced hill farms of
 * a few 亩, and much migrant work to the coast. Family sizes average 4.06, the report's
 * 85,300 people ÷ 21,011 households.
 */
export const BAOJING_PROFILE: RegionProfile = {
  surnames: XIANGXI_SURNAMES,
  ethnicities: new Weighted([['土家族', 48], ['苗族', 42], ['汉族', 10]]),
  familySizes: new Weighted([[1, 7], [2, 12], [3, 18], [4, 24], [5, 20], [6, 11], [7, 5], [8, 3]]),
  arableLand: [0.5, 6],
  migrantShare: 0.5,
};

/**
 * 凌源市 (辽西): Han with Manchu and Mongol minorities, smaller and older households (about 3
 * people), larger dry fields and greenhouses.
 */
export const LINGYUAN_PROFILE: RegionProfile = {
  surnames: LIAOXI_SURNAMES,
  ethnicities: new Weighted([['汉族', 80], ['满族', 15], ['蒙古族', 5]]),
  familySizes: new Weighted([[1, 12], [2, 30], [3, 25], [4, 18], [5, 10], [6, 5]]),
  arableLand: [1, 8],
  migrantShare: 0.35,
};

/**
 * 示范镇, the township of the reports 篇2 and 篇5: a hill township of the south (mandarin oranges
 * and navel oranges, bamboo, a 中央苏区 county), Han with a few She (畲族), households of 3.6
 * people (2,930 ÷ 813), and 0.46 亩 of usable farmland a head ("人均可用耕地0.46亩").
 */
export const SHIFAN_PROFILE: RegionProfile = {
  surnames: NATIONAL_SURNAMES,
  ethnicities: new Weighted([['汉族', 97], ['畲族', 3]]),
  familySizes: new Weighted([[1, 8], [2, 16], [3, 22], [4, 25], [5, 17], [6, 8], [7, 3], [8, 1]]),
  arableLand: [0.5, 3],
  migrantShare: 0.5,
};

/** The synthetic benchmark province: national surnames, about 3 people per household. */
export const SYNTHETIC_PROFILE: RegionProfile = {
  surnames: NATIONAL_SURNAMES,
  ethnicities: new Weighted([['汉族', 86], ['壮族', 3], ['回族', 3], ['苗族', 3], ['土家族', 2], ['彝族', 2], ['满族', 1]]),
  familySizes: new Weighted([[1, 11], [2, 27], [3, 26], [4, 20], [5, 10], [6, 4], [7, 1.5], [8, 0.5]]),
  arableLand: [0.5, 6],
  migrantShare: 0.45,
};
