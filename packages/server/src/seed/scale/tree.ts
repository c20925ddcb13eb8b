/**
 * The administrative tree of the synthetic benchmark province, sized from the number of
 * households: about 100 households per village, 20 villages per township, 15 townships per
 * county and 8 counties per prefecture (1,000,000 households → 10,000 villages, 500 townships,
 * 34 counties, 5 prefectures). Family sizes are drawn here too (one byte per household), so
 * each village's rural population can be set before its households are written.
 */
import { apportion, type Random } from '../demo/random.js';
import { region, type AreaRow } from '../demo/plan.js';
import { placeName, villageNames } from '../demo/place-names.js';
import { SYNTHETIC_PROFILE } from '../demo/profiles.js';

/** Province code 80: no real province, but inside the 11–82 range ID-number checks accept. */
export const SCALE_PROVINCE_CODE = '800000000000';
export const SCALE_PROVINCE_NAME = '合成省 Synthetic benchmark province';

/**
 * Prefectures 8001–8098 are the benchmark's; 8099 is kept for core's demo (示范县 809901 and its
 * township 示范镇, ../demo/shifan.ts), so the two seeds never write the same code or ID number.
 */
export const SCALE_MAX_PREFECTURES = 98;
/** Every code the benchmark writes below its province. */
export const SCALE_AREA_RANGE = { lo: '800100000000', hi: `80${SCALE_MAX_PREFECTURES}99999999` } as const;

export const HOUSEHOLDS_PER_VILLAGE = 100;
export const VILLAGES_PER_TOWNSHIP = 20;
export const TOWNSHIPS_PER_COUNTY = 15;
export const COUNTIES_PER_PREFECTURE = 8;

export interface ScaleVillage {
  code: string;
  /** 6-digit ID-number prefix: the county's code. */
  idPrefix: string;
  groups: number;
  /** Index of the village's first household in `sizes`. */
  firstHousehold: number;
  households: number;
}

export interface ScaleTree {
  areas: AreaRow[];
  villages: ScaleVillage[];
  /** Members of every household, in village order. */
  sizes: Uint8Array;
  people: number;
}

/** Splits `count` items into `parts` runs as even as possible. */
function even(count: number, parts: number): number[] {
  return apportion(count, new Array<number>(parts).fill(1));
}

export function planScaleTree(rng: Random, households: number): ScaleTree {
  if (!Number.isInteger(households) || households < 1) throw new Error('households must be a positive integer');
  const villageCount = Math.max(1, Math.round(households / HOUSEHOLDS_PER_VILLAGE));
  const townshipCount = Math.ceil(villageCount / VILLAGES_PER_TOWNSHIP);
  const countyCount = Math.ceil(townshipCount / TOWNSHIPS_PER_COUNTY);
  const prefectureCount = Math.ceil(countyCount / COUNTIES_PER_PREFECTURE);
  if (prefectureCount > SCALE_MAX_PREFECTURES) {
    throw new Error(`${households} households need ${prefectureCount} prefectures; at most ${SCALE_MAX_PREFECTURES} fit in the codes (8099 is the demo's)`);
  }

  // Villages differ in size (±40 % around the mean); the total is exact.
  const perVillage = apportion(households, Array.from({ length: villageCount }, () => rng.between(0.6, 1.4)));
  const sizes = new Uint8Array(households);
  let people = 0;
  for (let i = 0; i < households; i++) {
    sizes[i] = SYNTHETIC_PROFILE.familySizes.pick(rng);
    people += sizes[i];
  }

  const areas: AreaRow[] = [region(SCALE_PROVINCE_CODE, SCALE_PROVINCE_NAME, 'PROVINCE', null)];
  const villages: ScaleVillage[] = [];
  const countiesPerPrefecture = even(countyCount, prefectureCount);
  const townshipsPerCounty = even(townshipCount, countyCount);
  const villagesPerTownship = even(villageCount, townshipCount);
  let county = 0;
  let township = 0;
  let household = 0;
  countiesPerPrefecture.forEach((counties, p) => {
    const prefectureCode = `80${String(p + 1).padStart(2, '0')}00000000`;
    areas.push(region(prefectureCode, `${placeName(rng, 'south')}市`, 'PREFECTURE', SCALE_PROVINCE_CODE));
    for (let c = 0; c < counties; c++, county++) {
      const countyPrefix = prefectureCode.slice(0, 4) + String(c + 1).padStart(2, '0');
      const countyCode = `${countyPrefix}000000`;
      areas.push(region(countyCode, `${placeName(rng, 'south')}县`, 'COUNTY', prefectureCode));
      for (let t = 0; t < townshipsPerCounty[county]; t++, township++) {
        const townshipPrefix = countyPrefix + String(100 + t);
        const townshipCode = `${townshipPrefix}000`;
        areas.push(region(townshipCode, `${placeName(rng, 'south')}镇`, 'TOWNSHIP', countyCode));
        const count = villagesPerTownship[township];
        const names = villageNames(rng, count, 'south');
        for (let v = 0; v < count; v++) {
          const index = villages.length;
          const code = townshipPrefix + String(201 + v);
          let registered = 0;
          for (let h = household; h < household + perVillage[index]; h++) registered += sizes[h];
          // 4–5 residents for every registered person.
          const ruralPopulation = Math.max(1, Math.round(registered * rng.between(4, 5)));
          areas.push({
            code,
            name: names[v],
            level: 'VILLAGE',
            parentCode: townshipCode,
            isPovertyVillage: rng.chance(0.6),
            exitYear: null,
            ruralPopulation,
          });
          const area = areas[areas.length - 1];
          if (area.isPovertyVillage && rng.chance(0.5)) area.exitYear = rng.int(2016, 2020);
          villages.push({ code, idPrefix: countyPrefix, groups: rng.int(3, 10), firstHousehold: household, households: perVillage[index] });
          household += perVillage[index];
        }
      }
    }
  });
  return { areas, villages, sizes, people };
}
