/**
 * The work-team demo planned from the reports, before anything is written: 保靖县's 67 teams and
 * 256 cadres (篇6) and 大老爷庙村's team and its 48 paired households (篇1). Pure: a seeded
 * generator draws names and phone numbers; the figures come from the reports.
 */
import { personName, XIANGXI_SURNAMES, LIAOXI_SURNAMES, type SurnameTable } from '../demo/names.js';
import { Random } from '../demo/random.js';

export interface PlannedUnit {
  key: string;
  name: string;
  level: 'PROVINCIAL' | 'PREFECTURAL' | 'COUNTY';
  areaCode: string;
}

export interface PlannedCadre {
  key: number;
  name: string;
  phone: string;
  rank: 'COUNTY_LEVEL' | 'SECTION_LEVEL' | 'STAFF';
  unit: string;
  areaCode: string;
}

export interface PlannedMember {
  cadre: number;
  role: 'FIRST_SECRETARY' | 'LEADER' | 'MEMBER' | 'LIAISON';
  villageCode: string | null;
  deputySecretaryOf: string | null;
}

export interface PlannedTeam {
  name: string;
  unit: string;
  areaCode: string;
  startsOn: string;
  endsOn: string;
  villages: { villageCode: string; role: 'BUILD' | 'HELP' }[];
  members: PlannedMember[];
  days: { year: number; month: number; days: number }[];
}

export interface WorkTeamPlan {
  units: PlannedUnit[];
  cadres: PlannedCadre[];
  teams: PlannedTeam[];
  pairings: { cadre: number; householdId: number; startsOn: string }[];
}

/** 省直工作组4个8名, 州直9个31名, 县直54个217名: cadres per team, by level. */
const BAOJING_TEAMS: readonly { level: PlannedUnit['level']; sizes: readonly number[] }[] = [
  { level: 'PROVINCIAL', sizes: [2, 2, 2, 2] },
  { level: 'PREFECTURAL', sizes: [4, 4, 4, 4, 3, 3, 3, 3, 3] },
  { level: 'COUNTY', sizes: [5, ...Array<number>(53).fill(4)] },
];
/** 省直单位4个, 州直单位15个, 县直单位130个. */
const BAOJING_UNITS = { PROVINCIAL: 4, PREFECTURAL: 15, COUNTY: 130 } as const;
const UNIT_NAMES = { PROVINCIAL: '湖南省直派驻单位', PREFECTURAL: '湘西州直派驻单位', COUNTY: '保靖县直派驻单位' } as const;
/** 16名乡镇党委副书记, 16名工作队长或联络员, 67名村第一书记. */
const LEADERS_AND_LIAISONS = 16;
const DEPUTY_SECRETARIES = 16;
/** The first round of the "1+1" arrangement: three years building one village and helping another. */
const BAOJING_TERM = { startsOn: '2015-04-01', endsOn: '2018-03-31' };

/** 大老爷庙村: stationed from 22 September for three years; 175 days by the end of November next year. */
const DALAOYEMIAO_TERM = { startsOn: '2015-09-22', endsOn: '2018-09-21' };
const DALAOYEMIAO_DAYS: readonly [number, number, number][] = [
  [2015, 9, 8], [2015, 10, 20], [2015, 11, 14], [2015, 12, 10], [2016, 1, 8], [2016, 2, 5], [2016, 3, 14], [2016, 4, 13],
  [2016, 5, 13], [2016, 6, 13], [2016, 7, 12], [2016, 8, 12], [2016, 9, 12], [2016, 10, 11], [2016, 11, 10],
];
/** 9月份确定了48户贫困户作为市政协党员干部的帮扶对子: four households for each of twelve cadres. */
const DALAOYEMIAO_HELPERS = 12;
const DALAOYEMIAO_PAIRED_ON = '2016-09-15';

export interface BaojingPlaces {
  provinceCode: string;
  prefectureCode: string;
  countyCode: string;
  /** The county's poverty villages in code order, with their townships. */
  povertyVillages: readonly { code: string; townshipCode: string }[];
}

export interface DalaoyemiaoPlaces {
  prefectureCode: string;
  countyCode: string;
  villageCode: string;
  /** The village's households still poor, in id order. */
  poorHouseholdIds: readonly number[];
}

class CadreBook {
  readonly cadres: PlannedCadre[] = [];
  constructor(private readonly rng: Random) {}

  add(surnames: SurnameTable, rank: PlannedCadre['rank'], unit: string, areaCode: string): number {
    const sex = this.rng.chance(0.3) ? 'FEMALE' : 'MALE';
    const key = this.cadres.length;
    const name = personName(this.rng, surnames.pick(this.rng), sex, this.rng.int(1962, 1990));
    this.cadres.push({ key, name, phone: `13${this.rng.digits(9)}`, rank, unit, areaCode });
    return key;
  }
}

export function planWorkTeams(seed: number, baojing: BaojingPlaces, dalaoyemiao: DalaoyemiaoPlaces): WorkTeamPlan {
  const rng = new Random(seed);
  const book = new CadreBook(rng);
  const units: PlannedUnit[] = [];
  const teams: PlannedTeam[] = [];
  const areaOf = { PROVINCIAL: baojing.provinceCode, PREFECTURAL: baojing.prefectureCode, COUNTY: baojing.countyCode } as const;
  for (const [level, count] of Object.entries(BAOJING_UNITS) as [PlannedUnit['level'], number][]) {
    for (let i = 0; i < count; i++) units.push({ key: `${level}:${i}`, name: `${UNIT_NAMES[level]}${String(i + 1).padStart(3, '0')}`, level, areaCode: areaOf[level] });
  }

  const villages = [...baojing.povertyVillages];
  const singleVillageTeams = BAOJING_TEAMS[0].sizes.length;
  const teamCount = BAOJING_TEAMS.reduce((n, level) => n + level.sizes.length, 0);
  if (villages.length !== 2 * teamCount - singleVillageTeams) {
    throw new Error(`the work-team demo needs ${2 * teamCount - singleVillageTeams} poverty villages in 保靖县, found ${villages.length}`);
  }
  let nextVillage = 0;
  let countyTeam = 0;
  for (const { level, sizes } of BAOJING_TEAMS) {
    let cadreOfLevel = 0;
    sizes.forEach((size, t) => {
      // Cadres come from every unit of the level in turn; the team is sent by its first cadre's unit.
      const cadreUnits = Array.from({ length: size }, () => `${level}:${cadreOfLevel++ % BAOJING_UNITS[level]}`);
      const covered = level === 'PROVINCIAL' ? [villages[nextVillage++]] : [villages[nextVillage++], villages[nextVillage++]];
      const build = covered[0];
      const isCounty = level === 'COUNTY';
      const leads = isCounty && countyTeam < LEADERS_AND_LIAISONS;
      const deputy = isCounty && countyTeam >= LEADERS_AND_LIAISONS && countyTeam < LEADERS_AND_LIAISONS + DEPUTY_SECRETARIES;
      const members = cadreUnits.map((unit, i): PlannedMember => {
        const role = i === 0 ? 'FIRST_SECRETARY' : i === 1 && leads ? (countyTeam % 2 === 0 ? 'LEADER' : 'LIAISON') : 'MEMBER';
        const rank = role === 'MEMBER' ? 'STAFF' : 'SECTION_LEVEL';
        return {
          cadre: book.add(XIANGXI_SURNAMES, rank, unit, baojing.countyCode),
          role,
          villageCode: role === 'FIRST_SECRETARY' ? build.code : null,
          deputySecretaryOf: deputy && i === 1 ? build.townshipCode : null,
        };
      });
      if (isCounty) countyTeam++;
      teams.push({
        name: `${UNIT_NAMES[level].replace('派驻单位', '')}驻村工作队第${t + 1}队`,
        unit: cadreUnits[0],
        areaCode: baojing.countyCode,
        ...BAOJING_TERM,
        villages: covered.map((village, i) => ({ villageCode: village.code, role: i === 0 ? 'BUILD' : 'HELP' })),
        members,
        days: [],
      });
    });
  }

  // 大老爷庙村: 朝阳市政协's team, led by a serving deputy-county-level cadre as first secretary.
  const cppcc = '朝阳市政协机关';
  units.push({ key: cppcc, name: cppcc, level: 'PREFECTURAL', areaCode: dalaoyemiao.prefectureCode });
  const helpers = Array.from({ length: DALAOYEMIAO_HELPERS }, (_, i) => book.add(LIAOXI_SURNAMES, i === 0 ? 'COUNTY_LEVEL' : 'STAFF', cppcc, dalaoyemiao.countyCode));
  teams.push({
    name: '朝阳市政协驻大老爷庙村工作队',
    unit: cppcc,
    areaCode: dalaoyemiao.countyCode,
    ...DALAOYEMIAO_TERM,
    villages: [{ villageCode: dalaoyemiao.villageCode, role: 'BUILD' }],
    members: [
      { cadre: helpers[0], role: 'FIRST_SECRETARY', villageCode: dalaoyemiao.villageCode, deputySecretaryOf: null },
      { cadre: helpers[1], role: 'MEMBER', villageCode: null, deputySecretaryOf: null },
      { cadre: helpers[2], role: 'MEMBER', villageCode: null, deputySecretaryOf: null },
    ],
    days: DALAOYEMIAO_DAYS.map(([year, month, days]) => ({ year, month, days })),
  });
  const pairings = dalaoyemiao.poorHouseholdIds.map((householdId, i) => ({ cadre: helpers[i % helpers.length], householdId, startsOn: DALAOYEMIAO_PAIRED_ON }));
  return { units, cadres: book.cadres, teams, pairings };
}
