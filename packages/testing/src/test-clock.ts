/**
 * The platform's clock in a test (`settings.clock: () => clock.now`): rules that depend on today
 * (notice periods, deadlines, the year of a payment) are tested by moving it, never by sleeping.
 */
export class TestClock {
  /** Starts at a moment, or at 10:00 China time on a date (`'2016-03-01'`). */
  constructor(start: Date | string) {
    this.now = typeof start === 'string' ? TestClock.morningOf(start) : start;
  }

  now: Date;

  /** Today (China time) becomes this date, at 10:00 in the morning there. */
  setToday(date: string): void {
    this.now = TestClock.morningOf(date);
  }

  private static morningOf(date: string): Date {
    return new Date(`${date}T02:00:00Z`);
  }
}
