/**
 * The national poverty lines the seeded incomes are measured against, yuan per person per year
 * (2,300 yuan at 2010 prices, re-priced every year). The platform reads its lines from
 * configuration (PlatformSettings.povertyLines, from tuopin.config.json at the repository root);
 * these are the same figures for the years the demo records incomes, and a test checks that
 * they still agree with that file. Seeded incomes are only plausible against them.
 */
export const POVERTY_LINES: Readonly<Record<number, number>> = {
  2018: 2995,
  2019: 3218,
  2020: 4000,
};

export function povertyLine(year: number): number {
  const line = POVERTY_LINES[year];
  if (line === undefined) throw new Error(`no poverty line for ${year} in the seeders' table`);
  return line;
}
