/**
 * How the demo pays for a project: allocations drawn from pools of funds after approval, and
 * payments (报账) as the work goes on — an advance after the start, more on completion, the rest
 * (the retention) after acceptance.
 */
import type { DemoBook, DemoEntry, DemoFund, DemoProject, Fen } from './demo-book.js';
import type { Milestones } from './lifecycle.js';
import { addDays, type Random } from './random.js';

/** Funds of one kind, drawn in order; a fund without a fixed amount takes whatever is left. */
export class FundPool {
  constructor(
    readonly funds: DemoFund[],
    private readonly fallback: FundPool | null = null,
  ) {}

  draw(book: DemoBook, project: DemoProject, amount: Fen, date: string, voucherNo: string): DemoEntry[] {
    const entries: DemoEntry[] = [];
    let owed = amount;
    for (const fund of this.funds) {
      if (owed === 0n) break;
      const left = book.remaining(fund);
      const take = left === null ? owed : left < owed ? left : owed;
      if (take <= 0n) continue;
      entries.push(book.allocate(fund, project, take, date, voucherNo));
      owed -= take;
    }
    if (owed > 0n) {
      if (!this.fallback) throw new Error(`demo: no fund left for ${project.name}`);
      entries.push(...this.fallback.draw(book, project, owed, date, voucherNo));
    }
    return entries;
  }
}

export interface Share {
  pool: FundPool;
  /** Part of the funded amount this pool pays; the last share takes what the others leave. */
  fraction: number;
}

/** Rounds fen down to a multiple of `step` fen. */
const floorTo = (fen: Fen, step: Fen) => (fen / step) * step;

/** Sequence numbers for vouchers, per year. */
export class Vouchers {
  private next = new Map<string, number>();
  take(prefix: string): string {
    const n = (this.next.get(prefix) ?? 0) + 1;
    this.next.set(prefix, n);
    return `${prefix}${String(n).padStart(4, '0')}`;
  }
}

/**
 * Allocates `coverage` of the budget across the shares once the project is approved, reverses
 * the allocations of a project cancelled after approval, and pays according to how far it got.
 */
export function fundProject(
  book: DemoBook,
  rng: Random,
  vouchers: Vouchers,
  project: DemoProject,
  m: Milestones,
  shares: Share[],
  coverage = 1,
): void {
  if (!m.approved) return;
  const funded = floorTo((project.budget * BigInt(Math.round(coverage * 10_000))) / 10_000n, 10_000n);
  if (funded <= 0n) return;
  let date = addDays(m.approved, rng.int(0, 12));
  if (m.started && date > m.started) date = m.started;
  if (m.stopped && date > m.stopped) date = m.stopped;
  const allocations: DemoEntry[] = [];
  let left = funded;
  shares.forEach((share, i) => {
    const amount = i === shares.length - 1 ? left : floorTo((funded * BigInt(Math.round(share.fraction * 10_000))) / 10_000n, 10_000n);
    if (amount <= 0n) return;
    left -= amount;
    allocations.push(...share.pool.draw(book, project, amount, date, vouchers.take(`保贫资〔${project.year}〕`)));
  });

  if (project.status === 'CANCELLED') {
    for (const allocation of allocations) book.reverse(allocation, m.stopped!, '项目撤销，资金收回');
    return;
  }
  if (!m.started) return;
  const stages: [string, number][] = [[addDays(m.started, rng.int(10, 40)), 0.3 + rng.next() * 0.3]];
  if (m.completed) stages.push([addDays(m.completed, rng.int(0, 10)), 0.7 + rng.next() * 0.25]);
  if (m.accepted) stages.push([addDays(m.accepted, rng.int(5, 20)), 1]);
  for (const allocation of allocations) {
    let paid = 0n;
    for (const [stageDate, share] of stages) {
      const payDate = m.stopped && stageDate > m.stopped ? m.stopped : stageDate < allocation.date ? allocation.date : stageDate;
      const target = share >= 1 ? allocation.amount : floorTo((allocation.amount * BigInt(Math.round(share * 10_000))) / 10_000n, 100n);
      if (target <= paid) continue;
      const voucher = vouchers.take(`BJ${project.year}-记-`);
      if (rng.chance(0.015)) {
        // A payment entered twice by mistake and corrected by a reversal the next day.
        const duplicate = book.disburse(allocation, target - paid, payDate, voucher, '重复录入');
        book.reverse(duplicate, addDays(payDate, 1), '重复报账，冲销');
      }
      book.disburse(allocation, target - paid, payDate, voucher);
      paid = target;
    }
  }
}
