import type { IncomingMessage, ServerResponse } from 'node:http';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ConfigurationError } from './configuration-error.js';
import { applyHeapGrowth } from './heap-growth.js';
import type { Logger } from './log.js';

/**
 * A second without a request. Under load the server is never idle that long, and the bench's runs of
 * one question follow each other within a few hundred milliseconds, so a collection happens when a
 * burst of requests is over, not inside one.
 */
export const DEFAULT_IDLE_COLLECTION_SECONDS = 1;

/**
 * How much more the old generation must hold (its objects, alive or dead: mostly what requests
 * promoted since) than the last collection here found alive before an idle server collects. A full
 * collection of the 45–55 MB that stay alive takes tens of milliseconds; below this there is little
 * memory to give back for it.
 *
 * Counted in objects, not in committed pages. A collection leaves 15–30 MiB committed over what is
 * alive until V8's memory reducer gives the pages back, so a rule on committed memory needed a
 * threshold above that (32 MiB until session 63), and under it a burst's promoted garbage stayed
 * resident for as long as the server was idle. In the full run at 22a4b40 the household search's
 * first run started at 186 and 190 MiB after the `{ __typename }` runs in the two rounds whose idle
 * period found the old generation grown by less than 32 MiB, and at 157 in the round whose did.
 */
export const IDLE_COLLECTION_GROWTH_BYTES = 16 * 1024 * 1024;

/**
 * The old generation's growth, in per cent of what is alive, while the server is idle: V8's own
 * factor while its memory reducer works (1.1), which the growth set for load (heap-growth.ts)
 * would otherwise override.
 */
export const IDLE_HEAP_GROWING_PERCENT = 10;

/**
 * How long the server must have been idle, and without a collection of ours, before it collects
 * the young generation: longer than the five seconds over which V8 measures how fast the program
 * allocates (gc-tracer's throughput time frame, which reaches back over the collections before).
 * A young-generation collection that finds that rate low shrinks the young generation back to its
 * initial size (heap.cc, ReduceNewSpaceSize); one that comes sooner after the burst, or after the
 * idle full collection, finds the burst's rate and leaves it as it is (session 57, in the bench:
 * 32 → 32 MiB five seconds after a full collection).
 */
export const YOUNG_COLLECTION_IDLE_MS = 6_000;

/**
 * Young collections per idle period at most: one that V8 did not let shrink the young generation
 * (a collection of V8's own in the time frame) is tried again, YOUNG_COLLECTION_IDLE_MS later.
 */
export const YOUNG_COLLECTION_ATTEMPTS = 3;

/**
 * The young generation's committed memory over which an idle server collects it. It starts at
 * 1 MiB a half and grows to 16 (32 committed) under load; below this there is little to give back.
 */
export const YOUNG_COLLECTION_MIN_BYTES = 8 * 1024 * 1024;

/**
 * `TUOPIN_IDLE_COLLECTION_SECONDS`: how long the server must have had no request in flight before
 * it runs a full garbage collection; 0 leaves collections to V8 alone.
 */
export function idleCollectionSeconds(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_IDLE_COLLECTION_SECONDS;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 3600) {
    throw new ConfigurationError(`TUOPIN_IDLE_COLLECTION_SECONDS must be a whole number of seconds from 0 (off) to 3600, got '${value}'`);
  }
  return n;
}

/** The old generation's bytes: committed (its pages, alive or not) and used (objects, dead or not). */
export interface OldGeneration {
  committed: number;
  used: number;
}

/** What a collection found, for the log and the metrics. */
export interface IdleCollectionResult {
  before: OldGeneration;
  after: OldGeneration;
  durationMs: number;
}

/** What a young-generation collection gave back: its committed bytes before and after. */
export interface YoungCollectionResult {
  before: number;
  after: number;
  durationMs: number;
}

/** What `listen` serves: the gateway, tracked. */
type RequestHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface IdleCollectionOptions {
  idleMs: number;
  log: Logger;
  /** The old generation's bytes; V8's own figures unless a test gives others. */
  oldGeneration?: () => OldGeneration;
  /** A full collection; V8's unless a test gives another. */
  collect?: () => void;
  /** Told of every collection (the metrics). */
  onCollected?: (result: IdleCollectionResult) => void;
  /** The young generation's committed bytes; V8's own figure unless a test gives another. */
  youngGeneration?: () => number;
  /** A young-generation collection; V8's unless a test gives another. */
  collectYoung?: () => void;
  /** Told of every young-generation collection (the metrics). */
  onYoungCollected?: (result: YoungCollectionResult) => void;
  /** How long idle before the young generation is collected: YOUNG_COLLECTION_IDLE_MS, or `idleMs` if longer, unless a test gives another. */
  youngIdleMs?: number;
  /**
   * The growth set for load (`TUOPIN_HEAP_GROWING_PERCENT`); 0 or none when V8's own rule applies.
   * While the server is idle the growth is IDLE_HEAP_GROWING_PERCENT; the first request puts this back.
   */
  heapGrowingPercent?: number;
  /** Sets the growth; V8's flag unless a test gives another. */
  setHeapGrowth?: (percent: number) => void;
}

export interface IdleCollector {
  /** `handler`, with its requests counted: a request in flight keeps the server busy. */
  track(handler: RequestHandler): RequestHandler;
  /** Full collections so far. */
  readonly collections: number;
  /** Young-generation collections so far. */
  readonly youngCollections: number;
  stop(): void;
}

/**
 * A full garbage collection when the server falls idle after load.
 *
 * Under load a request's objects are promoted to the old generation while it waits for
 * PostgreSQL, and the old generation grows to twice what stays alive (heap-growth.ts) before
 * V8 collects it. V8 gives that memory back to the system when allocation slows down, through
 * its memory reducer, but the reducer starts only after a full collection: a burst that ends
 * before the old generation reaches its limit leaves it there. On a million households the
 * server kept 132 MB of heap and 196 MiB resident for the three minutes it was idle
 * after the household search, where a full collection and the memory reducer after it leave 53 MB
 * and 119 MiB (test/bench, session 51).
 *
 * So once no request has been in flight for `idleMs`, and the old generation holds
 * IDLE_COLLECTION_GROWTH_BYTES more than the last collection here found alive, the server collects: once per
 * idle period, never while a request is being served. The collection itself frees the garbage and
 * starts V8's memory reducer, which compacts the pages that are left and gives them back to the
 * system within the next 10–20 seconds.
 *
 * Where the growth for load is set (heap-growth.ts), it is lowered to IDLE_HEAP_GROWING_PERCENT
 * once the server has been idle for `idleMs`, whether it collects or not, until the next request.
 * V8 would do the same of its own accord: its memory reducer's collections set the next limit at
 * 1.1 times what is alive, but a growth set by flag overrides every one of V8's modes
 * (heap-controller.cc), so with 150 (the default then) the limit after an idle period stayed at
 * two and a half times what was alive, and the next burst of requests grew the old generation
 * that far before its first collection: on the household search 46 → 92 MB, where
 * PostGraphile's, on V8's rule, was collected early (session 51); on the finance statistics,
 * after start-up's collections by the memory reducer, 44 → 95 MB of heap in 80 s with no
 * collection (session 52). With the growth lowered, a burst's first full collection comes soon
 * after it starts, and sets the limit by the growth for load, put back by the burst's first
 * request.
 *
 * The young generation grows to 32 MiB committed under load, and V8 shrinks it back only in a
 * collection that finds the allocation rate of the last five seconds low: the next burst's first.
 * Until then an idle server keeps it, and its pages stay resident: after the bench's questions the
 * server sat at 173 MiB for the 50 s it was idle, and fell to 142 at the first collection of the
 * next question (session 57). A full collection here does not shrink it either, coming a second
 * after the burst. So once the server has been idle for YOUNG_COLLECTION_IDLE_MS, as long since
 * its own last collection, and the young generation is over YOUNG_COLLECTION_MIN_BYTES, it
 * collects the young generation, once per idle period unless V8 kept it large (then again, up to
 * YOUNG_COLLECTION_ATTEMPTS): 5–10 ms on the bench's server, since little of the burst is alive.
 * V8 shrinks it as it would have at the next burst's first collection, only sooner.
 */
export function startIdleCollection(options: IdleCollectionOptions): IdleCollector {
  const oldGeneration = options.oldGeneration ?? v8OldGeneration;
  const collect = options.collect ?? v8FullCollection();
  const youngGeneration = options.youngGeneration ?? v8YoungGeneration;
  const collectYoung = options.collectYoung ?? v8YoungCollection();
  const youngIdleMs = options.youngIdleMs ?? Math.max(options.idleMs, YOUNG_COLLECTION_IDLE_MS);
  const loadGrowth = options.heapGrowingPercent ?? 0;
  const setHeapGrowth = options.setHeapGrowth ?? applyHeapGrowth;
  // Whether the growth is the idle one, to be put back by the next request.
  let growthLowered = false;
  let inFlight = 0;
  let lastActivity = Date.now();
  // Set by a request, cleared by a collection: one collection per idle period.
  let activeSinceCollection = true;
  // Young collections tried in this idle period (YOUNG_COLLECTION_ATTEMPTS once it is small); a request resets it.
  let youngAttempts = 0;
  // When a collection of ours last ran: the young generation's waits for V8's time frame to pass it.
  let collectedAt = 0;
  // What the last collection left alive; at start, what start-up left.
  let alive = oldGeneration().used;
  let collections = 0;
  let youngCollections = 0;

  const finished = () => {
    inFlight--;
    lastActivity = Date.now();
  };
  const collectOld = () => {
    const before = oldGeneration();
    if (before.used - alive < IDLE_COLLECTION_GROWTH_BYTES) return;
    const started = performance.now();
    collect();
    const durationMs = msSince(started);
    const after = oldGeneration();
    alive = after.used;
    activeSinceCollection = false;
    collectedAt = Date.now();
    collections++;
    options.log.info('idle collection', { oldGenerationMiB: { before: inMiB(before), after: inMiB(after) }, durationMs });
    options.onCollected?.({ before, after, durationMs });
  };
  const collectYoungGeneration = () => {
    const before = youngGeneration();
    if (before <= YOUNG_COLLECTION_MIN_BYTES) {
      youngAttempts = YOUNG_COLLECTION_ATTEMPTS;
      return;
    }
    const started = performance.now();
    collectYoung();
    const durationMs = msSince(started);
    const after = youngGeneration();
    collectedAt = Date.now();
    youngAttempts = after <= YOUNG_COLLECTION_MIN_BYTES ? YOUNG_COLLECTION_ATTEMPTS : youngAttempts + 1;
    youngCollections++;
    options.log.info('idle young collection', { youngGenerationMiB: { before: toMiB(before), after: toMiB(after) }, durationMs });
    options.onYoungCollected?.({ before, after, durationMs });
  };
  const check = () => {
    if (inFlight > 0) return;
    const idleFor = Date.now() - lastActivity;
    if (idleFor < options.idleMs) return;
    // Idle: whatever full collection comes next (this one, or V8's memory reducer's) sets the limit V8 would set.
    if (loadGrowth > 0 && !growthLowered) {
      setHeapGrowth(IDLE_HEAP_GROWING_PERCENT);
      growthLowered = true;
    }
    if (activeSinceCollection) collectOld();
    if (youngAttempts < YOUNG_COLLECTION_ATTEMPTS && idleFor >= youngIdleMs && Date.now() - collectedAt >= youngIdleMs) collectYoungGeneration();
  };
  // Checked a few times per idle period; unref'd, so that it never keeps the process alive.
  const timer = setInterval(check, Math.max(50, Math.min(1_000, options.idleMs / 4)));
  timer.unref();

  return {
    track(handler) {
      return (req, res) => {
        inFlight++;
        activeSinceCollection = true;
        youngAttempts = 0;
        if (growthLowered) {
          setHeapGrowth(loadGrowth);
          growthLowered = false;
        }
        // A response closes once (finished or its connection lost), so `on` needs no `once` wrapper.
        res.on('close', finished);
        return handler(req, res);
      };
    },
    get collections() {
      return collections;
    },
    get youngCollections() {
      return youngCollections;
    },
    stop: () => clearInterval(timer),
  };
}

/** Every space but the young generation's. */
function v8OldGeneration(): OldGeneration {
  const bytes = { committed: 0, used: 0 };
  for (const space of getHeapSpaceStatistics()) {
    if (space.space_name === 'new_space' || space.space_name === 'new_large_object_space') continue;
    bytes.committed += space.space_size;
    bytes.used += space.space_used_size;
  }
  return bytes;
}

/** The young generation's committed bytes (both its halves, as V8 reports them). */
function v8YoungGeneration(): number {
  return getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
}

/**
 * A young-generation collection: `--expose-gc`'s function asked for one (`gc({ type: 'minor' })`),
 * fetched at the first use, so that a collector given its own full collection (tests) makes none.
 */
function v8YoungCollection(): () => void {
  let gc: ((options: { type: 'minor' }) => void) | undefined;
  return () => (gc ??= v8FullCollection() as (options: { type: 'minor' }) => void)({ type: 'minor' });
}

/**
 * V8's full collection, as `--expose-gc` gives it, without putting `gc` on the caller's global:
 * the flag is set only while one new context is made, and that context's `gc` is returned.
 */
export function v8FullCollection(): () => void {
  // A process started with --expose-gc (the tests') already has it, and keeps it.
  if (typeof globalThis.gc === 'function') return globalThis.gc;
  setFlagsFromString('--expose-gc');
  try {
    return runInNewContext('gc') as () => void;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}

const toMiB = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
const inMiB = ({ committed, used }: OldGeneration) => ({ committed: toMiB(committed), used: toMiB(used) });
const msSince = (started: number) => Math.round((performance.now() - started) * 10) / 10;
