import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, namespaceClash, pluginNameProblem, pluginNamesOf, registerPluginPackage, scaffoldPlugin } from '@tuopin/server';
import { afterEach, describe, expect, it } from 'vitest';

const folders: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tuopin-scaffold-'));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('pnpm plugin new', () => {
  it('spells a hyphenated name for each place it goes', () => {
    expect(pluginNamesOf('demo-x')).toEqual({ name: 'demo-x', namespace: 'demo_x_', pascal: 'DemoX', camel: 'demoX', constant: 'DEMO_X' });
    expect(pluginNamesOf('education')).toEqual({ name: 'education', namespace: 'education_', pascal: 'Education', camel: 'education', constant: 'EDUCATION' });
  });

  it('writes the plugin folder with every placeholder replaced', () => {
    const { dir, files } = scaffoldPlugin({ name: 'demo-x', pluginsDir: scratch(), timestamp: '20990101000000' });
    expect(files).toEqual(
      expect.arrayContaining(['package.json', 'vitest.config.ts', 'codegen.ts', 'src/index.ts', 'src/demo-x.plugin.ts', 'src/demo-x.types.ts', 'src/migrations/demo_x_20990101000000_init.ts', 'test/contract.test.ts']),
    );
    for (const file of files) expect(readFileSync(path.join(dir, file), 'utf8'), file).not.toMatch(/__[A-Za-z]+__/);
    expect(JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'))).toMatchObject({ name: '@tuopin/plugin-demo-x', tuopin: { plugin: 'demo-x' } });
  });

  it('refuses a bad name, an existing folder and an overlapping namespace, writing nothing', () => {
    const pluginsDir = scratch();
    for (const name of ['Demo', 'demo_x', 'demo--x', '-x', 'core']) {
      expect(() => scaffoldPlugin({ name, pluginsDir }), name).toThrowError(ConfigurationError);
    }
    expect(pluginNameProblem('demo_x')).toContain('words joined by single hyphens');
    expect(namespaceClash('finance-x', ['finance'])).toContain("'finance_x_' of 'finance-x' and 'finance_' of the installed plugin 'finance' overlap");
    expect(() => scaffoldPlugin({ name: 'finance', pluginsDir, installed: ['finance'] })).toThrowError("a plugin named 'finance' is already installed");
    mkdirSync(path.join(pluginsDir, 'taken'));
    expect(() => scaffoldPlugin({ name: 'taken', pluginsDir })).toThrowError('exists already');
    expect(existsSync(path.join(pluginsDir, 'Demo'))).toBe(false);
  });

  it('installs the package in the deployment: tuopin.plugins and a workspace dependency, once', () => {
    const root = scratch();
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'x', tuopin: { plugins: ['@tuopin/plugin-finance'] }, dependencies: { '@tuopin/plugin-finance': 'workspace:*' } }));
    expect(registerPluginPackage(root, '@tuopin/plugin-demo-x')).toBe(true);
    expect(registerPluginPackage(root, '@tuopin/plugin-demo-x')).toBe(false);
    expect(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))).toEqual({
      name: 'x',
      tuopin: { plugins: ['@tuopin/plugin-finance', '@tuopin/plugin-demo-x'] },
      dependencies: { '@tuopin/plugin-demo-x': 'workspace:*', '@tuopin/plugin-finance': 'workspace:*' },
    });
  });
});
