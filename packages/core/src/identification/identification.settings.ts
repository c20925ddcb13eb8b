import type { PlatformSettings } from '../kernel/settings.js';
import { provinceOf } from '../area/area-tree.js';

/**
 * The length of identification's notices (两公示一公告): no national figure exists, so it is a
 * setting, with a per-province override. 7 days when absent: the length most provinces' rules
 * and the county reports use for each of the two notices and the announcement (also core's
 * default for a project's notice), and the longer of the common figures (5 or 7), so a deployment
 * that forgets to set it errs on the side of the public's time to object.
 */
declare module '../kernel/settings.js' {
  interface PlatformSettings {
    /** Minimum length of each notice and the announcement of identification, in days; 7 when absent. */
    readonly identificationNoticeDays?: number;
    /** Province-specific lengths by 12-digit province code; they override the national one. */
    readonly provinceIdentificationNoticeDays?: Readonly<Record<string, number>>;
  }
}

export const DEFAULT_IDENTIFICATION_NOTICE_DAYS = 7;

/** The notice length that applies to a village's applications. */
export function identificationNoticeDaysOf(settings: PlatformSettings, villageCode: string): number {
  return settings.provinceIdentificationNoticeDays?.[provinceOf(villageCode)] ?? settings.identificationNoticeDays ?? DEFAULT_IDENTIFICATION_NOTICE_DAYS;
}
