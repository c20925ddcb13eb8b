import { defineWorkflow } from '../workflow/workflow-definition.js';
import { registerWorkflow } from '../workflow/workflow-registry.js';
import { identificationNoticeDaysOf } from './identification.settings.js';

/**
 * 贫困户识别: the seven steps and "两公示一公告". The household applies and the village records it;
 * the group nominates; the village representatives assess and vote; the village committee
 * reviews and posts the first notice; the township reviews and posts the second; the county
 * poverty office rechecks and announces; the county government approves, which registers the
 * household as poor. Any step's level may reject instead (rejectCase).
 */
export const IDENTIFICATION_WORKFLOW = registerWorkflow(
  defineWorkflow({
    kind: 'IDENTIFICATION',
    title: '贫困户识别 Identification of a poor household',
    steps: [
      { key: 'APPLICATION', title: '户主申请 Application by the head of household', actor: 'VILLAGE' },
      { key: 'GROUP_NOMINATION', title: '村民小组提名 Nomination by the villagers\' group', actor: 'VILLAGE' },
      { key: 'REPRESENTATIVES_VOTE', title: '村民代表评议和表决 Assessment and vote of the village representatives', actor: 'VILLAGE' },
      { key: 'VILLAGE_REVIEW', title: '村委会审查并公示 Village committee review and first notice', actor: 'VILLAGE', noticeDays: identificationNoticeDaysOf },
      { key: 'TOWNSHIP_REVIEW', title: '乡镇审核并公示 Township review and second notice', actor: 'TOWNSHIP', noticeDays: identificationNoticeDaysOf },
      { key: 'COUNTY_RECHECK', title: '县扶贫办复核并公告 County poverty office recheck and announcement', actor: 'COUNTY', noticeDays: identificationNoticeDaysOf },
      { key: 'COUNTY_APPROVAL', title: '县政府审批 Approval by the county government', actor: 'COUNTY' },
    ],
  }),
  'IdentificationApplication',
);

export type IdentificationStep = (typeof IDENTIFICATION_WORKFLOW.steps)[number]['key'];
