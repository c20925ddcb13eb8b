/**
 * Synthetic village and group names built from common place-name morphemes (first part + a
 * landform), never from a list of real villages. Names that happen to exist somewhere are a
 * coincidence; the villages named in the source reports are excluded.
 */
import type { Random } from './random.js';

/** Villages the source reports name (保靖 and 凌源); the generator never reuses them. */
export const VILLAGES_FROM_REPORTS: ReadonlySet<string> = new Set([
  '仙仁村', '米溪村', '夯吉村', '梯子村', '夯沙村', '吕洞村', '呂洞村', '大老爷庙村', '老爷庙村',
]);

/** Hilly south (湘西): tea, bamboo, rock, streams, flats and passes. */
const SOUTH_FIRST = [...'茶竹枫杉桃梨柑白黄青红新高大小龙岩石金马牛羊凤花水月云和丰双三五中上下长清'];
const SOUTH_LAST = [...'溪坪坡寨湾冲坳岭垭洞河岩桥口塘坝田山园堡界'];
/** Dry north-west of Liaoning: camps (营子), fences (杖子), gullies, ridges and terraces. */
const NORTH_FIRST = ['前', '后', '东', '西', '南', '北', '上', '下', '大', '小', '三家', '五家', '八家', '双庙', '榆树', '杏树', '梨树', '柳条', '石门', '黄土'];
const NORTH_LAST = ['营子', '杖子', '沟', '梁', '台', '店', '窝铺', '洼', '甸子', '坎'];

export type PlaceStyle = 'south' | 'north';

/** A name like 茶溪 or 三家沟 (without 村). */
export function placeName(rng: Random, style: PlaceStyle): string {
  const [firsts, lasts] = style === 'south' ? [SOUTH_FIRST, SOUTH_LAST] : [NORTH_FIRST, NORTH_LAST];
  for (;;) {
    const first = rng.pick(firsts);
    const last = rng.pick(lasts);
    if (first !== last) return first + last;
  }
}

/**
 * `count` distinct village names ending in 村, none in `taken` nor in VILLAGES_FROM_REPORTS.
 * Adds them to `taken`. After many collisions a numeral is prefixed (二茶溪村), as real
 * registers do for same-named places.
 */
export function villageNames(rng: Random, count: number, style: PlaceStyle, taken: Set<string> = new Set()): string[] {
  const names: string[] = [];
  let misses = 0;
  while (names.length < count) {
    let name = `${placeName(rng, style)}村`;
    if (misses > 200) name = rng.pick(['新', '老', '上', '下']) + name;
    if (taken.has(name) || VILLAGES_FROM_REPORTS.has(name)) {
      misses++;
      continue;
    }
    misses = 0;
    taken.add(name);
    names.push(name);
  }
  return names;
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–99 in Chinese numerals: 一, 十, 十一, 二十, 二十四. */
function numeral(n: number): string {
  const tens = Math.floor(n / 10);
  return (tens > 1 ? DIGITS[tens] : '') + (tens > 0 ? '十' : '') + DIGITS[n % 10];
}

/**
 * 一组, 二组 … for a village's `count` groups (up to 99: a large hill village of the south may
 * have twenty-odd 村民小组).
 */
export function groupNames(count: number): string[] {
  if (!Number.isInteger(count) || count < 1 || count > 99) throw new Error(`a village has 1 to 99 numbered groups, not ${count}`);
  return Array.from({ length: count }, (_, i) => `${numeral(i + 1)}组`);
}
