import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BuildOptions as BuildOptionsOfEsbuild, Plugin } from 'esbuild';
import { installedPluginPackages } from '../installed-plugins.js';
import { packageDirAbove, REPO_ROOT, SERVER_PACKAGE_DIR } from '../paths.js';

/** Where `tuopin build` writes, and what `pnpm start` runs: `node packages/server/dist/tuopin.js start`. */
export const BUILD_DIR = path.join(SERVER_PACKAGE_DIR, 'dist');

/** The build's entry file, in its output folder. */
export const BUILD_ENTRY = 'tuopin.js';

export interface BuildOptions {
  /** The deployment root whose `tuopin.plugins` are compiled in. */
  root?: string;
  /** The output folder; it must lie inside the server package, whose folder the server finds by looking up. */
  outDir?: string;
  /** Also write source maps beside the output (for `node --enable-source-maps`); on unless false. */
  sourceMaps?: boolean;
  /** The module started once the plugins are registered: the command line unless another is given (the bench's floor). */
  main?: string;
}

/**
 * Compiles the command line, core and the deployment's installed plugins into plain JavaScript,
 * so that `start` runs on Node alone. Under tsx the server carried tsx's loader thread and a
 * transpiled copy plus a source map of every module: about 95 MiB more peak memory under load on
 * the bench's household page, and each named closure cost a `defineProperty` (esbuild's
 * keepNames, which tsx turns on).
 *
 * One esbuild run with code splitting, so that the plugins, each loaded only when enabled, share
 * the build's one copy of core. Packages from node_modules stay outside the bundle, imported by
 * the file esbuild resolved them to, which is the file Node would load from the source.
 */
export async function buildServer(options: BuildOptions = {}): Promise<{ entry: string; files: number }> {
  const root = options.root ?? REPO_ROOT;
  const outDir = path.resolve(options.outDir ?? BUILD_DIR);
  checkOutDir(outDir);
  const main = options.main ?? path.join(SERVER_PACKAGE_DIR, 'src', 'cli.ts');
  const esbuild = await import('esbuild');
  rmSync(outDir, { recursive: true, force: true });
  const result = await esbuild.build({
    ...NODE_LIKE,
    entryPoints: { [path.basename(BUILD_ENTRY, '.js')]: ENTRY_MODULE },
    splitting: true,
    outdir: outDir,
    chunkNames: '[name]-[hash]',
    sourcemap: options.sourceMaps === false ? false : 'linked',
    tsconfig: path.join(root, 'tsconfig.json'),
    plugins: [buildEntry(root, main), migrationClassOnly(), nodeModulesOutside()],
  });
  return { entry: path.join(outDir, BUILD_ENTRY), files: Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js')).length };
}

/**
 * The output folder is emptied first, and the built modules find the repository root by looking up
 * for the server package: so it must be `dist` or `dist-…` (ignored by git), or a folder in one,
 * inside the server package. Anything else is refused before a file is touched.
 */
function checkOutDir(outDir: string): void {
  const inPackage = path.relative(SERVER_PACKAGE_DIR, outDir);
  const top = inPackage.split(path.sep)[0];
  if (path.isAbsolute(inPackage) || (top !== 'dist' && !top.startsWith('dist-'))) {
    throw new Error(`the build's output folder must be ${BUILD_DIR}, or a dist-… folder (or one inside either) in ${SERVER_PACKAGE_DIR}; got ${outDir}`);
  }
}

/**
 * Compiles one TypeScript script that needs no plugins (the bench's peer and raw floor) into one
 * file, with the same resolution as the server's build.
 */
export async function bundleScript(entry: string, outFile: string): Promise<void> {
  const esbuild = await import('esbuild');
  await esbuild.build({ ...NODE_LIKE, entryPoints: [entry], outfile: outFile, plugins: [nodeModulesOutside()] });
}

/** esbuild set to bundle for this Node, resolving packages as Node does. */
const NODE_LIKE = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // V8 keeps every module's source text for as long as the server runs, and stores a source with one
  // character outside Latin-1 at two bytes per character: the comments esbuild kept (a few in
  // Chinese) made the build's chunks 3.4 MB of the server's heap. Without comments and indentation
  // the text is ASCII (esbuild escapes the rest): 1.9 MB less heap alive at rest. Names stay, so
  // stack traces still read; lines are cut soon after 120 characters, so that the line Node prints
  // with an uncaught error stays short.
  minifyWhitespace: true,
  lineLimit: 120,
  // Node's own resolution: no `module` condition or field, which esbuild would otherwise prefer.
  conditions: [],
  mainFields: ['main'],
  logLevel: 'silent',
  metafile: true,
} satisfies BuildOptionsOfEsbuild;

const ENTRY_MODULE = 'tuopin-build-entry';

/**
 * The build's entry: registers each installed plugin's compiled module, then imports `main`. The
 * command line is imported after the registration, and not statically, because it starts at once.
 */
function buildEntry(root: string, main: string): Plugin {
  const resolve = createRequire(path.join(root, 'package.json')).resolve;
  const plugins = installedPluginPackages(root).map((name) => {
    const entry = resolve(name);
    return `${JSON.stringify(name)}: { load: () => import(${JSON.stringify(entry)}), packageDir: ${JSON.stringify(packageDirAbove(path.dirname(entry)))} }`;
  });
  const src = path.join(SERVER_PACKAGE_DIR, 'src');
  const contents = [
    `import { registerBuiltPlugins } from ${JSON.stringify(path.join(src, 'built-plugins.ts'))};`,
    `registerBuiltPlugins({ ${plugins.join(', ')} });`,
    `await import(${JSON.stringify(main)});`,
  ].join('\n');
  return {
    name: 'tuopin-build-entry',
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${ENTRY_MODULE}$`) }, () => ({ path: ENTRY_MODULE, namespace: ENTRY_MODULE }));
      build.onLoad({ filter: /.*/, namespace: ENTRY_MODULE }, () => ({ contents, loader: 'ts', resolveDir: src }));
    },
  };
}

/**
 * Every migration, core's or a plugin's, imports `Migration` from `@mikro-orm/migrations`, whose
 * index also loads the migrator, umzug and, through umzug, zod, argparse and rushstack: 2.6 MB of
 * heap the server would keep for as long as it runs, though it loads the migrator itself only when
 * a migration is pending (orm.ts, with a dynamic import). In the build every static import of the
 * package is pointed at its file that defines the class alone; importing anything else from it
 * statically fails at start, loudly. When the migrator is loaded, its index requires that same
 * file, so there is still one `Migration` class. `test/server/migrator-loading.test.ts` checks that
 * an up-to-date database loads no umzug, and that a new one is migrated.
 */
function migrationClassOnly(): Plugin {
  return {
    name: 'migration-class-only',
    setup(build) {
      build.onResolve({ filter: /^@mikro-orm\/migrations$/ }, (args) => {
        // Only a module's own static import: not the migrator's dynamic import, nor a resolution that another plugin asks for.
        if (args.kind !== 'import-statement' || !args.importer) return undefined;
        const index = createRequire(args.importer).resolve(args.path);
        return { path: path.join(packageDirAbove(path.dirname(index)), 'Migration.js'), external: true };
      });
    },
  };
}

/** Packages other than the workspace's own stay outside the bundle, imported by their resolved file. */
function nodeModulesOutside(): Plugin {
  const inner = Symbol('resolving a package');
  return {
    name: 'node-modules-outside',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === inner || args.path.startsWith('@tuopin/') || args.path.startsWith('node:')) return undefined;
        const resolved = await build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: inner });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        return { path: resolved.path, external: true };
      });
    },
  };
}
