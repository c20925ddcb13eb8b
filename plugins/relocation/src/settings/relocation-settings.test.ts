import path from 'node:path';
import { checkPluginSettings, EMPTY_SETTINGS, type PlatformSettings } from '@tuopin/core';
import { loadSettings, REPO_ROOT } from '@tuopin/server';
import { describe, expect, it } from 'vitest';
import { relocationPlugin } from '../relocation.plugin.js';
import { relocationFiguresFor, relocationSettingsOf, type RelocationSettings } from './relocation-settings.js';

function checked(relocation?: Record<string, unknown>): RelocationSettings {
  const settings: PlatformSettings = { ...EMPTY_SETTINGS, ...(relocation ? { plugins: { relocation } } : {}) };
  checkPluginSettings([relocationPlugin], settings);
  return relocationSettingsOf(settings);
}

describe('relocation settings', () => {
  it('defaults only the national 25 m² per person; the subsidy, self-funding cap and demolition deadline have no default', () => {
    expect(relocationFiguresFor(checked(), '433125100201', 2016)).toEqual({
      floorAreaPerPersonHundredths: 2500n,
      subsidyPerPersonFen: null,
      selfRaisedCapFen: null,
      demolitionMonths: null,
    });
  });

  it('takes the most specific figure: a province\'s year, the province, the year, the nation', () => {
    const settings = checked({
      subsidyPerPerson: '5000.00',
      years: { '2017': { subsidyPerPerson: '5500.00' } },
      provinces: { '430000000000': { floorAreaPerPerson: '20.00', selfRaisedCapPerHousehold: '10000.00', years: { '2017': { subsidyPerPerson: '8000.00' } } } },
    });
    expect(relocationFiguresFor(settings, '433125100201', 2017)).toMatchObject({ floorAreaPerPersonHundredths: 2000n, subsidyPerPersonFen: 800000n, selfRaisedCapFen: 1000000n });
    expect(relocationFiguresFor(settings, '433125100201', 2016)).toMatchObject({ subsidyPerPersonFen: 500000n });
    expect(relocationFiguresFor(settings, '211382108201', 2017)).toMatchObject({ floorAreaPerPersonHundredths: 2500n, subsidyPerPersonFen: 550000n, selfRaisedCapFen: null });
  });

  it('names the plugin, the key at fault and the reason', () => {
    expect(() => checked({ floorAreaPerPerson: 25 })).toThrowError('plugins.relocation.floorAreaPerPerson: must be a positive decimal string like "25.00"');
    expect(() => checked({ years: { '16': {} } })).toThrowError('plugins.relocation.years.16: must be a plan year');
    expect(() => checked({ provinces: { '433125000000': {} } })).toThrowError('plugins.relocation.provinces.433125000000: must be a 12-digit province code');
    expect(() => checked({ provinces: { '430000000000': { demolitionMonthsAfterMoveIn: 0 } } })).toThrowError('plugins.relocation.provinces.430000000000.demolitionMonthsAfterMoveIn: must be a whole number of months');
    expect(() => checked({ subsidy: '1.00' })).toThrowError('plugins.relocation.subsidy: unknown key');
  });

  it('reads the plugins.relocation block of the repository\'s tuopin.config.json, which states the national default', () => {
    const settings = loadSettings(path.join(REPO_ROOT, 'tuopin.config.json'));
    expect(settings.plugins?.relocation).toHaveProperty('$comment');
    checkPluginSettings([relocationPlugin], settings);
    expect(relocationFiguresFor(relocationSettingsOf(settings), '433125100201', 2016).floorAreaPerPersonHundredths).toBe(2500n);
  });
});
