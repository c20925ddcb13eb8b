import path from 'node:path';
import { checkPluginSettings, EMPTY_SETTINGS, type PlatformSettings } from '@tuopin/core';
import { loadSettings, REPO_ROOT } from '@tuopin/server';
import { describe, expect, it } from 'vitest';
import { financePlugin } from '../finance.plugin.js';
import { benchmarkRateFor, creditLimitFor, DEFAULT_FINANCE_SETTINGS, financeSettingsOf, type FinanceSettings } from './finance-settings.js';

/** The finance settings a deployment with this `plugins.finance` block runs with, checked as `start` checks them. */
function checked(finance?: Record<string, unknown>): FinanceSettings {
  const settings: PlatformSettings = { ...EMPTY_SETTINGS, ...(finance ? { plugins: { finance } } : {}) };
  checkPluginSettings([financePlugin], settings);
  return financeSettingsOf(settings);
}

describe('finance settings', () => {
  it('applies the national defaults when nothing is configured', () => {
    const settings = checked();
    expect(settings.maxPrincipalFen).toBe(5_000_000n);
    expect(settings.maxTermMonths).toBe(36);
    expect(benchmarkRateFor(settings, 12)).toBe(435);
    expect(benchmarkRateFor(settings, 13)).toBe(475);
    expect(creditLimitFor(settings, 'AAA')).toBe('50000.00');
    expect(creditLimitFor(settings, 'B')).toBeNull();
    expect(settings).toEqual(DEFAULT_FINANCE_SETTINGS);
  });

  it('takes a province\'s own limits and keeps the defaults for the rest', () => {
    const settings = checked({ maxPrincipal: '30000.00', creditLimits: { AAA: '30000.00', AA: '20000.00', A: '10000.00', B: '5000.00' } });
    expect(settings.maxPrincipalFen).toBe(3_000_000n);
    expect(creditLimitFor(settings, 'B')).toBe('5000.00');
    expect(settings.defaultAfterDays).toBe(90);
  });

  it('names the plugin, the key at fault and the reason', () => {
    expect(() => checked({ maxPrincipal: 50000 })).toThrowError('plugins.finance.maxPrincipal: must be a positive yuan amount string');
    expect(() => checked({ maxPrincipal: '-3.00' })).toThrowError('plugins.finance.maxPrincipal: must be a positive yuan amount string');
    expect(() => checked({ maxTermMonth: 36 })).toThrowError('plugins.finance.maxTermMonth: unknown key');
    expect(() => checked({ creditLimits: { AAAA: '1.00' } })).toThrowError('plugins.finance.creditLimits.AAAA: must be a grade');
    expect(() => checked({ benchmarkRates: [{ upToMonths: 36, percent: 'x' }] })).toThrowError('plugins.finance.benchmarkRates[0].percent: must be a percentage string');
    expect(() => checked({ borrowerAge: { min: 70, max: 60 } })).toThrowError('plugins.finance.borrowerAge: must be a range with min ≤ max');
    expect(() => checked({ maxTermMonths: 72 })).toThrowError('plugins.finance.benchmarkRates: must be bands that cover every term up to maxTermMonths (72)');
  });

  it('is read only once checked, never parsed on a request', () => {
    expect(() => financeSettingsOf({ ...EMPTY_SETTINGS })).toThrowError("the settings of plugin 'finance' were not checked at start-up");
  });

  it('reads the plugins.finance block of the repository\'s tuopin.config.json, which states the defaults', () => {
    const settings = loadSettings(path.join(REPO_ROOT, 'tuopin.config.json'));
    expect(settings.plugins?.finance).toHaveProperty('$comment');
    checkPluginSettings([financePlugin], settings);
    expect(financeSettingsOf(settings)).toEqual(DEFAULT_FINANCE_SETTINGS);
  });
});
