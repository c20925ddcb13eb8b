/**
 * The project library's closed vocabularies (项目库). Each value maps to its bilingual
 * description, Chinese first; the GraphQL enums and the database checks use the keys.
 */

import { enumOf } from '../kernel/enum-values.js';

/** 项目类别: the kinds of projects the county and village reports list. */
export const PROJECT_CATEGORIES = {
  ROAD: '道路硬化 Roads: hardening village and field roads, bridges',
  DRINKING_WATER: '饮水安全 Safe drinking water: wells, pipes, tanks',
  WATER_CONSERVANCY: '水利设施 Water conservancy: flood dams, channels, irrigation (五小水利)',
  ELECTRICITY: '电力 Electricity: grid upgrades, lighting',
  HOUSING: '危房改造 Dangerous-housing renovation',
  INDUSTRY: '产业发展 Industry: crops, livestock, processing that poor households join',
  COLLECTIVE_ECONOMY: '村集体经济 Village collective economy: factory buildings, shares, co-operatives',
  EDUCATION: '教育 Education: schools and their equipment',
  HEALTH: '医疗卫生 Health: village clinics and equipment',
  CULTURE: '文化体育 Culture and sport: culture squares, fitness equipment',
  TRAINING: '技能培训 Training: practical skills and job training',
  OFFICE_BUILDING: '村部/办公用房 Village office building (村部)',
  RELOCATION: '易地扶贫搬迁 Relocation: resettlement housing and sites',
  FINANCIAL_SERVICES: '金融扶贫 Financial services: interest subsidies (贴息), risk-compensation funds, credit programmes',
  OTHER: '其他 Other',
} as const;
export type ProjectCategory = keyof typeof PROJECT_CATEGORIES;

/** 建设性质: how a project builds. */
export const CONSTRUCTION_TYPES = {
  NEW: '新建 New construction',
  RENOVATION: '改扩建 Renovation or extension of something existing',
  REPAIR: '维修 Repair',
  PURCHASE: '购置 Purchase of equipment or goods',
  OTHER: '其他（含非工程类） Other, including projects that build nothing (training, subsidies)',
} as const;
export type ConstructionType = keyof typeof CONSTRUCTION_TYPES;

/** 项目状态, in life-cycle order, then the two side states. */
export const PROJECT_STATUSES = {
  PLANNED: '入库 Planned: entered in the project library',
  APPROVED: '批复 Approved, after its public notice',
  UNDER_CONSTRUCTION: '在建 Under construction',
  COMPLETED: '完工 Completed, awaiting acceptance',
  ACCEPTED: '验收 Accepted: inspected and handed over (final)',
  SUSPENDED: '暂停 Suspended; resumes to the status it was suspended from',
  CANCELLED: '撤销 Cancelled (final)',
} as const;
export type ProjectStatus = keyof typeof PROJECT_STATUSES;

/** 公示类型: what a public notice announces. */
export const NOTICE_TYPES = {
  PROJECT_PLAN: '项目计划公示 Project plan notice, required before approval',
  FUND_ALLOCATION: '资金安排公示 Notice of the funds arranged',
  BENEFICIARY: '受益对象公示 Notice of the beneficiary households',
  COMPLETION: '竣工验收公告 Completion and acceptance notice',
  OTHER: '其他公示 Other notice',
} as const;
export type NoticeType = keyof typeof NOTICE_TYPES;

export const ProjectCategoryEnum = enumOf(PROJECT_CATEGORIES);
export const ConstructionTypeEnum = enumOf(CONSTRUCTION_TYPES);
export const ProjectStatusEnum = enumOf(PROJECT_STATUSES);
export const NoticeTypeEnum = enumOf(NOTICE_TYPES);
