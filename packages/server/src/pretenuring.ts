import { setFlagsFromString } from 'node:v8';
import { ConfigurationError } from './configuration-error.js';

/**
 * Whether V8 pretenures by allocation site: `TUOPIN_ALLOCATION_SITE_PRETENURING`, `on` or `off`.
 *
 * V8 watches where objects are allocated and, when most of a site's objects are still alive at the
 * next young-generation collection, allocates that site's later objects straight in the old
 * generation. Under load a request's objects live as long as it waits for PostgreSQL, so the heavy
 * questions at 50 connections teach V8 to pretenure sites that every request passes through; the
 * decision stays when the load turns light, and from then on every request leaves garbage in the
 * old generation, which only a full collection frees (test/bench/README.md, sessions 39 and 40).
 */
export function allocationSitePretenuring(value: string | undefined): boolean {
  if (value === undefined || value === '') return PRETENURING_BY_DEFAULT;
  if (value !== 'on' && value !== 'off') throw new ConfigurationError(`TUOPIN_ALLOCATION_SITE_PRETENURING must be "on" or "off", got '${value}'`);
  return value === 'on';
}

/** Off unless set: see the measurements in test/bench/README.md, session 40. */
export const PRETENURING_BY_DEFAULT = false;

/**
 * Applies the setting to this process. V8 reads the flag at every young-generation collection and
 * Node leaves V8's flags writable after start-up; `start` calls it first, before any request.
 */
export function applyPretenuring(on: boolean): void {
  if (!on) setFlagsFromString('--no-allocation-site-pretenuring');
}
