/**
 * 保靖县 after its report: "全县第一轮67个贫困村共落实项目729个，资金20456万元，所有项目均已竣工",
 * 93 km of village roads, 1,448万 of factory buildings for 72 villages' collective economy, 495万
 * of small water works, 60万 for 60 dangerous houses, a 486万 school paid by 岳阳市; a Hong Kong
 * foundation's 323 projects over eight years (7,500万); and the next year's projects under way.
 */
import type { ConstructionType, ProjectCategory, ProjectStatus } from '@tuopin/core';
import { newProject, yuan, type DemoBook, type DemoProject, type Fen } from './demo-book.js';
import { createBaojingFunds, FOUNDATION, FOUNDATION_YEARS, type BaojingPools } from './baojing-funds.js';
import { fundProject, Vouchers, type Share } from './funding.js';
import { runLifecycle } from './lifecycle.js';
import { outputFor } from './outputs.js';
import { addDays, type Random } from './random.js';
import type { DemoVillage, DemoWorld } from './world.js';

interface CategoryPlan {
  category: ProjectCategory;
  count: number;
  /** The category's total budget in 万 yuan. */
  wan: number;
  construction: ConstructionType;
  unit: string;
  names: string[];
  shares: (pools: BaojingPools, village: string, rng: Random) => Share[];
  /** How many households it links: [min, max], poor ones only or any. */
  beneficiaries?: [number, number, 'poor' | 'any'];
}

// The 729 projects of 2016, by category; the 万 add up to the report's 20,456.
const PLAN_2016: CategoryPlan[] = [
  { category: 'ROAD', count: 150, wan: 4_650, construction: 'RENOVATION', unit: '县交通运输局', names: ['通组公路硬化', '村道硬化', '产业路硬化'],
    shares: (p, _v, rng) => (rng.chance(0.35) ? [{ pool: p.oneMatter, fraction: 0.3 }, { pool: p.roads, fraction: 0.7 }] : [{ pool: p.roads, fraction: 1 }]), beneficiaries: [15, 40, 'any'] },
  { category: 'COLLECTIVE_ECONOMY', count: 72, wan: 1_448, construction: 'NEW', unit: '县扶贫开发办', names: ['村集体经济标准化厂房'],
    shares: (p) => [{ pool: p.central, fraction: 1 }], beneficiaries: [10, 25, 'poor'] },
  { category: 'WATER_CONSERVANCY', count: 60, wan: 495, construction: 'REPAIR', unit: '县水利局', names: ['五小水利（山塘整治）', '五小水利（渠道维修）', '五小水利（河坝加固）'],
    shares: (p) => [{ pool: p.water, fraction: 1 }], beneficiaries: [10, 30, 'any'] },
  { category: 'DRINKING_WATER', count: 80, wan: 1_200, construction: 'NEW', unit: '县水利局', names: ['农村饮水安全工程', '集中供水工程'],
    shares: (p) => [{ pool: p.water, fraction: 1 }], beneficiaries: [20, 40, 'any'] },
  { category: 'INDUSTRY', count: 230, wan: 8_976, construction: 'OTHER', unit: '县农业局', names: ['保靖黄金茶基地', '柑橘提质改造', '猕猴桃产业基地', '油茶低改', '生猪养殖', '湘西黄牛养殖', '中药材种植'],
    shares: (p, village, rng) => [
      { pool: rng.chance(0.5) ? p.central : p.provincial, fraction: 0.55 },
      ...(rng.chance(0.3) ? [{ pool: p.credit, fraction: 0.15 }] : []),
      ...(rng.chance(0.4) ? [{ pool: p.selfRaised(village), fraction: 0.05 }] : []),
      { pool: p.industry, fraction: 1 },
    ], beneficiaries: [8, 25, 'poor'] },
  { category: 'HOUSING', count: 2, wan: 60, construction: 'REPAIR', unit: '县住房和城乡建设局', names: ['危房改造（30户）'],
    shares: (p) => [{ pool: p.county, fraction: 1 }], beneficiaries: [30, 30, 'poor'] },
  { category: 'ELECTRICITY', count: 30, wan: 900, construction: 'RENOVATION', unit: '国网保靖县供电公司', names: ['农网改造升级'],
    shares: (p) => [{ pool: p.power, fraction: 1 }], beneficiaries: [20, 40, 'any'] },
  { category: 'EDUCATION', count: 14, wan: 700, construction: 'RENOVATION', unit: '县教育局', names: ['村小学校舍改造', '教学点改扩建'],
    shares: (p) => [{ pool: p.county, fraction: 1 }] },
  { category: 'HEALTH', count: 15, wan: 300, construction: 'NEW', unit: '县卫生和计划生育局', names: ['村卫生室建设'], shares: (p) => [{ pool: p.county, fraction: 1 }] },
  { category: 'CULTURE', count: 30, wan: 300, construction: 'NEW', unit: '县文体广新局', names: ['村文化活动广场'],
    shares: (p) => [{ pool: p.oneMatter, fraction: 0.5 }, { pool: p.county, fraction: 0.5 }] },
  { category: 'OFFICE_BUILDING', count: 25, wan: 500, construction: 'RENOVATION', unit: '县委组织部', names: ['村部改扩建'], shares: (p) => [{ pool: p.county, fraction: 1 }] },
  { category: 'OTHER', count: 10, wan: 200, construction: 'OTHER', unit: '县扶贫开发办', names: ['村庄人居环境整治'], shares: (p) => [{ pool: p.county, fraction: 1 }] },
];

/** Splits a total (fen) into `count` budgets in whole hundreds of yuan, varying ±50 %; exact sum. */
function distribute(rng: Random, total: Fen, count: number): Fen[] {
  const weights = Array.from({ length: count }, () => 0.5 + rng.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  const step = 10_000n;
  const parts = weights.map((w) => (BigInt(Math.floor((Number(total) * w) / sum)) / step) * step);
  parts[count - 1] += total - parts.reduce((a, b) => a + b, 0n);
  return parts;
}

function linkBeneficiaries(rng: Random, world: DemoWorld, project: DemoProject, rule?: [number, number, 'poor' | 'any']): void {
  if (!rule) return;
  const households = (world.households.get(project.placeCode) ?? []).filter((h) => rule[2] === 'any' || h.poor);
  project.beneficiaries.push(...rng.sample(households.map((h) => h.id), rng.int(rule[0], rule[1])));
}

interface Context {
  book: DemoBook;
  rng: Random;
  world: DemoWorld;
  pools: BaojingPools;
  vouchers: Vouchers;
}

/** Adds a project, runs its life cycle, funds it, and gives it its output and beneficiaries. */
function addProject(
  c: Context,
  fields: { name: string; category: ProjectCategory; construction: ConstructionType; place: string; unit: string; budget: Fen; year: number; povertyLink?: string },
  story: { created: string; status: ProjectStatus; via?: ProjectStatus },
  shares: Share[],
  rule?: [number, number, 'poor' | 'any'],
  coverage = 1,
): DemoProject {
  const project = c.book.addProject(
    newProject({
      name: fields.name,
      category: fields.category,
      constructionType: fields.construction,
      placeCode: fields.place,
      responsibleUnit: fields.unit,
      budget: fields.budget,
      year: fields.year,
      povertyLink: fields.povertyLink ?? null,
      performanceTargets: null,
    }),
  );
  const m = runLifecycle(c.rng, project, story.created, story.status, { via: story.via, location: fields.place.endsWith('000') ? '县政府公示栏' : '村务公开栏' });
  const completed = m.completed !== null;
  const output = outputFor(fields.category, Number(fields.budget) / 100, completed);
  project.outputs.push(output);
  project.performanceTargets = `完成${output.indicator}${output.planned}${output.unit}`;
  fundProject(c.book, c.rng, c.vouchers, project, m, shares, coverage);
  linkBeneficiaries(c.rng, c.world, project, rule);
  return project;
}

const created2016 = (rng: Random) => addDays('2016-01-05', rng.int(0, 110));

function plan729(c: Context, villages: DemoVillage[]): void {
  const { rng, world, pools } = c;
  const seat = world.baojingTownships[0];
  let next = 0;
  for (const plan of PLAN_2016) {
    distribute(rng, yuan(plan.wan * 10_000), plan.count).forEach((budget, i) => {
      const village = villages[next++ % villages.length];
      const name = `${village.name}${plan.names[i % plan.names.length]}`;
      addProject(
        c,
        { name, category: plan.category, construction: plan.construction, place: village.code, unit: plan.unit, budget, year: 2016, povertyLink: '优先吸纳贫困户务工，受益户优先为建档立卡贫困户' },
        { created: created2016(rng), status: rng.chance(0.7) ? 'ACCEPTED' : 'COMPLETED' },
        plan.shares(pools, village.code, rng),
        plan.beneficiaries,
        rng.chance(0.05) ? 0.85 + rng.next() * 0.13 : 1,
      );
    });
  }
  // 岳阳市's 537万: a 486万 school in the county seat and five village clinics.
  addProject(c, { name: `${seat.name}岳阳小学教学楼`, category: 'EDUCATION', construction: 'NEW', place: seat.code, unit: '县教育局', budget: yuan(4_860_000), year: 2016 }, { created: '2016-02-15', status: 'ACCEPTED' }, [{ pool: pools.eastWest, fraction: 1 }]);
  distribute(rng, yuan(510_000), 5).forEach((budget, i) => {
    const village = villages[(next + i * 7) % villages.length];
    addProject(c, { name: `${village.name}卫生室（岳阳市援建）`, category: 'HEALTH', construction: 'NEW', place: village.code, unit: '县卫生和计划生育局', budget, year: 2016 }, { created: created2016(rng), status: 'ACCEPTED' }, [{ pool: pools.eastWest, fraction: 1 }]);
  });
  // 雨露计划 training for the whole county.
  distribute(rng, yuan(1_900_000), 5).forEach((budget, i) => {
    addProject(c, { name: `雨露计划致富带头人培训（第${i + 1}期）`, category: 'TRAINING', construction: 'OTHER', place: world.baojing, unit: '县扶贫开发办', budget, year: 2016 }, { created: created2016(rng), status: 'ACCEPTED' }, [{ pool: pools.provincial, fraction: 1 }]);
  });
}

export interface BaojingSummary {
  projects2016: number;
  budget2016: Fen;
  foundationProjects: number;
  foundationBudget: Fen;
  pipelineProjects: number;
}

export function planBaojing(book: DemoBook, rng: Random, world: DemoWorld): BaojingSummary {
  const pools = createBaojingFunds(book, world.baojing);
  const c: Context = { book, rng, world, pools, vouchers: new Vouchers() };
  const poverty = rng.shuffle(world.baojingVillages.filter((v) => v.poverty));
  const firstRound = poverty.slice(0, 67).sort((a, b) => a.code.localeCompare(b.code));
  const secondRound = poverty.slice(67);

  const before = book.projects.length;
  plan729(c, firstRound);
  const projects2016 = book.projects.slice(before);

  // The foundation's projects, one fund a year, everywhere in the county.
  const foundationStart = book.projects.length;
  for (const [year, count, wan] of FOUNDATION_YEARS) {
    distribute(rng, yuan(wan * 10_000), count).forEach((budget) => {
      const village = rng.pick(world.baojingVillages);
      const category = rng.pick<ProjectCategory>(['INDUSTRY', 'INDUSTRY', 'INDUSTRY', 'DRINKING_WATER', 'DRINKING_WATER', 'EDUCATION', 'HEALTH', 'TRAINING', 'ROAD']);
      const status: ProjectStatus = year < 2016 ? 'ACCEPTED' : rng.pick(['ACCEPTED', 'ACCEPTED', 'COMPLETED', 'UNDER_CONSTRUCTION']);
      addProject(
        c,
        { name: `${village.name}${category === 'INDUSTRY' ? '产业扶贫' : '民生'}试点项目（${FOUNDATION}资助）`, category, construction: 'OTHER', place: village.code, unit: `${FOUNDATION}保靖项目办`, budget, year },
        { created: addDays(`${year}-01-15`, rng.int(0, 100)), status },
        [{ pool: pools.foundation.get(year)!, fraction: 1 }],
        category === 'INDUSTRY' ? [5, 15, 'poor'] : undefined,
      );
    });
  }
  const foundation = book.projects.slice(foundationStart);

  // 新加坡连氏集团's drinking water for four villages, approved in the autumn.
  const pipelineStart = book.projects.length;
  for (const village of secondRound.slice(0, 4)) {
    addProject(c, { name: `${village.name}农村饮水安全工程（新加坡连氏集团捐建）`, category: 'DRINKING_WATER', construction: 'NEW', place: village.code, unit: '县水利局', budget: yuan(450_000), year: 2016 }, { created: addDays('2016-09-25', rng.int(0, 20)), status: 'APPROVED' }, [{ pool: pools.donation, fraction: 1 }], [20, 40, 'any']);
  }
  // The second round's first projects, in every state of the life cycle.
  const statuses: [ProjectStatus, ProjectStatus | undefined, number][] = [
    ['PLANNED', undefined, 12],
    ['APPROVED', undefined, 7],
    ['UNDER_CONSTRUCTION', undefined, 10],
    ['SUSPENDED', 'UNDER_CONSTRUCTION', 3],
    ['CANCELLED', 'PLANNED', 2],
    ['CANCELLED', 'APPROVED', 2],
  ];
  let v = 4;
  for (const [status, via, count] of statuses) {
    for (let i = 0; i < count; i++) {
      const village = secondRound[v++ % secondRound.length];
      const plan = rng.pick(PLAN_2016.filter((p) => ['ROAD', 'INDUSTRY', 'DRINKING_WATER', 'COLLECTIVE_ECONOMY', 'ELECTRICITY'].includes(p.category)));
      addProject(
        c,
        { name: `${village.name}${rng.pick(plan.names)}`, category: plan.category, construction: plan.construction, place: village.code, unit: plan.unit, budget: yuan(rng.int(10, 80) * 10_000), year: 2017 },
        { created: addDays('2017-01-05', rng.int(0, 80)), status, via },
        [{ pool: pools.central2017, fraction: 0.6 }, { pool: pools.integrated2017, fraction: 0.4 }],
        plan.beneficiaries,
      );
    }
  }
  const sum = (list: DemoProject[]) => list.reduce((total, p) => total + p.budget, 0n);
  return {
    projects2016: projects2016.length,
    budget2016: sum(projects2016),
    foundationProjects: foundation.length,
    foundationBudget: sum(foundation),
    pipelineProjects: book.projects.length - pipelineStart,
  };
}
