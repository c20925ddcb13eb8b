import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../configuration-error.js';
import { loadHttpConfig } from './http-config.js';

function configFile(http: unknown): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'tuopin-http-')), 'tuopin.config.json');
  writeFileSync(file, JSON.stringify(http === undefined ? {} : { http }));
  return file;
}

describe('http.compiledExecution', () => {
  it('is on by default, off when the file or TUOPIN_COMPILED_EXECUTION says so, the variable winning', () => {
    expect(loadHttpConfig(configFile(undefined)).compiledExecution).toBe(true);
    expect(loadHttpConfig(configFile({ compiledExecution: false })).compiledExecution).toBe(false);
    expect(loadHttpConfig(configFile({ compiledExecution: true }), { TUOPIN_COMPILED_EXECUTION: 'off' }).compiledExecution).toBe(false);
    expect(loadHttpConfig(configFile({ compiledExecution: false }), { TUOPIN_COMPILED_EXECUTION: 'on' }).compiledExecution).toBe(true);
  });

  it('refuses anything but a boolean in the file and on/off in the variable, naming which', () => {
    expect(() => loadHttpConfig(configFile({ compiledExecution: 'no' }))).toThrowError(ConfigurationError);
    expect(() => loadHttpConfig(configFile({ compiledExecution: 'no' }))).toThrowError('http.compiledExecution');
    expect(() => loadHttpConfig(configFile({}), { TUOPIN_COMPILED_EXECUTION: 'false' })).toThrowError('TUOPIN_COMPILED_EXECUTION');
  });
});

describe('http.directJsonPosts', () => {
  it('is on by default, off when the file says so, and refuses anything but a boolean', () => {
    expect(loadHttpConfig(configFile(undefined)).directJsonPosts).toBe(true);
    expect(loadHttpConfig(configFile({ directJsonPosts: false })).directJsonPosts).toBe(false);
    expect(loadHttpConfig(configFile({ directJsonPosts: true })).directJsonPosts).toBe(true);
    expect(() => loadHttpConfig(configFile({ directJsonPosts: 'off' }))).toThrowError('http.directJsonPosts must be true or false');
  });
});
