import { defineWorkflow } from '../workflow/workflow-definition.js';
import { registerWorkflow } from '../workflow/workflow-registry.js';
import { monitoringNoticeDaysOf } from './monitoring.settings.js';

/**
 * 风险消除: the village assesses and posts a notice, the township reviews, the county decides; the
 * decision ends the monitoring case's risk. The monitoring record stays, and a new risk opens a
 * new case.
 */
export const RISK_ELIMINATION_WORKFLOW = registerWorkflow(
  defineWorkflow({
    kind: 'RISK_ELIMINATION',
    title: '风险消除 Risk elimination',
    steps: [
      { key: 'VILLAGE_ASSESSMENT', title: '村级评议 Village assessment', actor: 'VILLAGE' },
      { key: 'VILLAGE_NOTICE', title: '村内公示 Village notice', actor: 'VILLAGE', noticeDays: monitoringNoticeDaysOf },
      { key: 'TOWNSHIP_REVIEW', title: '乡镇审核 Township review', actor: 'TOWNSHIP' },
      { key: 'COUNTY_DECISION', title: '县级审定，标注风险消除 County decision: risk eliminated', actor: 'COUNTY' },
    ],
  }),
  'RiskElimination',
);
