import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { ConfigurationError } from './configuration-error.js';
import { allocationSitePretenuring, PRETENURING_BY_DEFAULT } from './pretenuring.js';

/** A secret of its own, so that loading the configuration reads or writes no development secret file. */
const SECRET = { TUOPIN_JWT_SECRET: 'pretenuring-test-secret-0123456789abcdef' };

describe('TUOPIN_ALLOCATION_SITE_PRETENURING', () => {
  it('is the default unless set, and on or off when set', async () => {
    expect(allocationSitePretenuring(undefined)).toBe(PRETENURING_BY_DEFAULT);
    expect(allocationSitePretenuring('')).toBe(PRETENURING_BY_DEFAULT);
    expect((await loadConfig({ ...SECRET })).allocationSitePretenuring).toBe(PRETENURING_BY_DEFAULT);
    expect(allocationSitePretenuring('on')).toBe(true);
    expect(allocationSitePretenuring('off')).toBe(false);
    expect((await loadConfig({ ...SECRET, TUOPIN_ALLOCATION_SITE_PRETENURING: 'on' })).allocationSitePretenuring).toBe(true);
    expect((await loadConfig({ ...SECRET, TUOPIN_ALLOCATION_SITE_PRETENURING: 'off' })).allocationSitePretenuring).toBe(false);
  });

  it('refuses anything but on and off, naming the variable', async () => {
    for (const value of ['true', 'ON', '1', 'no']) {
      expect(() => allocationSitePretenuring(value), value).toThrowError(ConfigurationError);
      expect(() => allocationSitePretenuring(value), value).toThrowError(/TUOPIN_ALLOCATION_SITE_PRETENURING must be "on" or "off"/);
    }
    await expect(loadConfig({ ...SECRET, TUOPIN_ALLOCATION_SITE_PRETENURING: 'yes' })).rejects.toThrowError(/TUOPIN_ALLOCATION_SITE_PRETENURING/);
  });
});

describe('applyPretenuring in a running process', () => {
  // A real child process, traced: objects kept alive from one allocation site get V8's
  // pretenuring statistics at every young-generation collection, unless the setting, applied after
  // start-up as `start` applies it, turned pretenuring off. So a Node that froze V8's flags after
  // start-up would fail here, not silently in production.
  const module = pathToFileURL(fileURLToPath(new URL('./pretenuring.ts', import.meta.url))).href;
  const sitesTraced = (on: boolean) => {
    const result = spawnSync(process.execPath, ['--trace-pretenuring-statistics', '--import', 'tsx', '--input-type=module', '-e', `
      const { applyPretenuring } = await import(${JSON.stringify(module)});
      applyPretenuring(${on});
      const kept = [];
      for (let i = 0; i < 2_000_000; i++) {
        kept.push({ i, pair: [i, i + 1] });
        if (kept.length > 200_000) kept.length = 0;
      }
      console.log('done', kept.length > 0);
    `], { encoding: 'utf8', timeout: 60_000 });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/done true/);
    return result.stdout.split('\n').filter((line) => line.includes('pretenuring: AllocationSite')).length;
  };

  it('on: V8 keeps statistics of allocation sites; off: none', () => {
    expect(sitesTraced(true)).toBeGreaterThan(0);
    expect(sitesTraced(false)).toBe(0);
  });
});
