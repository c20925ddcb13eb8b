import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildPlatform, corePlugin, type AccessPolicy } from '@tuopin/core';
import { loadInstalledPlugins, REPO_ROOT } from '@tuopin/server';
import { describe, expect, it } from 'vitest';

const installedPlugins = await loadInstalledPlugins();

/**
 * The README's tables of roles and permissions are the declarations of core and of every
 * installed plugin, rendered: this test fails when they drift apart, and prints the block to
 * paste between the markers.
 */
const START = '<!-- access-tables:start (generated from the declarations; test/access/access-tables.test.ts checks it) -->';
const END = '<!-- access-tables:end -->';

function render(access: AccessPolicy): string {
  const permissions = access.permissions().map(({ owner, declaration }) => {
    const grantable = declaration.grantableOn?.length ? declaration.grantableOn.map((type) => `\`${type}\``).join(', ') : '';
    return `| \`${declaration.name}\` | ${owner} | ${declaration.title} | ${grantable} |`;
  });
  const roles = access.roles().map(({ owner, declaration }) => {
    const levels = declaration.scopeLevels.map((level) => level.toLowerCase()).join(', ');
    const held = access.permissionsOf(declaration.name).map((name) => `\`${name}\``).join(', ');
    return `| \`${declaration.name}\` | ${owner} | ${declaration.title}${declaration.queriesRecorded ? '; every query recorded' : ''} | ${levels} | ${held} |`;
  });
  return [
    START,
    '',
    '| permission | plugin | what it allows | grantable on |',
    '|---|---|---|---|',
    ...permissions,
    '',
    '| role | plugin | who | scopes name | permissions (with those other plugins add) |',
    '|---|---|---|---|---|',
    ...roles,
    '',
    END,
  ].join('\n');
}

describe('the README\'s roles and permissions', () => {
  it('are the declarations of core and every installed plugin', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    const expected = render(buildPlatform({ plugins: [corePlugin, ...installedPlugins] }).access);
    expect(start, `README.md lacks the generated block; add:\n\n${expected}\n`).toBeGreaterThanOrEqual(0);
    expect(readme.slice(start, end + END.length)).toBe(expected);
  });
});
