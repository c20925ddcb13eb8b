/**
 * The servers under test run as compiled JavaScript, as in production: ours as `pnpm start` runs
 * it (its own `tuopin build`, then `node packages/server/dist/tuopin.js start`), the peer's and the
 * raw floor's scripts bundled the same way. Under tsx every server carried tsx's loader thread and
 * source maps, which weighed on peak memory (ours most, having the most modules).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { BUILD_DIR, BUILD_ENTRY, buildServer, bundleScript } from '../../../packages/server/src/build/build-server.js';
import { BENCH_DIR, WORK_DIR } from './options.js';
import { runNode } from './processes.js';

const builds = new Map<string, Promise<string[]>>();

/**
 * The arguments that start our server from `serverDir`: its build's entry, built once per bench
 * run by that checkout's own command line. A checkout from before the build runs from source.
 */
export function ourServerArgs(serverDir: string): Promise<string[]> {
  let args = builds.get(serverDir);
  if (!args) {
    args = (async () => {
      const cli = path.join('packages', 'server', 'src', 'cli.ts');
      if (!existsSync(path.join(serverDir, 'packages', 'server', 'src', 'build', 'build-server.ts'))) return [cli, 'start'];
      await runNode({ cwd: serverDir, args: [cli, 'build'], env: {}, logName: 'build-ours.log' });
      // That checkout's BUILD_DIR.
      return [path.join(serverDir, 'packages', 'server', path.basename(BUILD_DIR), BUILD_ENTRY), 'start'];
    })();
    builds.set(serverDir, args);
  }
  return args;
}

const scripts = new Map<string, Promise<string>>();

/** A bench script (a server's TypeScript) compiled to .work/compiled/<name>.mjs, once per bench run. */
export function compiledScript(script: string): Promise<string> {
  let compiled = scripts.get(script);
  if (!compiled) {
    const outFile = path.join(WORK_DIR, 'compiled', `${path.basename(script, '.ts')}.mjs`);
    compiled = bundleScript(script, outFile).then(() => outFile);
    scripts.set(script, compiled);
  }
  return compiled;
}

let floorBuild: Promise<string> | undefined;

/**
 * The floor's layer server (../floor/floor-server.ts) built like our server, its plugins compiled
 * in, so that its layers and `start` are measured as the same kind of code. Written beside the
 * server's build, inside the server package, which the server's modules look up to find the root.
 */
export function floorServerEntry(): Promise<string> {
  floorBuild ??= buildServer({ main: path.join(BENCH_DIR, 'floor', 'floor-server.ts'), outDir: FLOOR_BUILD_DIR }).then((built) => built.entry);
  return floorBuild;
}

const FLOOR_BUILD_DIR = path.join(path.dirname(BUILD_DIR), 'dist-floor');
