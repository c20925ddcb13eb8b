import { defineWorkflow } from '../workflow/workflow-definition.js';
import { registerWorkflow } from '../workflow/workflow-registry.js';
import { exitNoticeDaysOf } from './exit.settings.js';

/**
 * 贫困户退出: the village committee and the work team assess the household (its income above the
 * year's line, 两不愁三保障 met), the township verifies, the household signs its agreement, the
 * village posts the notice, and the county announces and removes it from the poor (销号).
 */
export const HOUSEHOLD_EXIT_WORKFLOW = registerWorkflow(
  defineWorkflow({
    kind: 'HOUSEHOLD_EXIT',
    title: '贫困户退出 A household\'s exit from poverty',
    steps: [
      { key: 'VILLAGE_ASSESSMENT', title: '村委会和驻村工作队评议 Village assessment with the work team', actor: 'VILLAGE' },
      { key: 'TOWNSHIP_VERIFICATION', title: '乡镇核实 Township verification', actor: 'TOWNSHIP' },
      { key: 'HOUSEHOLD_CONSENT', title: '户签字认可 The household agrees and signs', actor: 'VILLAGE' },
      { key: 'VILLAGE_NOTICE', title: '村内公示 Village notice', actor: 'VILLAGE', noticeDays: exitNoticeDaysOf },
      { key: 'COUNTY_REMOVAL', title: '公告销号 Announced and removed from the poor', actor: 'COUNTY' },
    ],
  }),
  'HouseholdExit',
);

/** 贫困村出列: the village proposes, the township checks and posts the notice, the county approves. */
export const VILLAGE_EXIT_WORKFLOW = registerWorkflow(
  defineWorkflow({
    kind: 'VILLAGE_EXIT',
    title: '贫困村出列 A poverty village\'s exit',
    steps: [
      { key: 'VILLAGE_PROPOSAL', title: '村级申请 The village proposes', actor: 'VILLAGE' },
      { key: 'TOWNSHIP_CHECK', title: '乡镇核查 Township check', actor: 'TOWNSHIP' },
      { key: 'TOWNSHIP_NOTICE', title: '乡镇公示 Township notice', actor: 'TOWNSHIP', noticeDays: exitNoticeDaysOf },
      { key: 'COUNTY_APPROVAL', title: '县级批准出列 County approval', actor: 'COUNTY' },
    ],
  }),
  'VillageExit',
);

/**
 * 贫困县摘帽: the county proposes, the prefecture checks, the province checks (三率一度), posts the
 * notice and approves.
 */
export const COUNTY_EXIT_WORKFLOW = registerWorkflow(
  defineWorkflow({
    kind: 'COUNTY_EXIT',
    title: '贫困县摘帽 A poverty county\'s exit',
    steps: [
      { key: 'COUNTY_PROPOSAL', title: '县级申请 The county proposes', actor: 'COUNTY' },
      { key: 'PREFECTURE_CHECK', title: '市州初审 Prefecture check', actor: 'PREFECTURE' },
      { key: 'PROVINCE_CHECK', title: '省级核查 Province check', actor: 'PROVINCE' },
      { key: 'PROVINCE_NOTICE', title: '省级公示 Province notice', actor: 'PROVINCE', noticeDays: exitNoticeDaysOf },
      { key: 'PROVINCE_APPROVAL', title: '省级批准退出 Province approval', actor: 'PROVINCE' },
    ],
  }),
  'CountyExit',
);
