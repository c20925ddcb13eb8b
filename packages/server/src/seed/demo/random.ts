/**
 * A small seeded pseudo-random generator (mulberry32) and the helpers the seeders draw with.
 * Same seed, same sequence, on every platform and every run: the seeded data is reproducible.
 * Not for anything secret.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Shuffles in place (Fisher–Yates) and returns the array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const swap = items[i];
      items[i] = items[j];
      items[j] = swap;
    }
    return items;
  }

  /** `count` decimal digits, as a string (leading zeros kept). */
  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += Math.floor(this.next() * 10);
    return out;
  }

  /** An independent generator whose seed is drawn from this one. */
  fork(): Random {
    return new Random(Math.floor(this.next() * 4294967296));
  }
}

/** A weighted choice, with the cumulative table computed once. */
export class Weighted<T> {
  private readonly values: T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    if (entries.length === 0) throw new Error('Weighted needs at least one entry');
    this.values = entries.map(([value]) => value);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, weight], i) => {
      if (!(weight >= 0)) throw new Error(`negative weight for ${String(entries[i][0])}`);
      sum += weight;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  pick(rng: Random): T {
    const x = rng.next() * this.total;
    const cumulative = this.cumulative;
    // Linear scan: the tables are short and the heavy entries come first.
    for (let i = 0; i < cumulative.length; i++) if (x < cumulative[i]) return this.values[i];
    return this.values[this.values.length - 1];
  }

  /** The weighted mean of numeric values (for checking a table's design, e.g. family sizes). */
  mean(this: Weighted<number>): number {
    let sum = 0;
    let previous = 0;
    this.values.forEach((value, i) => {
      sum += value * (this.cumulative[i] - previous);
      previous = this.cumulative[i];
    });
    return sum / this.total;
  }
}

/**
 * Splits `total` into `weights.length` non-negative integers proportional to the weights that
 * add up to exactly `total` (cumulative rounding, so no part drifts by more than one).
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts: number[] = [];
  let cumulative = 0;
  let assigned = 0;
  for (const weight of weights) {
    cumulative += weight;
    const upTo = Math.round((cumulative / sum) * total);
    parts.push(upTo - assigned);
    assigned = upTo;
  }
  return parts;
}
