import { existsSync } from 'node:fs';
import path from 'node:path';
import { RESULTS_DIR } from './options.js';

/**
 * The name (without extension) a report of a run started at `date` (ISO) gets in results/: `base`,
 * or, when a report of that name is already there (a second run on a day), `base` with the time.
 * A report is never written over another.
 */
export function reportStem(base: string, date: string): string {
  return existsSync(path.join(RESULTS_DIR, `${base}.md`)) ? `${base}-${date.slice(11, 16).replace(':', '')}` : base;
}
