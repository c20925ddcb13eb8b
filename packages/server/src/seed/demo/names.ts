/**
 * Synthetic Chinese personal names: a surname drawn from a regional frequency table and one or
 * two given-name characters drawn from pools that change with the decade of birth. Any real
 * person with the same name is a coincidence; the people named in the source reports are
 * excluded outright (NAMES_FROM_REPORTS).
 */
import { Random, Weighted } from './random.js';
import type { Sex } from './id-numbers.js';

/**
 * People named in the county reports (/work/shared/seeds): officials of 保靖县 and of Hunan
 * province. The generator never produces these names (simplified and traditional spellings).
 */
export const NAMES_FROM_REPORTS: ReadonlySet<string> = new Set([
  '徐守盛',
  '杨志慧',
  '楊志慧',
  '卢向荣',
  '盧向榮',
  '周胜益',
  '周勝益',
  '符家盛',
]);

export type SurnameTable = Weighted<string>;

/** Common surnames across China, roughly by frequency. */
export const NATIONAL_SURNAMES: SurnameTable = new Weighted<string>([
  ['王', 7.1], ['李', 7.0], ['张', 6.7], ['刘', 5.4], ['陈', 4.5], ['杨', 3.1], ['黄', 2.2], ['赵', 2.0],
  ['吴', 2.0], ['周', 1.9], ['徐', 1.3], ['孙', 1.3], ['马', 1.2], ['朱', 1.2], ['胡', 1.1], ['郭', 1.1],
  ['何', 1.0], ['高', 1.0], ['林', 1.0], ['罗', 0.9], ['郑', 0.9], ['梁', 0.8], ['谢', 0.8], ['宋', 0.7],
  ['唐', 0.7], ['许', 0.7], ['韩', 0.7], ['冯', 0.6], ['邓', 0.6], ['曹', 0.6], ['彭', 0.6], ['曾', 0.6],
  ['肖', 0.6], ['田', 0.5], ['董', 0.5], ['袁', 0.5], ['潘', 0.5], ['于', 0.5], ['蒋', 0.5], ['蔡', 0.5],
  ['余', 0.5], ['杜', 0.5], ['叶', 0.4], ['程', 0.4], ['苏', 0.4], ['魏', 0.4], ['吕', 0.4], ['丁', 0.4],
  ['任', 0.4], ['沈', 0.4], ['姚', 0.3], ['卢', 0.3], ['姜', 0.3], ['崔', 0.3], ['钟', 0.3], ['谭', 0.3],
  ['陆', 0.3], ['汪', 0.3], ['范', 0.3], ['金', 0.3], ['石', 0.3], ['廖', 0.3], ['贾', 0.3], ['夏', 0.3],
  ['韦', 0.3], ['方', 0.3], ['白', 0.3], ['邹', 0.3], ['孟', 0.3], ['熊', 0.3], ['秦', 0.3], ['邱', 0.3],
  ['江', 0.3], ['尹', 0.3], ['薛', 0.3], ['段', 0.3], ['雷', 0.2], ['侯', 0.2], ['龙', 0.2], ['史', 0.2],
  ['陶', 0.2], ['贺', 0.2], ['顾', 0.2], ['毛', 0.2], ['郝', 0.2], ['龚', 0.2], ['邵', 0.2], ['向', 0.2],
]);

/**
 * 保靖 (湘西, Tujia and Miao country): 彭 田 向 覃 冉 are typical Tujia surnames, 龙 石 吴 麻 施
 * typical Miao ones; the Han surnames are the common ones.
 */
export const XIANGXI_SURNAMES: SurnameTable = new Weighted<string>([
  ['彭', 9], ['田', 7], ['向', 7], ['龙', 7], ['石', 6], ['吴', 5], ['杨', 4], ['张', 4], ['王', 4], ['李', 4],
  ['梁', 3], ['麻', 3], ['刘', 3], ['陈', 3], ['黄', 3], ['覃', 2], ['胡', 2], ['周', 2], ['谢', 2], ['廖', 2],
  ['唐', 2], ['施', 1], ['时', 1], ['冉', 1], ['鲁', 1], ['宋', 1], ['朱', 1], ['肖', 1], ['邓', 1], ['姚', 1],
  ['贾', 1], ['尚', 1], ['秦', 1], ['舒', 1],
]);

/** 凌源 (辽西): northern Han surnames, with 关 佟 那 (Manchu) and 包 鲍 (Mongol) families. */
export const LIAOXI_SURNAMES: SurnameTable = new Weighted<string>([
  ['王', 9], ['李', 8], ['张', 8], ['刘', 7], ['赵', 4], ['杨', 3], ['孙', 3], ['高', 3], ['于', 3], ['马', 3],
  ['陈', 2], ['徐', 2], ['郭', 2], ['宋', 2], ['田', 2], ['白', 1.5], ['韩', 1.5], ['崔', 1.5], ['董', 1.5],
  ['吴', 1.5], ['周', 1.5], ['朱', 1.5], ['胡', 1], ['何', 1], ['林', 1], ['贾', 1], ['冯', 1], ['曹', 1],
  ['许', 1], ['魏', 1], ['闫', 1], ['姜', 1], ['付', 1], ['郑', 1], ['吕', 1], ['范', 1], ['任', 1], ['孟', 1],
  ['侯', 1], ['石', 1], ['关', 1], ['佟', 0.5], ['那', 0.3], ['包', 0.5], ['鲍', 0.5], ['罗', 0.5], ['黄', 0.5],
]);

// Given-name characters by sex and era of birth (before 1970, 1970–1989, 1990 on).
const MALE_OLD = [...'德福贵财富春生发明国华忠义仁礼全友成玉山林海金银宝顺兴家庭有长永志远'];
const MALE_MID = [...'伟军勇强华明斌海波峰涛俊杰辉刚建平新东云光亮立文武超鹏磊飞松林卫红'];
const MALE_NEW = [...'浩宇鑫杰博轩涛磊鹏晨睿泽凯阳帅宸子梓航俊豪铭天佳一乐翔文皓诚'];
const FEMALE_OLD = [...'秀英兰珍桂凤芝玉翠花梅春香莲金菊荣淑素琴云彩月美爱兰芳'];
const FEMALE_MID = [...'丽芳红燕霞敏静娟艳萍玲琴慧云华英梅洁丹晓莉平娜红'];
const FEMALE_NEW = [...'婷雪欣怡琳佳悦诗涵雨萱思梦晶璐颖可心语然彤瑶妍欢馨'];

function pool(sex: Sex, birthYear: number): readonly string[] {
  if (sex === 'MALE') return birthYear < 1970 ? MALE_OLD : birthYear < 1990 ? MALE_MID : MALE_NEW;
  return birthYear < 1970 ? FEMALE_OLD : birthYear < 1990 ? FEMALE_MID : FEMALE_NEW;
}

/** A given name of one (about a quarter of people) or two different characters. */
export function givenName(rng: Random, sex: Sex, birthYear: number): string {
  const chars = pool(sex, birthYear);
  const first = rng.pick(chars);
  if (rng.chance(0.25)) return first;
  let second = rng.pick(chars);
  if (second === first) second = rng.pick(chars); // 重字 names (e.g. 婷婷) stay possible, just rarer
  return first + second;
}

/** A full name: the surname and a given name, never one of NAMES_FROM_REPORTS. */
export function personName(rng: Random, surname: string, sex: Sex, birthYear: number): string {
  for (;;) {
    const name = surname + givenName(rng, sex, birthYear);
    if (!NAMES_FROM_REPORTS.has(name)) return name;
  }
}
