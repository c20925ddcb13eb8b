/**
 * What a project of each category delivers, from its budget at plausible unit costs for the
 * region (a village road about 50万 yuan a kilometre, as 保靖县's 93 km for 4,650万 suggests).
 */
import type { ProjectCategory } from '@tuopin/core';
import type { DemoOutput } from './demo-book.js';

interface OutputRule {
  indicator: string;
  unit: string;
  /** Yuan per unit. */
  unitCost: number;
  decimals: number;
}

const RULES: Record<ProjectCategory, OutputRule> = {
  ROAD: { indicator: '道路硬化长度', unit: '公里', unitCost: 500_000, decimals: 2 },
  DRINKING_WATER: { indicator: '解决安全饮水人口', unit: '人', unitCost: 800, decimals: 0 },
  WATER_CONSERVANCY: { indicator: '新修渠道及堤坝', unit: '米', unitCost: 750, decimals: 0 },
  ELECTRICITY: { indicator: '农网改造线路', unit: '公里', unitCost: 150_000, decimals: 1 },
  HOUSING: { indicator: '危房改造', unit: '户', unitCost: 10_000, decimals: 0 },
  INDUSTRY: { indicator: '产业基地面积', unit: '亩', unitCost: 2_500, decimals: 0 },
  COLLECTIVE_ECONOMY: { indicator: '标准化厂房面积', unit: '平方米', unitCost: 900, decimals: 0 },
  EDUCATION: { indicator: '校舍建筑面积', unit: '平方米', unitCost: 2_200, decimals: 0 },
  HEALTH: { indicator: '村卫生室建筑面积', unit: '平方米', unitCost: 1_800, decimals: 0 },
  CULTURE: { indicator: '文化广场面积', unit: '平方米', unitCost: 100, decimals: 0 },
  TRAINING: { indicator: '培训人次', unit: '人次', unitCost: 1_500, decimals: 0 },
  OFFICE_BUILDING: { indicator: '村部建筑面积', unit: '平方米', unitCost: 1_200, decimals: 0 },
  RELOCATION: { indicator: '安置住房', unit: '套', unitCost: 120_000, decimals: 0 },
  // Subsidy programmes pay interest for households; what they deliver is counted in loans.
  FINANCIAL_SERVICES: { indicator: '贴息贷款户数', unit: '户', unitCost: 2_000, decimals: 0 },
  OTHER: { indicator: '建设内容', unit: '项', unitCost: 200_000, decimals: 0 },
};

const round = (value: number, decimals: number) => Math.max(10 ** -decimals, Math.round(value * 10 ** decimals) / 10 ** decimals);

/** The output of a project of `budgetYuan`; the actual figure once it is completed. */
export function outputFor(category: ProjectCategory, budgetYuan: number, completed: boolean): DemoOutput {
  const rule = RULES[category];
  const planned = round(budgetYuan / rule.unitCost, rule.decimals);
  return { indicator: rule.indicator, unit: rule.unit, planned, actual: completed ? planned : null };
}
