import { describe, expect, it } from 'vitest';
import type { Run } from './bursts.js';
import { parseCompareOptions } from './compare-options.js';
import { compareReport, type CompareResults } from './compare-report.js';

/** A burst with these figures, µs per request; the rest as any burst. */
const run = (cpuUs: number, dbUs: number, postgresCpuUs: number): Run => ({ cpuUs, dbUs, postgresCpuUs, statements: 1.5, rps: 600, errors: 0 });

function results(before: Run[], after: Run[]): CompareResults {
  return {
    date: '2026-12-04T19:00:00.000Z',
    sides: [
      { label: 'before', serverDir: '/tmp/before', commit: 'b07dfb7' },
      { label: 'after', serverDir: '/work/main', commit: 'b07dfb7-dirty' },
    ],
    options: parseCompareOptions(['--compare', '/tmp/before', '--county', '--rounds', String(before.length)]),
    machine: 'AMD EPYC, 2 cores',
    database: 'bench_100000',
    runs: new Map([['Q1', new Map([['before', before], ['after', after]] as const)]]),
    allocations: new Map(),
  };
}

describe('the --compare report', () => {
  it("gives PostgreSQL's own CPU beside its execution time, each side's median and range, and the ratios, paired too", () => {
    const report = compareReport(results([run(1000, 300, 800), run(1200, 320, 1000), run(1100, 310, 900)], [run(1000, 300, 400), run(1100, 300, 600), run(1000, 300, 450)]));
    expect(report).toContain('| question | side | server CPU µs / request | range | PostgreSQL µs / request | range | PostgreSQL CPU µs / request | range |');
    expect(report).toContain('| Q1 | before | 1,100 | 1,000–1,200 | 310 | 300–320 | 900 | 800–1,000 | 1.50 | 600 | 0 |');
    expect(report).toContain('| Q1 | after | 1,000 | 1,000–1,100 | 300 | 300–300 | 450 | 400–600 | 1.50 | 600 | 0 |');
    // Medians 450 ÷ 900; burst by burst 0.50, 0.60, 0.50; server and PostgreSQL CPU (1000 + 450) ÷ (1100 + 900), burst by burst 0.78, 0.77, 0.72.
    expect(report).toContain('PostgreSQL CPU 0.50×, paired 0.50× (0.50–0.60), server and PostgreSQL CPU together 0.72×, paired 0.77× (0.72–0.78)');
  });

  it("renders PostgreSQL's CPU where /proc could not be read (NaN) with a dash, and no ratio for it", () => {
    const report = compareReport(results([run(1000, 300, NaN)], [run(900, 300, NaN)]));
    expect(report).toContain('| Q1 | before | 1,000 | 1,000–1,000 | 300 | 300–300 | – | – | 1.50 | 600 | 0 |');
    expect(report).toContain('server CPU 0.90×');
    expect(report).not.toContain('PostgreSQL CPU 0');
  });

  it('gives a dash, not NaN×, for a question that runs no statement', () => {
    const report = compareReport(results([run(200, 0, 0), run(220, 0, 0)], [run(180, 0, 0), run(200, 0, 0)]));
    expect(report).toContain('server CPU 0.90×, PostgreSQL –, both together 0.90×');
    expect(report).toContain('paired, burst by burst: server CPU 0.90× (0.90–0.91), PostgreSQL –, both together 0.90× (0.90–0.91)');
    expect(report).not.toContain('NaN');
  });
});
