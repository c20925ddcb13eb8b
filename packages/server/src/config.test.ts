import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, loadSettings } from './config.js';

function settingsFrom(config: unknown) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'tuopin-config-')), 'tuopin.config.json');
  writeFileSync(file, JSON.stringify(config));
  return loadSettings(file);
}

describe('the suppression settings', () => {
  it('take k and the money unit from tuopin.config.json, and nothing when absent', () => {
    expect(settingsFrom({ suppression: { $comment: 'x', threshold: 10, moneyUnit: '1000' } }).suppression).toEqual({ threshold: 10, moneyUnit: '1000.00' });
    expect(settingsFrom({}).suppression).toEqual({});
  });

  it('refuse what would weaken or break the protection, naming the key', () => {
    for (const [suppression, key] of [
      [{ threshold: 1 }, 'suppression.threshold'],
      [{ threshold: 4.5 }, 'suppression.threshold'],
      [{ moneyUnit: '0.50' }, 'suppression.moneyUnit'],
      [{ moneyUnit: 10000 }, 'suppression.moneyUnit'],
      [{ treshold: 5 }, "unknown key 'treshold'"],
      [5, 'suppression must be an object'],
    ] as const) {
      expect(() => settingsFrom({ suppression }), key).toThrowError(ConfigurationError);
      expect(() => settingsFrom({ suppression }), key).toThrowError(key);
    }
  });
});

describe('the identification notice settings', () => {
  it('default to 7 days, and take a province\'s own length over the national one', async () => {
    const { identificationNoticeDaysOf } = await import('@tuopin/core');
    const none = settingsFrom({});
    expect(none.identificationNoticeDays).toBe(7);
    const set = settingsFrom({ identificationNoticeDays: 5, provinceIdentificationNoticeDays: { '430000000000': 10 } });
    expect(identificationNoticeDaysOf(set, '433125100201')).toBe(10);
    expect(identificationNoticeDaysOf(set, '211382108201')).toBe(5);
    expect(identificationNoticeDaysOf(none, '433125100201')).toBe(7);
  });

  it('refuse a length out of range or a key that is no province code, naming the key', () => {
    for (const [config, key] of [
      [{ identificationNoticeDays: 2 }, 'identificationNoticeDays'],
      [{ identificationNoticeDays: '7' }, 'identificationNoticeDays'],
      [{ provinceIdentificationNoticeDays: { '433125000000': 7 } }, "provinceIdentificationNoticeDays: '433125000000'"],
      [{ provinceIdentificationNoticeDays: { '430000000000': 40 } }, 'provinceIdentificationNoticeDays.430000000000'],
      [{ provinceIdentificationNoticeDays: 7 }, 'provinceIdentificationNoticeDays must be an object'],
    ] as const) {
      expect(() => settingsFrom(config), key).toThrowError(ConfigurationError);
      expect(() => settingsFrom(config), key).toThrowError(key);
    }
  });
});

describe('the work-team settings', () => {
  it('are read from the top-level workTeams block, with the national rules as defaults', () => {
    expect(settingsFrom({}).workTeams).toEqual({ minTeamSize: 3, minTermYears: 2, helperCaps: {}, provinces: {} });
    const settings = settingsFrom({ workTeams: { $comment: 'x', minTeamSize: 4, provinces: { '430000000000': { helperCaps: { STAFF: 6 } } } } });
    expect(settings.workTeams).toEqual({ minTeamSize: 4, minTermYears: 2, helperCaps: {}, provinces: { '430000000000': { helperCaps: { STAFF: 6 } } } });
  });

  it('refuse a block that does not fit, naming the key', () => {
    for (const [workTeams, message] of [
      [{ minTeamSize: 0 }, 'workTeams.minTeamSize: must be a whole number from 1 to 50'],
      [{ minTermYear: 2 }, 'workTeams.minTermYear: unknown key'],
      [{ provinces: { '4300': {} } }, 'workTeams.provinces'],
      [{ helperCaps: { GENERAL: 3 } }, 'workTeams.helperCaps'],
    ] as const) {
      expect(() => settingsFrom({ workTeams }), message).toThrowError(ConfigurationError);
      expect(() => settingsFrom({ workTeams }), message).toThrowError(message);
    }
  });

  it('refuse the old plugins.core block, saying where its key went in both languages', () => {
    const old = { plugins: { core: { workTeams: { minTeamSize: 3 } } } };
    expect(() => settingsFrom(old)).toThrowError(ConfigurationError);
    expect(() => settingsFrom(old)).toThrowError('请把 plugins.core.workTeams 移到顶层的 workTeams');
    expect(() => settingsFrom(old)).toThrowError('move plugins.core.workTeams to a top-level workTeams');
  });

  it('are what the repository\'s tuopin.config.json gives 湖南', () => {
    const settings = loadSettings(path.join(import.meta.dirname, '../../../tuopin.config.json'));
    expect(settings.workTeams?.provinces['430000000000']).toMatchObject({ minTeamSize: 2, helperCaps: { VILLAGE_CADRE: 2 } });
  });
});
