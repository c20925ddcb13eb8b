import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildPlatform, corePlugin } from '@tuopin/core';
import { loadInstalledPlugins, REPO_ROOT } from '@tuopin/server';
import { Kind, parse, validate } from 'graphql';
import { expect, it } from 'vitest';

/** The deployment's installed plugins (the root package.json's `tuopin.plugins`). */
const installedPlugins = await loadInstalledPlugins();

// The README's GraphiQL examples are pasted whole by newcomers: each block must run as it stands.
const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);

it('has GraphiQL examples', () => {
  expect(blocks.length).toBeGreaterThanOrEqual(8);
});

it.each(blocks.map((block) => [block.split('\n')[0], block]))('%s: one named operation, the token to use, valid against the schema', (_title, block) => {
  expect(block).toMatch(/^# Token: (NATIONAL_ADMIN|PROVINCE_ADMIN|COUNTY_OFFICER|TOWNSHIP_OFFICER|VILLAGE_OFFICER|AUDITOR|NGO_PARTNER)\b/);
  const document = parse(block);
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  expect(operations).toHaveLength(1);
  expect(operations[0]!.name?.value).toMatch(/^[A-Z]\w+$/);
  expect(validate(buildPlatform({ plugins: [corePlugin, ...installedPlugins] }).schema, document)).toEqual([]);
});
