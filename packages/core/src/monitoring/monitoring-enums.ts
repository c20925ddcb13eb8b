/**
 * 防返贫动态监测 vocabularies: the three categories of monitored households, the risks, where a
 * lead came from, and the county's decision. Each value maps to its bilingual description.
 */
import { enumOf } from '../kernel/enum-values.js';

export const MONITORING_CATEGORIES = {
  UNSTABLE_EXITED: '脱贫不稳定户 Exited household at risk, income within the monitoring range',
  EDGE: '边缘易致贫户 Never-registered household on the edge, income within the monitoring range',
  SUDDEN_HARDSHIP: '突发严重困难户 Household in severe hardship from a sudden expense or loss of income, whatever its income',
} as const;
export type MonitoringCategory = keyof typeof MONITORING_CATEGORIES;

export const MONITORING_RISKS = {
  ILLNESS: '因病 Illness',
  DISABILITY: '因残 Disability',
  EDUCATION: '因学 Education costs',
  DISASTER: '因灾 Natural disaster or fire',
  ACCIDENT: '因意外事故 Accident',
  INDUSTRY_FAILURE: '因产业项目失败 Failed business or farming project',
  UNSTABLE_EMPLOYMENT: '因务工就业不稳 Unstable employment',
  LACK_OF_LABOUR: '缺劳动力 Lack of labour',
  UNSAFE_HOUSING: '住房安全问题 Unsafe housing',
  UNSAFE_WATER: '饮水安全问题 Unsafe drinking water',
  OTHER: '其他 Other',
} as const;
export type MonitoringRisk = keyof typeof MONITORING_RISKS;

export const LEAD_SOURCES = {
  SELF_REPORT: '农户自主申报 The household reported itself',
  CADRE_VISIT: '干部走访排查 Found on a cadre\'s visit',
  DEPARTMENT_DATA: '部门筛查预警 Flagged by a department\'s data',
  COMPLAINT: '信访举报 A complaint or report',
  PLATFORM_ANALYSIS: '平台数据分析 Platform data analysis',
} as const;
export type LeadSource = keyof typeof LEAD_SOURCES;

export const MONITORING_DECISIONS = {
  IDENTIFIED: '确定为监测对象 Identified for monitoring',
  NOT_IDENTIFIED: '不纳入监测 Not taken into monitoring',
} as const;
export type MonitoringDecision = keyof typeof MONITORING_DECISIONS;

export const MonitoringCategoryEnum = enumOf(MONITORING_CATEGORIES);
export const MonitoringRiskEnum = enumOf(MONITORING_RISKS);
export const LeadSourceEnum = enumOf(LEAD_SOURCES);
export const MonitoringDecisionEnum = enumOf(MONITORING_DECISIONS);
