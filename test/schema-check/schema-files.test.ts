import { readFileSync } from 'node:fs';
import { buildPlatform, corePlugin } from '@tuopin/core';
import { loadInstalledPlugins, renderSdl, SCHEMA_FILES } from '@tuopin/server';
import { undescribedSchemaElements } from '@tuopin/testing';
import { describe, expect, it } from 'vitest';

/** The deployment's installed plugins (the root package.json's `tuopin.plugins`). */
const installedPlugins = await loadInstalledPlugins();

describe('the committed schema', () => {
  it('matches the schema the code builds (run `pnpm schema` after changing it)', () => {
    expect(readFileSync(SCHEMA_FILES.full, 'utf8')).toBe(renderSdl(installedPlugins));
    expect(readFileSync(SCHEMA_FILES.core, 'utf8')).toBe(renderSdl([]));
  });

  it('describes every type, field, argument and enum value in Chinese and English', () => {
    expect(undescribedSchemaElements(buildPlatform({ plugins: [corePlugin, ...installedPlugins] }).schema)).toEqual([]);
  });
});
