import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { ConfigurationError } from './configuration-error.js';
import {
  DEFAULT_IDLE_COLLECTION_SECONDS,
  IDLE_COLLECTION_GROWTH_BYTES,
  IDLE_HEAP_GROWING_PERCENT,
  idleCollectionSeconds,
  startIdleCollection,
  YOUNG_COLLECTION_ATTEMPTS,
  YOUNG_COLLECTION_IDLE_MS,
  YOUNG_COLLECTION_MIN_BYTES,
  type IdleCollector,
} from './idle-collection.js';
import { silentLogger } from './log.js';

/** A secret of its own, so that loading the configuration reads or writes no development secret file. */
const SECRET = { TUOPIN_JWT_SECRET: 'idle-collection-test-secret-0123456789abcdef' };
const MiB = 1024 * 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const inMiB = (bytes: number) => Math.round(bytes / MiB);
/** Waits until `done` holds, at most `limitMs`: on a busy machine timers fire late, never early. */
async function until(done: () => boolean, limitMs = 3_000): Promise<void> {
  for (let waited = 0; !done() && waited < limitMs; waited += 25) await sleep(25);
}

describe('TUOPIN_IDLE_COLLECTION_SECONDS', () => {
  it('is a second unless set; 0 turns it off', async () => {
    expect(DEFAULT_IDLE_COLLECTION_SECONDS).toBe(1);
    expect(idleCollectionSeconds(undefined)).toBe(1);
    expect(idleCollectionSeconds('')).toBe(1);
    expect((await loadConfig({ ...SECRET })).idleCollectionSeconds).toBe(1);
    expect(idleCollectionSeconds('0')).toBe(0);
    expect((await loadConfig({ ...SECRET, TUOPIN_IDLE_COLLECTION_SECONDS: '0' })).idleCollectionSeconds).toBe(0);
    expect((await loadConfig({ ...SECRET, TUOPIN_IDLE_COLLECTION_SECONDS: '30' })).idleCollectionSeconds).toBe(30);
  });

  it('refuses what is not a whole number of seconds from 0 to 3600, naming the variable', async () => {
    for (const value of ['-1', '3601', '0.5', 'soon', '1s']) {
      expect(() => idleCollectionSeconds(value), value).toThrowError(ConfigurationError);
      expect(() => idleCollectionSeconds(value), value).toThrowError(/TUOPIN_IDLE_COLLECTION_SECONDS/);
    }
    await expect(loadConfig({ ...SECRET, TUOPIN_IDLE_COLLECTION_SECONDS: 'never' })).rejects.toThrowError(/TUOPIN_IDLE_COLLECTION_SECONDS must be a whole number/);
  });
});

/**
 * An HTTP server with its requests tracked; `/slow` answers when `release` is called, `/work`
 * when `work` is done.
 */
async function trackedServer(collector: IdleCollector, work?: () => Promise<void>): Promise<{ server: Server; url: string; release: () => void }> {
  let release = () => {};
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/slow') {
      release = () => res.end('slow');
      return;
    }
    if (req.url === '/work') return work!().then(() => res.end('worked'));
    res.end('ok');
  };
  const server = createServer(collector.track(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  return { server, url: `http://127.0.0.1:${port}`, release: () => release() };
}

const running: { collector: IdleCollector; server?: Server }[] = [];
afterEach(async () => {
  for (const { collector, server } of running.splice(0)) {
    collector.stop();
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  }
});

describe('the idle collection', () => {
  // The heap is a figure the test sets, so that only the collector's rule decides. A collection
  // leaves 60 MiB alive in 90 committed, as V8's does before its memory reducer gives pages back.
  // The growth the collector sets is recorded, with the collections, in `heap.events`.
  // The young generation is 32 MiB committed, as under load, until a young collection gives it back.
  function withHeap(idleMs: number, heapGrowingPercent = 0, youngIdleMs?: number) {
    // `youngShrinks`: whether V8 lets a young collection shrink it (it does not when it allocated fast in the last five seconds).
    const heap = { committed: 60 * MiB, used: 60 * MiB, collected: 0, young: 32 * MiB, youngCollected: 0, youngShrinks: true, events: [] as string[], collectedAt: [] as number[], youngCollectedAt: [] as number[] };
    const collector = startIdleCollection({
      idleMs,
      log: silentLogger,
      oldGeneration: () => ({ committed: heap.committed, used: heap.used }),
      collect: () => {
        heap.collected++;
        heap.events.push('collect');
        heap.collectedAt.push(Date.now());
        heap.committed = 90 * MiB;
        heap.used = 60 * MiB;
      },
      youngGeneration: () => heap.young,
      collectYoung: () => {
        heap.youngCollected++;
        heap.youngCollectedAt.push(Date.now());
        if (heap.youngShrinks) heap.young = 1 * MiB;
      },
      ...(youngIdleMs === undefined ? {} : { youngIdleMs }),
      heapGrowingPercent,
      setHeapGrowth: (percent) => heap.events.push(`growth ${percent}`),
    });
    return { heap, collector };
  }

  /** What a burst of requests promotes: objects in the old generation (dead once it is over), and the pages they take. */
  function promote(heap: { committed: number; used: number }, bytes: number) {
    heap.used += bytes;
    heap.committed += bytes;
  }

  /** The collector on a test-set heap, and an HTTP server whose requests it tracks. */
  async function serverWithHeap(idleMs: number, heapGrowingPercent = 0, youngIdleMs?: number) {
    const { heap, collector } = withHeap(idleMs, heapGrowingPercent, youngIdleMs);
    const { server, url, release } = await trackedServer(collector);
    running.push({ collector, server });
    return { heap, collector, url, release };
  }

  it('collects once the server has been idle, when the old generation grew, and once per idle period', async () => {
    const { heap, collector, url } = await serverWithHeap(500);
    expect(await (await fetch(`${url}/`)).text()).toBe('ok');
    promote(heap, IDLE_COLLECTION_GROWTH_BYTES);
    await sleep(100);
    expect(heap.collected).toBe(0); // not yet idle long enough
    await until(() => heap.collected > 0);
    expect(heap.collected).toBe(1);
    expect(collector.collections).toBe(1);
    promote(heap, 2 * IDLE_COLLECTION_GROWTH_BYTES); // grown again, but no request since: still the same idle period
    await sleep(1_000);
    expect(heap.collected).toBe(1);
    expect(await (await fetch(`${url}/`)).text()).toBe('ok');
    await until(() => heap.collected > 1);
    expect(heap.collected).toBe(2);
    // What a collection leaves committed but not alive (here 30 MiB, more than the threshold) is
    // the memory reducer's to give back, not another collection's: only what the old generation holds counts.
    expect(heap.committed - heap.used).toBeGreaterThan(IDLE_COLLECTION_GROWTH_BYTES);
    expect(await (await fetch(`${url}/`)).text()).toBe('ok');
    await sleep(1_000);
    expect(heap.collected).toBe(2);
  });

  it('lowers the growth set for load while the server is idle, for its collection too; the next request puts it back', async () => {
    const { heap, url } = await serverWithHeap(200, 150);
    expect(await (await fetch(`${url}/`)).text()).toBe('ok');
    expect(heap.events).toEqual([]); // a request right after start finds the growth for load in place
    promote(heap, IDLE_COLLECTION_GROWTH_BYTES);
    await until(() => heap.collected > 0);
    expect(heap.events).toEqual([`growth ${IDLE_HEAP_GROWING_PERCENT}`, 'collect']);
    expect(await (await fetch(`${url}/`)).text()).toBe('ok');
    expect(await (await fetch(`${url}/`)).text()).toBe('ok');
    expect(heap.events).toEqual([`growth ${IDLE_HEAP_GROWING_PERCENT}`, 'collect', 'growth 150']); // once, by the first request
    // Idle again with nothing to collect: lowered all the same, since V8's memory reducer may collect.
    await until(() => heap.events.length > 3);
    expect(heap.collected).toBe(1);
    expect(heap.events.slice(3)).toEqual([`growth ${IDLE_HEAP_GROWING_PERCENT}`]);
    expect(await (await fetch(`${url}/`)).text()).toBe('ok');
    expect(heap.events.slice(3)).toEqual([`growth ${IDLE_HEAP_GROWING_PERCENT}`, 'growth 150']);
  });

  it("leaves V8's own rule alone: no growth set for load, none set when idle", async () => {
    const { heap, url } = await serverWithHeap(200);
    expect(await (await fetch(`${url}/`)).text()).toBe('ok');
    promote(heap, IDLE_COLLECTION_GROWTH_BYTES);
    await until(() => heap.collected > 0);
    expect(await (await fetch(`${url}/`)).text()).toBe('ok');
    expect(heap.events).toEqual(['collect']);
  });

  it('leaves an old generation that holds less than the threshold more than what was alive', async () => {
    const { heap, url } = await serverWithHeap(100);
    expect(await (await fetch(`${url}/`)).text()).toBe('ok');
    promote(heap, IDLE_COLLECTION_GROWTH_BYTES - 1);
    await sleep(400);
    expect(heap.collected).toBe(0);
  });

  it('never collects while a request is in flight, however long it takes', async () => {
    const { heap, url, release } = await serverWithHeap(300, 0, 300);
    promote(heap, 2 * IDLE_COLLECTION_GROWTH_BYTES);
    const slow = fetch(`${url}/slow`).then((response) => response.text());
    await sleep(1_000);
    expect(heap.collected).toBe(0);
    expect(heap.youngCollected).toBe(0);
    release();
    expect(await slow).toBe('slow');
    expect(heap.collected).toBe(0); // idle since it finished, for less than 300 ms
    await until(() => heap.collected > 0 && heap.youngCollected > 0);
    expect(heap.collected).toBe(1);
    expect(heap.youngCollected).toBe(1);
  });

  it('collects the young generation once the server has stayed idle longer, when it is large, once per idle period', async () => {
    const { heap, collector, url } = await serverWithHeap(100, 0, 600);
    expect(await (await fetch(`${url}/`)).text()).toBe('ok');
    await sleep(300);
    expect(heap.youngCollected).toBe(0); // idle, but not for the young generation's time
    await until(() => heap.youngCollected > 0);
    expect(heap.youngCollected).toBe(1);
    expect(collector.youngCollections).toBe(1);
    expect(heap.collected).toBe(0); // the old generation had not grown: no full collection for it
    heap.young = 32 * MiB; // grown again, but no request since: still the same idle period
    await sleep(1_000);
    expect(heap.youngCollected).toBe(1);
    expect(await (await fetch(`${url}/`)).text()).toBe('ok');
    await until(() => heap.youngCollected > 1);
    expect(heap.youngCollected).toBe(2);
    expect(collector.youngCollections).toBe(2);
  });

  it("waits as long after its own full collection, and tries again when V8 kept the young generation large, up to YOUNG_COLLECTION_ATTEMPTS", async () => {
    const { heap, collector, url } = await serverWithHeap(100, 0, 400);
    heap.youngShrinks = false;
    expect(await (await fetch(`${url}/`)).text()).toBe('ok');
    promote(heap, IDLE_COLLECTION_GROWTH_BYTES);
    await until(() => heap.youngCollected >= YOUNG_COLLECTION_ATTEMPTS, 5_000);
    expect(heap.collected).toBe(1);
    expect(heap.youngCollected).toBe(YOUNG_COLLECTION_ATTEMPTS);
    expect(collector.youngCollections).toBe(YOUNG_COLLECTION_ATTEMPTS);
    // Timers never fire early: each young collection came at least 400 ms after the collection before it.
    const times = [heap.collectedAt[0]!, ...heap.youngCollectedAt];
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(400);
    await sleep(1_000);
    expect(heap.youngCollected).toBe(YOUNG_COLLECTION_ATTEMPTS); // no more in this idle period
    // The next idle period: V8 lets it shrink now, so one collection is enough.
    heap.youngShrinks = true;
    expect(await (await fetch(`${url}/`)).text()).toBe('ok');
    await until(() => heap.youngCollected > YOUNG_COLLECTION_ATTEMPTS);
    await sleep(1_000);
    expect(heap.youngCollected).toBe(YOUNG_COLLECTION_ATTEMPTS + 1);
  });

  it('leaves a young generation at or under its threshold, and waits YOUNG_COLLECTION_IDLE_MS unless told otherwise', async () => {
    expect(YOUNG_COLLECTION_IDLE_MS).toBeGreaterThan(5_000); // V8's time frame for the allocation rate (idle-collection.ts)
    const small = await serverWithHeap(100, 0, 200);
    small.heap.young = YOUNG_COLLECTION_MIN_BYTES;
    expect(await (await fetch(`${small.url}/`)).text()).toBe('ok');
    const byDefault = await serverWithHeap(100);
    expect(await (await fetch(`${byDefault.url}/`)).text()).toBe('ok');
    await sleep(1_000);
    expect(small.heap.youngCollected).toBe(0);
    expect(byDefault.heap.youngCollected).toBe(0); // idle for a second of the default six
  });

  // Retried: V8 may run a full collection of its own in the moment the request ends, before the
  // idle period is over. It then gives the memory back itself, and the idle collector, finding
  // nothing over the threshold, rightly does not collect: in session 56's CI run, "collections 0,
  // committed 190 → 71 MiB" after V8's collections at 8777 and 9685 ms. The test needs one
  // attempt in which the idle collector is the one that collects; any other failure is not retried.
  it("with V8's own heap: an old generation full of a request's garbage is given back when the server falls idle", { timeout: 30_000, retry: { count: 2, condition: /collections 0, / } }, async () => {
    const committed = () => getHeapSpaceStatistics().find((space) => space.space_name === 'old_space')!.space_size;
    let grown = 0;
    let committedAtEnd = 0;
    // Objects that outlive young-generation collections, as a request's rows do while it waits for
    // PostgreSQL, are promoted: about 100 MB of them, all held until the request ends (so that no
    // collection V8 runs meanwhile frees any of it), then dropped.
    const request = async () => {
      const before = committed();
      let held: object[][] = [];
      for (let batch = 0; batch < 40; batch++) {
        held.push(Array.from({ length: 30_000 }, (_, i) => ({ i, text: `行 ${batch}-${i}`, row: { batch } })));
        await sleep(5); // longer than the idle period in all: the request in flight holds it off
      }
      held = [];
      // Measured here, while the request is still in flight: once it has answered, a busy machine
      // may let the idle period pass before the test's next line runs.
      committedAtEnd = committed();
      grown = committedAtEnd - before;
    };
    const collector = startIdleCollection({ idleMs: 100, log: silentLogger });
    const { server, url } = await trackedServer(collector, request);
    running.push({ collector, server });
    // Every full collection, for the failure message: this test has failed once in a run of 66
    // files on two cores, and its message was not kept (session 53).
    const majors: string[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if ((e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors.push(`${Math.round(e.startTime)}+${Math.round(e.duration)}ms`);
    });
    observer.observe({ entryTypes: ['gc'] });
    const state = () =>
      `grown ${inMiB(grown)} MiB, committed ${inMiB(committedAtEnd)} → ${inMiB(committed())} MiB, collections ${collector.collections}, ` +
      `full collections (the idle collector's among them) at ${majors.join(', ') || 'none'} ms (now ${Math.round(performance.now())})`;
    try {
      expect(await (await fetch(`${url}/work`)).text()).toBe('worked');
      expect(grown, state()).toBeGreaterThan(IDLE_COLLECTION_GROWTH_BYTES);
      // A full collection of this heap, and V8's sweeping after it, can take seconds while other test files keep both cores busy.
      await until(() => collector.collections > 0, 10_000);
      expect(collector.collections, state()).toBe(1);
      // V8 sweeps concurrently, and hands the pages it emptied back as its sweeper threads finish: on a busy machine, after the collection returns.
      await until(() => committedAtEnd - committed() > IDLE_COLLECTION_GROWTH_BYTES, 10_000);
      expect(committedAtEnd - committed(), state()).toBeGreaterThan(IDLE_COLLECTION_GROWTH_BYTES);
    } finally {
      observer.disconnect();
    }
  });

  // Retried only if no young collection ran: V8 may have shrunk the young generation itself first,
  // in a collection of its own after the request (the outcome then holds, but not by the collector).
  it("with V8's own heap: a young generation grown under load is given back once the server has stayed idle", { timeout: 30_000, retry: { count: 2, condition: /young collections 0/ } }, async () => {
    const young = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')!.space_size;
    let grownTo = 0;
    // Many short-lived objects, some of them held for a while, as a burst of requests makes: V8
    // grows its young generation to the most it may (32 MiB committed) to keep up.
    const request = async () => {
      let held: object[] = [];
      for (let i = 0; i < 3_000_000; i++) {
        held.push({ i, text: `行 ${i}` });
        if (held.length > 50_000) held = [];
        if (i % 500_000 === 0) await sleep(1);
      }
      grownTo = young();
    };
    const collector = startIdleCollection({ idleMs: 100, log: silentLogger });
    const { server, url } = await trackedServer(collector, request);
    running.push({ collector, server });
    const state = () => `young generation ${inMiB(grownTo)} → ${inMiB(young())} MiB, young collections ${collector.youngCollections}`;
    expect(await (await fetch(`${url}/work`)).text()).toBe('worked');
    expect(grownTo, state()).toBeGreaterThan(YOUNG_COLLECTION_MIN_BYTES);
    await until(() => collector.youngCollections > 0, YOUNG_COLLECTION_IDLE_MS + 10_000);
    expect(collector.youngCollections, state()).toBe(1);
    expect(young(), state()).toBeLessThanOrEqual(YOUNG_COLLECTION_MIN_BYTES);
  });
});
