/** 退出 vocabularies: why a household returned to poverty, and the village exit checklist. */
import { enumOf } from '../kernel/enum-values.js';
import { VILLAGE_CHECKLIST } from './village-exit.service.js';

export const RETURN_REASONS = {
  INCOME_BELOW_LINE: '收入回落至贫困线以下 Income fell back to or under the year\'s poverty line',
  MONITORING_DECISION: '防返贫监测审定 Identified by a return-to-poverty monitoring case',
} as const;

export const ReturnReasonEnum = enumOf(RETURN_REASONS);
export const ChecklistItemEnum = enumOf(VILLAGE_CHECKLIST);
export { VILLAGE_CHECKLIST };
