import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { HistogramCounter, TallyHistogram } from './tally-histogram.js';

const BUCKETS = [0.005, 0.01, 0.1, 1];
const OBSERVED: Array<[operation: string, status: string, seconds: number]> = [
  ['Q1', '200', 0.004],
  ['Q1', '200', 0.005], // on a bound: counted in that bucket, as Prometheus's `le` says
  ['Q1', '200', 0.07],
  ['Q1', '500', 2.5], // above every bound: only in +Inf
  ['Households', '200', 0.01],
];

const labelsOf = (key: string) => {
  const [operation, status] = key.split(' ');
  return { operation: operation!, status: status! };
};

describe('a tally histogram', () => {
  it("writes what prom-client's own histogram writes for the same observations", async () => {
    const ours = new Registry();
    const tally = new TallyHistogram('request_seconds', 'Time per request', BUCKETS);
    ours.registerMetric(tally as never);
    const theirs = new Registry();
    const histogram = new Histogram({ name: 'request_seconds', help: 'Time per request', labelNames: ['operation', 'status'], buckets: BUCKETS, registers: [theirs] });
    for (const [operation, status, seconds] of OBSERVED) {
      tally.observe(`${operation} ${status}`, labelsOf, seconds);
      histogram.observe({ operation, status }, seconds);
    }
    const written = await ours.metrics();
    expect(written).toBe(await theirs.metrics());
    // Not vacuous: three label sets, each with its buckets, sum and count.
    expect(written).toContain('request_seconds_bucket{le="0.005",operation="Q1",status="200"} 2');
    expect(written).toContain('request_seconds_bucket{le="+Inf",operation="Q1",status="500"} 1');
    expect(written).toContain('request_seconds_count{operation="Households",status="200"} 1');
  });

  it('makes a label set once, when its key is first seen', () => {
    const tally = new TallyHistogram('request_seconds', 'Time per request', BUCKETS);
    let made = 0;
    const counting = (key: string) => {
      made += 1;
      return labelsOf(key);
    };
    for (let i = 0; i < 100; i++) tally.observe('Q1 200', counting, 0.001);
    tally.observe('Q1 500', counting, 0.001);
    expect(made).toBe(2);
    expect(tally.counts()).toEqual([
      { labels: { operation: 'Q1', status: '200' }, count: 100 },
      { labels: { operation: 'Q1', status: '500' }, count: 1 },
    ]);
  });

  it('gives a counter of the same requests, as a prom-client counter would write it', async () => {
    const registry = new Registry();
    const tally = new TallyHistogram('request_seconds', 'Time per request', BUCKETS);
    registry.registerMetric(new HistogramCounter('requests_total', 'Requests', tally) as never);
    for (const [operation, status, seconds] of OBSERVED) tally.observe(`${operation} ${status}`, labelsOf, seconds);
    expect(await registry.metrics()).toBe(
      '# HELP requests_total Requests\n# TYPE requests_total counter\n' +
        'requests_total{operation="Q1",status="200"} 3\nrequests_total{operation="Q1",status="500"} 1\nrequests_total{operation="Households",status="200"} 1\n',
    );
  });
});
