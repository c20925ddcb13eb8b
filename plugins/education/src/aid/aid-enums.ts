import { enumOf } from '@tuopin/core';

/** Where an application stands in the procedure. */
export const APPLICATION_STATUSES = {
  SUBMITTED: '已申请（待村审核） Submitted, awaiting the village check',
  VILLAGE_CHECKED: '村已审核盖章（待乡镇审核） Checked by the village, awaiting the township',
  TOWNSHIP_CHECKED: '乡镇已审核（待县复核） Checked by the township, awaiting the county review',
  APPROVED: '县已复核并公示 Approved by the county, public notice posted',
  REJECTED: '未通过 Rejected',
} as const;
export type ApplicationStatus = keyof typeof APPLICATION_STATUSES;
export const ApplicationStatusEnum = enumOf(APPLICATION_STATUSES);

/** A reviewer's decision on an application. */
export const REVIEW_DECISIONS = {
  APPROVE: '通过 Approve this step',
  REJECT: '不通过 Reject the application',
} as const;
export const ReviewDecisionEnum = enumOf(REVIEW_DECISIONS);
