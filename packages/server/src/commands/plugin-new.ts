import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError } from '../configuration-error.js';
import { REPO_ROOT } from '../paths.js';
import { registerPluginPackage, scaffoldPlugin } from '../plugin-scaffold/scaffold-plugin.js';

const PNPM = ['-y', 'pnpm@12.4.2'];

export const PLUGIN_USAGE = `usage: pnpm plugin new <name> [--no-install]
  <name>        lower-case letters and digits, words joined by hyphens: education, demo-x`;

/** The plugin names of the workspace's plugin folders (`"tuopin": { "plugin": … }` in each package.json). */
function workspacePluginNames(root: string): string[] {
  const dir = path.join(root, 'plugins');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((folder) => path.join(dir, folder, 'package.json'))
    .filter((file) => existsSync(file))
    .map((file) => (JSON.parse(readFileSync(file, 'utf8')) as { tuopin?: { plugin?: string } }).tuopin?.plugin)
    .filter((name): name is string => typeof name === 'string');
}

function run(args: string[], root: string): boolean {
  console.log(`$ npx ${[...PNPM, ...args].join(' ')}`);
  return spawnSync('npx', [...PNPM, ...args], { cwd: root, stdio: 'inherit' }).status === 0;
}

/**
 * `pnpm plugin new <name>`: creates `plugins/<name>/` from the templates, installs it in the
 * deployment (root package.json), links it (`pnpm install --offline --no-frozen-lockfile`: the new
 * workspace package changes the lockfile, which pnpm would refuse under CI=true) and writes the schema with
 * its types (`pnpm schema`, which also generates its tests' typed documents).
 */
export function pluginCommand(args: readonly string[], root: string = REPO_ROOT): void {
  const [subcommand, name, ...flags] = args;
  const unknown = flags.filter((flag) => flag !== '--no-install');
  if (subcommand !== 'new' || !name || name.startsWith('-') || unknown.length > 0) throw new ConfigurationError(PLUGIN_USAGE);
  const plugin = scaffoldPlugin({ name, pluginsDir: path.join(root, 'plugins'), installed: workspacePluginNames(root) });
  const packageName = `@tuopin/plugin-${name}`;
  registerPluginPackage(root, packageName);
  console.log(`created ${path.relative(root, plugin.dir)}/ (${plugin.files.length} files) and installed ${packageName} in package.json`);
  const next = [`TUOPIN_PLUGINS=${name} npx ${PNPM.join(' ')} --filter ${packageName} test`];
  if (flags.includes('--no-install')) {
    next.unshift(`npx ${PNPM.join(' ')} install --offline --no-frozen-lockfile`, `npx ${PNPM.join(' ')} schema`);
  } else if (!run(['install', '--offline', '--no-frozen-lockfile'], root) || !run(['schema'], root)) {
    throw new ConfigurationError(`the plugin is created, but linking it failed: run 'npx ${PNPM.join(' ')} install' then 'npx ${PNPM.join(' ')} schema'`);
  }
  console.log(`next:\n${next.map((line) => `  ${line}`).join('\n')}`);
}
