/**
 * Reads a V8 CPU profile (`node --cpu-prof`) and says where the time went: self time by package
 * (graphql, @pothos/*, @mikro-orm/*, pg, our own packages, Node internals, garbage collection) and
 * the functions with the most self time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber?: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  /** Busy milliseconds (everything but idle). */
  busyMs: number;
  byPackage: { name: string; ms: number; share: number }[];
  topFunctions: { name: string; where: string; ms: number; share: number }[];
}

/** The package (or part of ours) a script URL belongs to. */
export function packageOf(url: string, serverDir: string): string {
  if (!url) return '(native / VM)';
  if (url.startsWith('node:')) return 'node internals';
  const file = url.startsWith('file://') ? decodeURIComponent(url.slice(7)) : url;
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  if (pnpm) return pnpm[1];
  const plain = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  if (plain) return plain[1];
  const relative = path.relative(serverDir, file);
  const ours = /^(packages|plugins)\/([^/]+)\/src\/([^/]+)/.exec(relative);
  if (ours) return `@tuopin/${ours[2]} (${ours[3].replace(/\.ts$/, '')})`;
  return relative.startsWith('..') ? file : relative;
}

const sourceMaps = new Map<string, SourceMap | null>();

/**
 * A frame of a built file (our server runs compiled, see compiled.ts) moved to its TypeScript
 * source through the build's source map, so that our time is still told by package and module.
 */
export function sourceFrame(frame: CallFrame): CallFrame {
  if (!frame.url.startsWith('file://') || !frame.url.endsWith('.js')) return frame;
  const file = fileURLToPath(frame.url);
  let map = sourceMaps.get(file);
  if (map === undefined) {
    map = existsSync(`${file}.map`) ? new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8'))) : null;
    sourceMaps.set(file, map);
  }
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber ?? 0);
  if (!entry || !('originalSource' in entry) || !entry.originalSource) return frame;
  const source = path.resolve(path.dirname(file), entry.originalSource);
  return { ...frame, url: pathToFileURL(source).href, lineNumber: entry.originalLine };
}

/** A window of CLOCK_MONOTONIC microseconds (`process.hrtime`), the clock V8 stamps samples with. */
export interface Window {
  fromUs: number;
  toUs: number;
}

export function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/** Summarises the samples taken inside `window` (start-up and shutdown left out). */
export function summariseProfile(file: string, serverDir: string, window: Window | null, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (window && (at < window.fromUs || at > window.toUs)) return;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });

  const packages = new Map<string, number>();
  const functions = new Map<string, { name: string; where: string; us: number }>();
  let busyUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = sourceFrame(node.callFrame);
    if (functionName === '(idle)') continue;
    busyUs += us;
    const pkg = functionName === '(garbage collector)' ? 'garbage collection' : functionName === '(program)' ? '(program)' : packageOf(url, serverDir);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
    const where = url ? `${packageOf(url, serverDir)} ${path.basename(url)}:${lineNumber + 1}` : '';
    const key = `${functionName}|${where}`;
    const entry = functions.get(key) ?? { name: functionName || '(anonymous)', where, us: 0 };
    entry.us += us;
    functions.set(key, entry);
  }
  const ms = (us: number) => Math.round(us / 100) / 10;
  const share = (us: number) => Math.round((us / busyUs) * 1000) / 10;
  return {
    busyMs: ms(busyUs),
    byPackage: [...packages]
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({ name, ms: ms(us), share: share(us) })),
    topFunctions: [...functions.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ name: f.name, where: f.where, ms: ms(f.us), share: share(f.us) })),
  };
}
