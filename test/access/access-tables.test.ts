import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildPlatform, corePlugin } from '@tuopin/core';
import { ACCESS_TABLES_END, ACCESS_TABLES_START, loadInstalledPlugins, renderAccessTables, REPO_ROOT } from '@tuopin/server';
import { describe, expect, it } from 'vitest';

const installedPlugins = await loadInstalledPlugins();

/**
 * The README's tables of roles and permissions are the declarations of core and of every
 * installed plugin, rendered (`renderAccessTables`): this test fails when they drift apart, and
 * prints the block to paste between the markers; `pnpm schema` rewrites it.
 */
const START = ACCESS_TABLES_START;
const END = ACCESS_TABLES_END;

describe('the README\'s roles and permissions', () => {
  it('are the declarations of core and every installed plugin', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    const expected = renderAccessTables(buildPlatform({ plugins: [corePlugin, ...installedPlugins] }).access);
    expect(start, `README.md lacks the generated block; add:\n\n${expected}\n`).toBeGreaterThanOrEqual(0);
    expect(readme.slice(start, end + END.length)).toBe(expected);
  });
});
