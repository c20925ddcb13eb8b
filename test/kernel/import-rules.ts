import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The import rules of the plugin contract, read from the source files:
 * - the kernel (`packages/core/src/kernel/`) imports nothing of core's domain, no workspace
 *   package, only its own files and npm packages;
 * - core never imports a plugin;
 * - a plugin imports `@tuopin/core`'s public entry (no deep path), its own files, and the public
 *   entries of the plugins it names in `dependsOn`. Its tests may also use the test harness.
 */

/** A source file, its path relative to the repository root with `/` separators. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/** A plugin package: its folder, its npm name and what its `definePlugin` call says. */
export interface PluginPackage {
  readonly folder: string;
  readonly packageName: string;
  readonly name: string;
  readonly dependsOn: readonly string[];
}

/** What plugin tests may import beyond the plugin's own rules: the harness and the repository's typed documents. */
const TEST_ALLOWED_PACKAGES = new Set(['@tuopin/testing', '@tuopin/server']);

/** `@scope/name` of a specifier that may name a subpath export (`@tuopin/testing/codegen`). */
function packageNameOf(specifier: string): string {
  return specifier.split('/').slice(0, 2).join('/');
}
const GENERATED_DOCUMENTS = 'schema/generated/';

const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

/** Every module specifier a file names: static and dynamic imports, re-exports, module augmentations. */
export function specifiersOf(text: string): string[] {
  const code = withoutComments(text);
  const patterns = [
    /(?:^|[\s;}])(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /(?:^|[\s;}])import\s*['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bdeclare\s+module\s+['"]([^'"]+)['"]/g,
  ];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1]));
}

const isRelative = (specifier: string) => specifier.startsWith('.');
const resolveRelative = (file: string, specifier: string) => path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
const isInside = (target: string, folder: string) => target === folder || target.startsWith(`${folder}/`);

/** The rule a file breaks by importing `specifier`, or null. */
function violation(file: string, specifier: string, plugins: readonly PluginPackage[]): string | null {
  const target = isRelative(specifier) ? resolveRelative(file, specifier) : null;
  const pluginPackage = plugins.find((plugin) => specifier === plugin.packageName || specifier.startsWith(`${plugin.packageName}/`));
  const intoPlugins = target !== null && isInside(target, 'plugins');

  if (isInside(file, 'packages/core/src/kernel')) {
    if (target !== null && !isInside(target, 'packages/core/src/kernel')) return 'the kernel imports only kernel files';
    if (specifier.startsWith('@tuopin/')) return 'the kernel imports no workspace package';
  }
  if (isInside(file, 'packages/core') && (pluginPackage || intoPlugins || specifier.startsWith('@tuopin/plugin-'))) return 'core never imports a plugin';

  const owner = plugins.find((plugin) => isInside(file, plugin.folder));
  if (!owner) return null;
  const inTests = !isInside(file, `${owner.folder}/src`) || file.endsWith('.test.ts');
  if (target !== null) {
    if (isInside(target, owner.folder)) return null;
    if (inTests && isInside(target, GENERATED_DOCUMENTS.slice(0, -1))) return null;
    return `a plugin imports only its own files (not ${target})`;
  }
  if (specifier.startsWith('@tuopin/core/')) return "a plugin imports @tuopin/core's public entry, not a deep path";
  if (pluginPackage) {
    if (specifier !== pluginPackage.packageName) return `a plugin imports another plugin's public entry, not a deep path`;
    if (pluginPackage !== owner && !owner.dependsOn.includes(pluginPackage.name)) {
      return `'${owner.name}' imports '${pluginPackage.name}' without naming it in dependsOn`;
    }
    return null;
  }
  if (specifier.startsWith('@tuopin/') && specifier !== '@tuopin/core' && !(inTests && TEST_ALLOWED_PACKAGES.has(packageNameOf(specifier)))) {
    return `a plugin imports no workspace package but @tuopin/core and its dependencies (${specifier})`;
  }
  return null;
}

/** Every broken rule in these files, as `path: 'specifier' — rule`. */
export function importViolations(files: readonly SourceFile[], plugins: readonly PluginPackage[]): string[] {
  return files.flatMap((file) =>
    specifiersOf(file.text).flatMap((specifier) => {
      const broken = violation(file.path, specifier, plugins);
      return broken ? [`${file.path}: '${specifier}' — ${broken}`] : [];
    }),
  );
}

/** A plugin's name and dependencies, read from the `definePlugin({ … })` call in its `src/*.plugin.ts`. */
export function pluginOf(folder: string, packageJson: string, pluginSource: string): PluginPackage {
  const call = pluginSource.slice(pluginSource.indexOf('definePlugin('));
  const name = /\bname:\s*'([^']+)'/.exec(call)?.[1];
  if (!name) throw new Error(`${folder}: no definePlugin({ name: … }) call in its *.plugin.ts`);
  const dependsOn = [.../\bdependsOn:\s*\[([^\]]*)\]/.exec(call)?.[1].matchAll(/'([^']+)'/g) ?? []].map((match) => match[1]);
  return { folder, packageName: (JSON.parse(packageJson) as { name: string }).name, name, dependsOn };
}

function typescriptFiles(root: string, folder: string): SourceFile[] {
  const absolute = path.join(root, folder);
  return readdirSync(absolute).flatMap((entry) => {
    if (entry === 'node_modules' || entry.startsWith('.')) return [];
    const relative = `${folder}/${entry}`;
    if (statSync(path.join(root, relative)).isDirectory()) return typescriptFiles(root, relative);
    return entry.endsWith('.ts') ? [{ path: relative, text: readFileSync(path.join(root, relative), 'utf8') }] : [];
  });
}

/** The repository's core and plugin sources, and its plugin packages. */
export function readRepository(root: string): { files: SourceFile[]; plugins: PluginPackage[] } {
  const plugins = readdirSync(path.join(root, 'plugins'))
    .filter((entry) => statSync(path.join(root, 'plugins', entry)).isDirectory())
    .map((entry) => {
      const folder = `plugins/${entry}`;
      const pluginFile = readdirSync(path.join(root, folder, 'src')).find((file) => file.endsWith('.plugin.ts'));
      if (!pluginFile) throw new Error(`${folder}: no src/*.plugin.ts`);
      return pluginOf(folder, readFileSync(path.join(root, folder, 'package.json'), 'utf8'), readFileSync(path.join(root, folder, 'src', pluginFile), 'utf8'));
    });
  const files = [...typescriptFiles(root, 'packages/core'), ...plugins.flatMap((plugin) => typescriptFiles(root, plugin.folder))];
  return { files, plugins };
}
