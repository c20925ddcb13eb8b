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
