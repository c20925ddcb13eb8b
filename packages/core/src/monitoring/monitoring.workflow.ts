import { registerWorkflow } from '../workflow/workflow-registry.js';
import { defineWorkflow } from '../workflow/workflow-definition.js';
import { monitoringNoticeDaysOf } from './monitoring.settings.js';

/**
 * 防返贫监测对象识别: the nine steps from a lead to a household entered for monitoring. The
 * village finds, checks and assesses; the county cross-checks departments' data and decides; the
 * township reviews. The village notice runs at least five days (a setting) and shows no personal
 * data (see `villageNoticeText`).
 */
export const MONITORING_WORKFLOW = registerWorkflow(
  defineWorkflow({
    kind: 'MONITORING',
    title: '防返贫监测对象识别 Return-to-poverty monitoring',
    steps: [
      { key: 'WARNING', title: '风险预警 Warning: the lead is recorded', actor: 'VILLAGE' },
      { key: 'HOME_CHECK', title: '入户核实 Home check', actor: 'VILLAGE' },
      { key: 'CONSENT', title: '承诺授权 The household consents to data checks', actor: 'VILLAGE' },
      { key: 'CROSS_CHECK', title: '部门比对 Cross-check with departments\' data', actor: 'COUNTY' },
      { key: 'VILLAGE_ASSESSMENT', title: '村级评议 Village assessment', actor: 'VILLAGE' },
      { key: 'VILLAGE_NOTICE', title: '村内公示 Village notice', actor: 'VILLAGE', noticeDays: monitoringNoticeDaysOf },
      { key: 'TOWNSHIP_REVIEW', title: '乡镇审核 Township review', actor: 'TOWNSHIP' },
      { key: 'COUNTY_DECISION', title: '县级审定 County decision', actor: 'COUNTY' },
      { key: 'ENTERED', title: '录入监测 Entered for monitoring', actor: 'COUNTY' },
    ],
  }),
  'MonitoringCase',
);

export type MonitoringStep = (typeof MONITORING_WORKFLOW.steps)[number]['key'];
