import { PluginConfigurationError } from './plugin.js';

/**
 * The kernel's view of area codes, with no domain in it: a code is a fixed-width string of
 * digits, an area's significant prefix is the code cut at its level's prefix length, and a scope
 * is such a prefix ('' is the whole tree), so "an area and everything under it" is a range of
 * codes. What the codes are — their width, level names and prefix lengths — is declared by core
 * (`area/division-code.ts`) as the `areaCodes` of its plugin; `buildPlatform` hands it to the
 * kernel (`useAreaCodes`) before anything reads a scope.
 */

/** One level of the area tree and the digits its codes keep significant. */
export interface AreaCodeLevel {
  /** The level's name, as roles' `scopeLevels` and the schema name it: 'COUNTY'. */
  readonly name: string;
  /** Significant digits of a code at this level. */
  readonly prefixLength: number;
}

/**
 * The names of the area levels, for types only: the domain that declares the model adds its names
 * by declaration merging (core: PROVINCE … VILLAGE, in `area/division-code.ts`), so roles'
 * `scopeLevels` are checked by the compiler. Until one does, any name is a level name.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface, @typescript-eslint/no-empty-object-type
export interface AreaLevelNames {}
/** A level name of the declared model (see `AreaLevelNames`). */
export type AreaLevelName = [keyof AreaLevelNames] extends [never] ? string : keyof AreaLevelNames & string;

/** What area codes are: the model core declares (`areaCodes` of its plugin). */
export interface AreaCodeModel {
  /** What a code is called, in messages: 'division-code'. */
  readonly noun: string;
  /** Digits of every code. */
  readonly width: number;
  /** The levels, outermost first, with growing prefix lengths; the innermost keeps every digit. */
  readonly levels: readonly AreaCodeLevel[];
}

/** An inclusive range of codes. */
export interface CodeRange {
  readonly lo: string;
  readonly hi: string;
}

/** The scope level of the whole tree (scope ''), above every declared level. */
export const WHOLE_TREE_LEVEL = 'NATION';

const allZeros = (digits: string) => /^0+$/.test(digits);

/** Whether a text is a code of the model: `width` digits, not all zero at the outermost level. */
export function isCodeIn(model: AreaCodeModel, code: string): boolean {
  return code.length === model.width && /^\d+$/.test(code) && !allZeros(code.slice(0, model.levels[0].prefixLength));
}

/** The level a code denotes: the outermost whose digits after its prefix are all zero. */
export function levelOfCodeIn(model: AreaCodeModel, code: string): string {
  const outer = model.levels.slice(0, -1).find((level) => allZeros(code.slice(level.prefixLength)));
  return (outer ?? model.levels[model.levels.length - 1]).name;
}

/** The significant prefix of a code: '433125' for 保靖县 433125000000. */
export function significantPrefixIn(model: AreaCodeModel, code: string): string {
  const level = levelOfCodeIn(model, code);
  return code.slice(0, model.levels.find((l) => l.name === level)!.prefixLength);
}

/** The range of codes that start with a prefix ('' is the whole tree). */
export function prefixRangeIn(model: AreaCodeModel, prefix: string): CodeRange {
  return { lo: prefix.padEnd(model.width, '0'), hi: prefix.padEnd(model.width, '9') };
}

/** Whether a code lies in one of the ranges (what `code between lo and hi or …` selects in SQL). */
export function isInRanges(code: string, ranges: readonly CodeRange[]): boolean {
  for (const range of ranges) if (code >= range.lo && code <= range.hi) return true;
  return false;
}

/** Whether ranges are the whole tree (the empty prefix's range: all zeros to all nines), which needs no condition. */
export function isWholeTree(ranges: readonly CodeRange[]): boolean {
  return ranges.length === 1 && /^0+$/.test(ranges[0].lo) && /^9+$/.test(ranges[0].hi) && ranges[0].lo.length === ranges[0].hi.length;
}

/**
 * The level of the area a scope names, or null when it names none: a scope is the significant
 * prefix of a code ('43' 湖南, '433125' 保靖县), so a code padded with zeros ('430000') is not one.
 */
export function scopeLevelIn(model: AreaCodeModel, scope: string): string | null {
  if (scope === '') return WHOLE_TREE_LEVEL;
  if (scope.length > model.width) return null;
  const code = scope.padEnd(model.width, '0');
  return isCodeIn(model, code) && significantPrefixIn(model, code) === scope ? levelOfCodeIn(model, code) : null;
}

/** The names a role's `scopeLevels` may list: the whole tree, then the model's levels. */
export function scopeLevelNamesIn(model: AreaCodeModel): string[] {
  return [WHOLE_TREE_LEVEL, ...model.levels.map((level) => level.name)];
}

/** What is wrong with a model (empty when nothing): levels, prefix lengths and width that disagree. */
export function areaCodeModelProblems(model: AreaCodeModel): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(model.width) || model.width < 1) problems.push(`width ${model.width} is not a positive whole number`);
  if (model.levels.length === 0) problems.push('it declares no level');
  const lengths = model.levels.map((level) => level.prefixLength);
  if (lengths.some((length, i) => !Number.isInteger(length) || length < 1 || (i > 0 && length <= lengths[i - 1]))) {
    problems.push(`prefix lengths ${lengths.join(', ')} must grow from the outermost level`);
  }
  if (lengths.length > 0 && lengths[lengths.length - 1] !== model.width) problems.push(`the innermost level must keep all ${model.width} digits`);
  const names = model.levels.map((level) => level.name);
  if (new Set([WHOLE_TREE_LEVEL, ...names]).size !== names.length + 1) problems.push(`level names ${names.join(', ')} must be distinct and not '${WHOLE_TREE_LEVEL}'`);
  return problems;
}

// The model of this process. Like roles (`access-registry.ts`), a code means one thing in the
// whole process: every platform is built with core, so every platform hands the same model.
let current: AreaCodeModel | undefined;

/**
 * Makes a model the one the kernel's scope mechanism reads (`buildPlatform` does it with core's).
 * Handing the same model again is a no-op; a different one is refused.
 *
 * @throws PluginConfigurationError when the model is malformed or another model is in use.
 */
export function useAreaCodes(model: AreaCodeModel): void {
  if (current === model) return;
  const problems = areaCodeModelProblems(model);
  if (problems.length > 0) throw new PluginConfigurationError(`Area code model: ${problems.join('; ')}`);
  if (current && JSON.stringify(current) !== JSON.stringify(model)) {
    throw new PluginConfigurationError('Area code model: a different model is already in use in this process');
  }
  current = model;
}

/**
 * The model in use. Fails closed before any platform was built: no scope can be read without
 * knowing what codes are.
 */
export function areaCodes(): AreaCodeModel {
  if (!current) throw new PluginConfigurationError('No area code model: build a platform with core first (buildPlatform)');
  return current;
}
