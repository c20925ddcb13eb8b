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
