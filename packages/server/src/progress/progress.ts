import type { Logger } from '../log.js';

/** Where a progress bar is drawn: a terminal (stderr, usually). */
export interface ProgressTerminal {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressOptions {
  /** What is counted, e.g. `households`. */
  label: string;
  total: number;
  /** A terminal gets a bar redrawn in place; anything else gets `progress` lines in the log. */
  terminal: ProgressTerminal;
  log: Logger;
  /** Milliseconds since some start; injectable for tests. */
  now?: () => number;
  /** In a log, at most one line per this many milliseconds, besides every tenth of the way. Default 10 s. */
  logEveryMs?: number;
}

export interface Progress {
  /** `done` of `total` finished so far. */
  update(done: number): void;
  /** Ends the bar's line (a terminal) or writes the last line (a log). */
  finish(): void;
}

/**
 * Progress of a long command without a dependency: on a terminal, one line redrawn in place
 * (`households [#######.......] 48% 48,000/100,000 12 s, about 13 s left`); in a log, where
 * redrawing makes no sense, a `progress` line every tenth of the way or every `logEveryMs`.
 */
export function createProgress(options: ProgressOptions): Progress {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const logEveryMs = options.logEveryMs ?? 10_000;
  let lastLoggedAt = started;
  let lastLoggedTenth = 0;
  let done = 0;
  let finished = false;

  const state = () => {
    const elapsed = (now() - started) / 1000;
    const ratio = options.total > 0 ? Math.min(1, done / options.total) : 1;
    const remaining = ratio > 0 && ratio < 1 ? (elapsed / ratio) * (1 - ratio) : 0;
    return { ratio, elapsed, remaining };
  };

  const draw = () => {
    const { ratio, elapsed, remaining } = state();
    const counts = `${Math.round(ratio * 100)}% ${done.toLocaleString('en')}/${options.total.toLocaleString('en')} ${elapsed.toFixed(0)} s${ratio < 1 && done > 0 ? `, about ${remaining.toFixed(0)} s left` : ''}`;
    const width = Math.max(10, Math.min(40, (options.terminal.columns ?? 80) - options.label.length - counts.length - 5));
    const filled = Math.round(ratio * width);
    // \r returns to the line's start; \x1b[K clears what a longer previous line left behind.
    options.terminal.write(`\r${options.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${counts}\x1b[K`);
  };

  const logLine = () => {
    const { ratio, elapsed, remaining } = state();
    options.log.info('progress', {
      task: options.label,
      done,
      total: options.total,
      percent: Math.round(ratio * 1000) / 10,
      elapsedSeconds: Math.round(elapsed * 10) / 10,
      ...(ratio < 1 ? { remainingSeconds: Math.round(remaining) } : {}),
    });
  };

  return {
    update(value) {
      if (finished) return;
      done = value;
      if (options.terminal.isTTY) return draw();
      const tenth = Math.floor(state().ratio * 10);
      if (tenth > lastLoggedTenth || now() - lastLoggedAt >= logEveryMs) {
        lastLoggedTenth = tenth;
        lastLoggedAt = now();
        logLine();
      }
    },
    finish() {
      if (finished) return;
      finished = true;
      if (options.terminal.isTTY) {
        draw();
        options.terminal.write('\n');
      } else if (lastLoggedTenth < 10) {
        logLine();
      }
    },
  };
}
