import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildPlatform, corePlugin, DIVISION_CODES, type ScopeLevel, type TuopinPlugin } from '@tuopin/core';
import { REPO_ROOT } from '@tuopin/server';
import { describe, expect, it } from 'vitest';
import { makeNotesPlugin } from '../fixtures/notes-plugin.js';

/**
 * Issue 11 ("the kernel knows no domain"): what area codes are and which type holds statistics
 * are core's declarations (`area/division-code.ts`, `statisticsBlocks` on `RegionStats`). The
 * kernel's code — comments aside, which may give examples — names no area level, no division code
 * and no domain type.
 */
const KERNEL = join(REPO_ROOT, 'packages/core/src/kernel');
const DOMAIN_WORDS = /'(?:PROVINCE|PREFECTURE|COUNTY|TOWNSHIP|VILLAGE|RegionStats)'|(?<![\d.])\d{12}(?![\d.])/g;

function kernelSources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return kernelSources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The text without comments: block comments, and a line's `//` that no open quote on that line precedes. */
function code(text: string): string {
  const withoutLineComment = (line: string) => {
    for (let at = line.indexOf('//'); at >= 0; at = line.indexOf('//', at + 2)) {
      const before = line.slice(0, at);
      if (['\'', '"', '`'].every((quote) => before.split(quote).length % 2 === 1)) return before;
    }
    return line;
  };
  return text.replace(/\/\*[\s\S]*?\*\//g, '').split('\n').map(withoutLineComment).join('\n');
}

describe('the kernel', () => {
  it('names no area level, division code or domain type in its code', () => {
    const sources = kernelSources(KERNEL);
    expect(sources.length).toBeGreaterThan(30);
    const found = sources.flatMap((path) => [...code(readFileSync(path, 'utf8')).matchAll(DOMAIN_WORDS)].map((m) => `${relative(REPO_ROOT, path)}: ${m[0]}`));
    expect(found).toEqual([]);
  });

  it('is caught naming one', () => {
    expect([...code("const x = 'COUNTY'; // 'VILLAGE'\n/** 'RegionStats' */ const y = '433125000000'; const z = '999999999999.99';").matchAll(DOMAIN_WORDS)].map((m) => m[0])).toEqual([
      "'COUNTY'",
      '433125000000',
    ]);
  });
});

describe("core's area model, handed to the kernel", () => {
  const build = (overrides: Partial<TuopinPlugin>) => () => buildPlatform({ plugins: [corePlugin, makeNotesPlugin(overrides)] });

  it('is core alone to declare', () => {
    expect(corePlugin.areaCodes).toBe(DIVISION_CODES);
    expect(build({ areaCodes: DIVISION_CODES })).toThrow("Only 'core' declares the area code model (areaCodes); declared by: core, notes");
  });

  it("gives roles' scope levels core's level names", () => {
    // The compiler knows them too (core merges its names into the kernel's AreaLevelNames).
    const known: ScopeLevel[] = ['NATION', 'COUNTY'];
    // @ts-expect-error 'STREET' is no level of core's model
    const unknown: ScopeLevel = 'STREET';
    expect([...known, unknown]).toHaveLength(3);
    const role = (scopeLevels: string[]) => ({ roles: [{ name: 'NOTES_VISITOR', title: '走访员 Visitor', permissions: ['core.registry.read'], scopeLevels: scopeLevels as never }] });
    expect(build(role(['TOWNSHIP', 'VILLAGE']))).not.toThrow();
    expect(build(role(['STREET']))).toThrow(
      "Plugin 'notes': role 'NOTES_VISITOR' must list the area levels its scopes may name (NATION, PROVINCE, PREFECTURE, COUNTY, TOWNSHIP, VILLAGE)",
    );
  });
});
