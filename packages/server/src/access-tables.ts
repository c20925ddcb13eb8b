import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildPlatform, corePlugin, type AccessPolicy, type TuopinPlugin } from '@tuopin/core';
import { REPO_ROOT } from './paths.js';

/** The markers of the README's generated tables of roles and permissions. */
export const ACCESS_TABLES_START = '<!-- access-tables:start (generated from the declarations; test/access/access-tables.test.ts checks it) -->';
export const ACCESS_TABLES_END = '<!-- access-tables:end -->';

/** The README's tables of the permissions and roles that core and the plugins declare. */
export function renderAccessTables(access: AccessPolicy): string {
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
    ACCESS_TABLES_START,
    '',
    '| permission | plugin | what it allows | grantable on |',
    '|---|---|---|---|',
    ...permissions,
    '',
    '| role | plugin | who | scopes name | permissions (with those other plugins add) |',
    '|---|---|---|---|---|',
    ...roles,
    '',
    ACCESS_TABLES_END,
  ].join('\n');
}

/**
 * Rewrites the README's generated block for core and these plugins (`pnpm schema`, so that a
 * plugin added by `pnpm plugin new` is listed); returns false when the README has no block.
 */
export function writeReadmeAccessTables(plugins: readonly TuopinPlugin[], readmePath: string = path.join(REPO_ROOT, 'README.md')): boolean {
  if (!existsSync(readmePath)) return false;
  const readme = readFileSync(readmePath, 'utf8');
  const start = readme.indexOf(ACCESS_TABLES_START);
  const end = readme.indexOf(ACCESS_TABLES_END);
  if (start < 0 || end < start) return false;
  const block = renderAccessTables(buildPlatform({ plugins: [corePlugin, ...plugins] }).access);
  writeFileSync(readmePath, `${readme.slice(0, start)}${block}${readme.slice(end + ACCESS_TABLES_END.length)}`);
  return true;
}
