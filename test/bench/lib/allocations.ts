/**
 * Reads a sampling heap profile of a server (compare/allocation-sampler.cjs) and says how many
 * bytes it allocated per request, and where. Unlike CPU time on a shared machine, what a request
 * allocates does not drift with the machine: the same build gives the same figure within about
 * 1 % run after run (session 34), so it tells two builds apart where CPU time cannot, and garbage
 * collection was a fifth of the household page's CPU.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageOf, sourceFrame, type CallFrame } from './profile.js';

interface AllocationNode {
  callFrame: CallFrame;
  /** Bytes allocated by this frame itself, scaled by V8 from its samples to an estimate of all. */
  selfSize: number;
  children?: AllocationNode[];
}

export interface AllocationSummary {
  bytesPerRequest: number;
  topFunctions: { name: string; where: string; bytesPerRequest: number }[];
}

export function summariseAllocations(file: string, serverDir: string, requests: number, top = 10): AllocationSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { head?: AllocationNode; error?: string };
  if (!profile.head) throw new Error(`the allocation profile ${file} was not taken: ${profile.error ?? 'no samples'}`);
  const functions = new Map<string, { name: string; where: string; bytes: number }>();
  let total = 0;
  const visit = (node: AllocationNode) => {
    if (node.selfSize > 0) {
      const { functionName, url, lineNumber } = sourceFrame(node.callFrame);
      total += node.selfSize;
      const where = url ? `${packageOf(url, serverDir)} ${path.basename(url)}:${lineNumber + 1}` : '';
      const key = `${functionName}|${where}`;
      const entry = functions.get(key) ?? { name: functionName || '(anonymous)', where, bytes: 0 };
      entry.bytes += node.selfSize;
      functions.set(key, entry);
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(profile.head);
  const perRequest = (bytes: number) => Math.round(bytes / requests);
  return {
    bytesPerRequest: perRequest(total),
    topFunctions: [...functions.values()].sort((a, b) => b.bytes - a.bytes).slice(0, top).map((f) => ({ name: f.name, where: f.where, bytesPerRequest: perRequest(f.bytes) })),
  };
}
