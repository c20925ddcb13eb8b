import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { installedPluginPackages, loadInstalledPlugins } from './installed-plugins.js';
import { REPO_ROOT } from './paths.js';
import { importPluginSet } from './plugin-packages.js';

/** A deployment root of its own: a package.json and, under node_modules, plugin packages written as plain JavaScript. */
const root = mkdtempSync(path.join(tmpdir(), 'tuopin-deployment-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function writePackage(name: string, source: string, manifest: Record<string, unknown> = {}): void {
  const dir = path.join(root, 'node_modules', ...name.split('/'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, type: 'module', exports: { '.': './index.js' }, ...manifest }));
  writeFileSync(path.join(dir, 'index.js'), source);
}

function writeDeployment(manifest: Record<string, unknown>): void {
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'deployment', private: true, ...manifest }));
}

writePackage('@example/plugin-visits', `export const visitsPlugin = { name: 'visits', title: '走访 Visits', entities: [], migrations: [], registerSchema() {} };
export const VISIT_KINDS = ['HOME'];`);
writePackage('@example/not-a-plugin', `export const helper = () => 1;`);
// A chain for a plugin's test set: pairing depends on visits, and lists a package that is no plugin.
writePackage('@example/plugin-pairing', `export const pairingPlugin = { name: 'pairing', title: '对口帮扶 Pairing', dependsOn: ['visits'], entities: [], migrations: [], registerSchema() {} };`, {
  tuopin: { plugin: 'pairing' },
  dependencies: { '@example/plugin-visits': '1.0.0', '@example/not-a-plugin': '1.0.0' },
});
writeFileSync(path.join(root, 'node_modules/@example/plugin-visits/package.json'), JSON.stringify({ name: '@example/plugin-visits', type: 'module', exports: { '.': './index.js' }, tuopin: { plugin: 'visits' } }));

describe('installed plugins', () => {
  it("are the repository's: the plugin packages its package.json lists", async () => {
    // Finance, and whatever `pnpm plugin new` added (CI adds demo-x to a scratch copy).
    expect(installedPluginPackages(REPO_ROOT)).toContain('@tuopin/plugin-finance');
    expect((await loadInstalledPlugins(REPO_ROOT)).map((plugin) => plugin.name)).toContain('finance');
  });

  it('are imported from the deployment root, each package giving its one plugin object', async () => {
    writeDeployment({ tuopin: { plugins: ['@example/plugin-visits'] }, dependencies: { '@example/plugin-visits': '1.0.0' } });
    expect((await loadInstalledPlugins(root)).map((plugin) => plugin.name)).toEqual(['visits']);
  });

  it('are none when the deployment lists none: core alone', async () => {
    writeDeployment({ dependencies: {} });
    expect(await loadInstalledPlugins(root)).toEqual([]);
  });

  it('must be dependencies of the deployment, not only listed', () => {
    writeDeployment({ tuopin: { plugins: ['@example/plugin-visits'] } });
    expect(() => installedPluginPackages(root)).toThrow("tuopin.plugins lists '@example/plugin-visits', which is not under dependencies");
  });

  it('refuse a package that cannot be found or exports no plugin, naming it', async () => {
    writeDeployment({ tuopin: { plugins: ['@example/plugin-missing'] }, dependencies: { '@example/plugin-missing': '1.0.0' } });
    await expect(loadInstalledPlugins(root)).rejects.toThrow("plugin package '@example/plugin-missing' cannot be found");
    writeDeployment({ tuopin: { plugins: ['@example/not-a-plugin'] }, dependencies: { '@example/not-a-plugin': '1.0.0' } });
    await expect(loadInstalledPlugins(root)).rejects.toThrow("plugin package '@example/not-a-plugin' must export exactly one plugin object");
  });

  it('must be listed as package names', () => {
    writeDeployment({ tuopin: { plugins: 'finance' } });
    expect(() => installedPluginPackages(root)).toThrow('tuopin.plugins must be a list of plugin package names');
  });
});

describe("a plugin's test set", () => {
  it('is the plugin and, transitively, the plugins it depends on, found among its dependencies, dependencies first', async () => {
    writeDeployment({ dependencies: { '@example/plugin-pairing': '1.0.0' } });
    expect((await importPluginSet(['@example/plugin-pairing'], root)).map((plugin) => plugin.name)).toEqual(['visits', 'pairing']);
  });

  it("is finance alone for finance, which depends on no plugin", async () => {
    expect((await importPluginSet(['@tuopin/plugin-finance'], REPO_ROOT)).map((plugin) => plugin.name)).toEqual(['finance']);
  });
});
