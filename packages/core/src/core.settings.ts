import type { PlatformSettings } from './kernel/settings.js';

/**
 * Core's settings: poverty lines and the notice periods of projects, at the top level of
 * tuopin.config.json as they always were. Declared into the kernel's `PlatformSettings` by
 * declaration merging, so the kernel holds no domain setting; the public entry loads this file.
 * Poverty lines are a per-year setting (the national line was 2,300 yuan at 2010 prices,
 * re-priced every year; provinces may set higher ones), never a constant in code.
 */
declare module './kernel/settings.js' {
  interface PlatformSettings {
    /** Poverty line per year, yuan per person per year, as Money strings. */
    readonly povertyLines: Readonly<Record<string, string>>;
    /** Province-specific lines, keyed by 12-digit province code; they override the national ones. */
    readonly provincePovertyLines: Readonly<Record<string, Readonly<Record<string, string>>>>;
    /**
     * Minimum length of a project-plan notice (公示期), in days counted inclusively, before a
     * project may be approved. 7 when absent.
     */
    readonly projectNoticeDays?: number;
    /**
     * How many days before the day it is recorded a notice may have started (a board put up on
     * Friday and entered on Monday). 2 when absent; 0 means a notice is recorded the day it goes up.
     */
    readonly noticeRecordingGraceDays?: number;
  }
}

export const DEFAULT_PROJECT_NOTICE_DAYS = 7;

/** Settings with nothing configured: no poverty lines, the default notice period. */
export const EMPTY_SETTINGS: PlatformSettings = { povertyLines: {}, provincePovertyLines: {}, projectNoticeDays: DEFAULT_PROJECT_NOTICE_DAYS };

/** The poverty line that applies to a year in a province, or null when none is configured. */
export function povertyLineFor(settings: PlatformSettings, year: number, provinceCode: string): string | null {
  return settings.provincePovertyLines[provinceCode]?.[String(year)] ?? settings.povertyLines[String(year)] ?? null;
}

export const DEFAULT_NOTICE_RECORDING_GRACE_DAYS = 2;

/** How many days a notice may have run before it is recorded. */
export function noticeRecordingGraceDaysOf(settings: PlatformSettings): number {
  return settings.noticeRecordingGraceDays ?? DEFAULT_NOTICE_RECORDING_GRACE_DAYS;
}

/** The configured notice period for project approval, in days. */
export function projectNoticeDaysOf(settings: PlatformSettings): number {
  return settings.projectNoticeDays ?? DEFAULT_PROJECT_NOTICE_DAYS;
}
