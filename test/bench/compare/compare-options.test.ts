import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCompareOptions } from './compare-options.js';

describe('bench --compare options', () => {
  it('takes the other checkout and the questions, with the defaults for the rest', () => {
    const options = parseCompareOptions(['--compare', '../before', '--only', 'Q1, Q6a', '--county']);
    expect(options).toMatchObject({ before: path.resolve('../before'), only: ['Q1', 'Q6a'], county: true, allocations: false, history: [], historyRequests: 10_000, rounds: 12, requests: 1_500, connections: 10 });
  });

  it('takes the history: questions answered first, and how many of each', () => {
    const options = parseCompareOptions(['--compare', '/tmp/base', '--history', 'Q1,Q4', '--history-requests', '2000', '--only', 'Q6b']);
    expect(options).toMatchObject({ history: ['Q1', 'Q4'], historyRequests: 2_000, only: ['Q6b'] });
    expect(() => parseCompareOptions(['--compare', '/tmp/base', '--history', '--county'])).toThrow(/--history needs question ids/);
    expect(() => parseCompareOptions(['--compare', '/tmp/base', '--history-requests', '0'])).toThrow(/positive whole number/);
  });

  it('reads the counts, wherever --compare stands', () => {
    const options = parseCompareOptions(['--rounds', '6', '--compare', '/tmp/base', '--requests', '8000', '--allocations', '--households', '1000']);
    expect(options).toMatchObject({ before: '/tmp/base', rounds: 6, requests: 8_000, households: 1_000, county: false, allocations: true, only: null });
  });

  it('refuses a missing directory, an unknown flag and a count that is not a positive whole number', () => {
    expect(() => parseCompareOptions(['--compare'])).toThrow(/needs the other checkout/);
    expect(() => parseCompareOptions(['--compare', '--county'])).toThrow(/needs the other checkout/);
    expect(() => parseCompareOptions(['--compare', '/tmp/base', '--full'])).toThrow(/not an option of --compare/);
    expect(() => parseCompareOptions(['--compare', '/tmp/base', '--rounds', '0'])).toThrow(/positive whole number/);
    expect(() => parseCompareOptions(['--compare', '/tmp/base', '--requests', '1.5'])).toThrow(/positive whole number/);
  });
});
