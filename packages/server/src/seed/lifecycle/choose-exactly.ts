/**
 * Picks `count` of `sizes` (indices) whose sizes add up to exactly `total`, preferring earlier
 * indices among equal sizes, or throws when it finds no such choice. Starts from the `count`
 * largest, then swaps a chosen one for an unchosen smaller one, each time the swap that lowers the
 * sum most without going below `total`; with sizes in a small range (people in a household) it
 * lands exactly whenever the total lies between the smallest and the largest possible sums.
 */
export function chooseExactly(sizes: readonly number[], count: number, total: number): number[] {
  if (sizes.length < count) throw new Error(`cannot choose ${count} of ${sizes.length}`);
  const order = sizes.map((size, i) => ({ size, i })).sort((a, b) => b.size - a.size || a.i - b.i);
  const chosen = order.slice(0, count);
  const rest = order.slice(count);
  let sum = chosen.reduce((s, c) => s + c.size, 0);
  while (sum > total) {
    const excess = sum - total;
    let best: { c: number; r: number; drop: number } | null = null;
    for (const size of new Set(chosen.map((c) => c.size))) {
      for (const other of new Set(rest.map((r) => r.size))) {
        const drop = size - other;
        if (drop > 0 && drop <= excess && (!best || drop > best.drop)) {
          // The last chosen of that size goes; the first unchosen of the other comes in.
          best = { c: chosen.findLastIndex((c) => c.size === size), r: rest.findIndex((r) => r.size === other), drop };
        }
      }
    }
    if (!best) break;
    const [out] = chosen.splice(best.c, 1, rest[best.r]);
    rest.splice(best.r, 1, out);
    sum -= best.drop;
  }
  if (sum !== total) throw new Error(`no ${count} of these sizes add up to ${total} (closest ${sum})`);
  return chosen.map((c) => c.i).sort((a, b) => a - b);
}
