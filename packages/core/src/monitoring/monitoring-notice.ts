import { MONITORING_CATEGORIES, type MonitoringCategory } from './monitoring-enums.js';

/**
 * The text of a monitoring case's village notice (村内公示). Notices never show an ID number, a
 * phone, a bank account or anything about health, so this says only the village, the category,
 * how many people and the period — never the risks (因病、因残 are health) nor the income.
 */
export function villageNoticeText(villageName: string, category: MonitoringCategory, people: number, startDate: string, endDate: string): string {
  const zh = MONITORING_CATEGORIES[category].split(' ')[0];
  const en = MONITORING_CATEGORIES[category].split(' ').slice(1).join(' ');
  return (
    `${villageName}拟将1户（${people}人）确定为防返贫监测对象（${zh}），公示期${startDate}至${endDate}。如有异议，请在公示期内向村民委员会反映。` +
    ` / ${villageName}: one household (${people} people) is proposed for return-to-poverty monitoring (${en}); notice from ${startDate} to ${endDate}. Objections to the village committee while the notice runs.`
  );
}
