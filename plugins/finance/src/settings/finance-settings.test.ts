import path from 'node:path';
import { loadSettings, REPO_ROOT } from '@tuopin/server';
import { describe, expect, it } from 'vitest';
import { benchmarkRateFor, creditLimitFor, financeSettingsOf, parseFinanceSettings } from './finance-settings.js';

describe('finance settings', () => {
  it('applies the national defaults when nothing is configured', () => {
    const settings = parseFinanceSettings();
    expect(settings.maxPrincipalFen).toBe(5_000_000n);
    expect(settings.maxTermMonths).toBe(36);
    expect(benchmarkRateFor(settings, 12)).toBe(435);
    expect(benchmarkRateFor(settings, 13)).toBe(475);
    expect(creditLimitFor(settings, 'AAA')).toBe('50000.00');
    expect(creditLimitFor(settings, 'B')).toBeNull();
  });

  it('takes a province\'s own limits and keeps the defaults for the rest', () => {
    const settings = parseFinanceSettings({ maxPrincipal: '30000.00', creditLimits: { AAA: '30000.00', AA: '20000.00', A: '10000.00', B: '5000.00' } });
    expect(settings.maxPrincipalFen).toBe(3_000_000n);
    expect(creditLimitFor(settings, 'B')).toBe('5000.00');
    expect(settings.defaultAfterDays).toBe(90);
  });

  it('names the key at fault', () => {
    expect(() => parseFinanceSettings({ maxPrincipal: 50000 })).toThrowError('plugins.finance.maxPrincipal must be a positive yuan amount string');
    expect(() => parseFinanceSettings({ maxTermMonth: 36 })).toThrowError('plugins.finance.maxTermMonth must be one of');
    expect(() => parseFinanceSettings({ creditLimits: { AAAA: '1.00' } })).toThrowError('plugins.finance.creditLimits.AAAA');
    expect(() => parseFinanceSettings({ maxTermMonths: 72 })).toThrowError('bands that cover every term up to maxTermMonths (72)');
  });

  it('reads the plugins.finance block of the repository\'s tuopin.config.json, which states the defaults', () => {
    const settings = loadSettings(path.join(REPO_ROOT, 'tuopin.config.json'));
    expect(settings.plugins?.finance).toHaveProperty('$comment');
    expect(financeSettingsOf(settings)).toEqual(parseFinanceSettings());
  });
});
