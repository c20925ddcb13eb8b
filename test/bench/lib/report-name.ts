import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
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

/**
 * Writes a one-file report of a kind (`floor`, `compare`) as `results/<kind>-<day>.md` (with the
 * time for a second one on a day, `reportStem`) and as `results/latest-<kind>.md`; returns its path.
 */
export function saveDailyReport(kind: string, date: string, markdown: string): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${reportStem(`${kind}-${date.slice(0, 10)}`, date)}.md`);
  writeFileSync(file, markdown);
  copyFileSync(file, path.join(RESULTS_DIR, `latest-${kind}.md`));
  return file;
}
