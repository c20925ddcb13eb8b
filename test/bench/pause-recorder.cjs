// Loaded into our server and the peer's by the bench (node --require <this file>), with
// BENCH_PAUSE_LOG naming the file it writes. While recording (SIGUSR2 starts it, the next SIGUSR2
// stops it: the bench records only its runs at fixed rates) it writes one line for every pause of
// the process:
//   gc <start, ms since the epoch> <ms> <minor|major|incremental|weak>   a garbage collector's pause
//   stall <start, ms since the epoch> <ms>   the event loop ran no timer for that long past its due
//                                            time: busy with other work, in a pause, or not scheduled
// and `on <ms since the epoch>` / `off <ms since the epoch>` when it starts and stops, so that the
// bench knows the last line is written. Lines are written as they come (synchronously): a run's
// lines are on disk before the bench reads them.
'use strict';
const fs = require('node:fs');
const { PerformanceObserver, performance, constants } = require('node:perf_hooks');

const file = process.env.BENCH_PAUSE_LOG;
if (file) {
  // A timer every TICK_MS; a tick later than that by STALL_MS or more is a stall. Below it, the
  // loop was only as busy as serving a request or two makes it.
  const TICK_MS = 5;
  const STALL_MS = 5;
  const KINDS = {
    [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
    [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
    [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
    [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak',
  };
  const epoch = (t) => (performance.timeOrigin + t).toFixed(1);
  const write = (line) => fs.appendFileSync(file, `${line}\n`);
  let ticker = null;
  let lastTick = 0;
  let since = 0;

  // Entries reach the observer after their collection, so one from before the recording started
  // may arrive during it: only those that started since are written.
  new PerformanceObserver((list) => {
    if (!ticker) return;
    const lines = list.getEntries().filter((e) => e.startTime >= since).map((e) => `gc ${epoch(e.startTime)} ${e.duration.toFixed(2)} ${KINDS[e.detail?.kind] ?? 'other'}`);
    if (lines.length) write(lines.join('\n'));
  }).observe({ entryTypes: ['gc'] });

  const tick = () => {
    const now = performance.now();
    const late = now - lastTick - TICK_MS;
    if (late >= STALL_MS) write(`stall ${epoch(lastTick + TICK_MS)} ${late.toFixed(2)}`);
    lastTick = now;
  };

  process.on('SIGUSR2', () => {
    if (ticker) {
      clearInterval(ticker);
      ticker = null;
      write(`off ${epoch(performance.now())}`);
      return;
    }
    since = performance.now();
    write(`on ${epoch(since)}`);
    lastTick = since;
    ticker = setInterval(tick, TICK_MS);
    ticker.unref();
  });
}
