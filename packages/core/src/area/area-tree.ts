import { AREA_LEVELS, levelOfCode, PREFIX_LENGTH } from './division-code.js';

/** Walking the tree of administrative areas by their division codes. */

/** The code of the parent area, or null for a province. */
export function parentCode(code: string): string | null {
  const level = levelOfCode(code);
  const index = AREA_LEVELS.indexOf(level);
  if (index === 0) return null;
  return code.slice(0, PREFIX_LENGTH[AREA_LEVELS[index - 1]]).padEnd(12, '0');
}

/** The province (tenant) a code belongs to, as a 12-digit province code. */
export function provinceOf(code: string): string {
  return code.slice(0, 2).padEnd(12, '0');
}

/**
 * The code of the smallest area that holds every one of `codes` (a village's own code when they
 * are all the same; the county's when they lie in two of its villages), or null when there is
 * none below the whole country, or when a code is missing.
 */
export function smallestCommonArea(codes: readonly (string | null)[]): string | null {
  if (codes.length === 0 || codes.some((code) => code === null)) return null;
  const [first, ...rest] = codes as string[];
  let common = first.length;
  for (const code of rest) {
    let i = 0;
    while (i < common && code[i] === first[i]) i++;
    common = i;
  }
  const length = [...Object.values(PREFIX_LENGTH)].reverse().find((n) => n <= common) ?? 0;
  return length === 0 ? null : first.slice(0, length).padEnd(12, '0');
}
