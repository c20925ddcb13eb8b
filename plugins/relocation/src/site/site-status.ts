import { RuleViolationError } from '@tuopin/core';
import { SITE_STATUSES, type SiteStatus } from '../shared/vocabulary.js';

const ORDER = Object.keys(SITE_STATUSES) as SiteStatus[];

/** A site moves planned → under construction → completed → accepted → occupied, one step at a time. */
export function assertSiteStep(from: SiteStatus, to: SiteStatus): void {
  if (ORDER.indexOf(to) === ORDER.indexOf(from) + 1) return;
  throw new RuleViolationError(
    'status',
    `安置点状态须按 规划→在建→竣工→验收→入住 的顺序推进，当前为 ${from}`,
    `A site moves planned → under construction → completed → accepted → occupied one step at a time; it is ${from}, so it cannot become ${to}`,
  );
}
