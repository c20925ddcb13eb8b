import type { FieldNullability, FieldRef, ShapeFromTypeParam, TypeParam } from '@pothos/core';
import type { TuopinTypes } from './builder.js';
import type { TuopinContext } from './context.js';
import { LoadFailed, loadedFirst, LOADER_SOURCE_EXTENSION, NOT_LOADED_FIRST } from './figures-first.js';
import { statisticDescription, type StatisticDeclaration } from './statistic-declaration.js';

/**
 * Where a group of fields reads its figures: one batched loader of the request, and the key a
 * parent object loads by. Fields of the same source share one load per parent and one batch per
 * request, however many of them a client selects.
 */
export interface LoaderSource<Parent, Key, Loaded> {
  /** The request's loader, e.g. `coreStatsLoader` (a `createContextCache` of a DataLoader). */
  readonly loader: (ctx: TuopinContext) => { load(key: Key): Promise<Loaded> };
  /** What a parent loads by, e.g. `(area) => area.code`. */
  readonly key: (parent: Parent) => Key;
}

/** One field read from a loader: its GraphQL type, its declaration, and what it picks from the loaded value. */
export interface LoaderFieldOptions<Parent, Loaded, Type extends TypeParam<TuopinTypes>, Nullable extends FieldNullability<Type>> {
  readonly type: Type;
  readonly nullable?: Nullable;
  /** Bilingual, Chinese first. The `count`/`sum`/`ratio` shorthands write it with the partner note. */
  readonly description: string;
  /** What the number is, for small-count protection (see `StatisticDeclaration`); required in statistics types. */
  readonly statistic?: StatisticDeclaration;
  /** The field's value from what the loader returned for this parent (and the parent itself). */
  readonly value: (loaded: Loaded, parent: Parent) => ShapeFromTypeParam<TuopinTypes, Type, Nullable>;
}

type ObjectFields<Parent> = PothosSchemaTypes.ObjectFieldBuilder<TuopinTypes, Parent>;
type LoaderFieldRef<Type extends TypeParam<TuopinTypes>, Nullable extends FieldNullability<Type>> = FieldRef<
  TuopinTypes,
  ShapeFromTypeParam<TuopinTypes, Type, Nullable>,
  'Object'
>;

/** The fields of one loader source; see `loaderFields`. */
export interface LoaderFields<Parent, Loaded> {
  /** Any field read from the source. */
  field<Type extends TypeParam<TuopinTypes>, Nullable extends FieldNullability<Type> = false>(
    options: LoaderFieldOptions<Parent, Loaded, Type, Nullable>,
  ): LoaderFieldRef<Type, Nullable>;
  /** A count of units (households, loans…): nullable Int, `statistic: 'count'`. */
  count(zh: string, en: string, value: (loaded: Loaded, parent: Parent) => number | null): LoaderFieldRef<'Int', true>;
  /** Money summed over the units the sibling count `units` counts: nullable Money, `statistic: { sum: units }`. */
  sum(units: string, zh: string, en: string, value: (loaded: Loaded, parent: Parent) => string | null): LoaderFieldRef<'Money', true>;
  /** A whole-number total (days, m²) over the cases the sibling count `units` counts: nullable Int, `statistic: { sum: units }`, withheld with that count. */
  total(units: string, zh: string, en: string, value: (loaded: Loaded, parent: Parent) => number | null): LoaderFieldRef<'Int', true>;
  /** numerator ÷ denominator, two sibling statistics: nullable Float, `statistic: { ratio: parts }`. */
  ratio(parts: readonly [numerator: string, denominator: string], zh: string, en: string, value: (loaded: Loaded, parent: Parent) => number | null): LoaderFieldRef<'Float', true>;
}

/**
 * Fields whose values come from one batched loader: the loaded value is fetched once per parent
 * (the loader batches the parents of a request into one statement) and each field picks its
 * figure from it. The kernel loads it with the parent where it can (`loadFiguresFirst`), so that
 * the fields find it there instead of each waiting on the load. The `statistic` declaration stays
 * on the field, where the suppression sweep and the kernel's protection read it; `count`, `sum`,
 * `total` and `ratio` write the declaration and the partner note of the description
 * (`statisticDescription`) for the common kinds.
 *
 * @example
 * ```ts
 * builder.objectFields('RegionStats', (t) => {
 *   const stats = loaderFields(t, { loader: coreStatsLoader, key: (area) => area.code });
 *   return {
 *     households: stats.count('建档立卡户数', 'Registered households', (s) => s.households),
 *     ruralPopulation: stats.field({ type: 'Int', statistic: 'public', description: '农村户籍人口 Rural population', value: (s) => s.ruralPopulation }),
 *   };
 * });
 * ```
 */
export function loaderFields<Parent, Key, Loaded>(t: ObjectFields<Parent>, source: LoaderSource<Parent, Key, Loaded>): LoaderFields<Parent, Loaded> {
  const field = <Type extends TypeParam<TuopinTypes>, Nullable extends FieldNullability<Type> = false>({
    value,
    ...options
  }: LoaderFieldOptions<Parent, Loaded, Type, Nullable>): LoaderFieldRef<Type, Nullable> =>
    t.field({
      ...options,
      // Where the kernel finds the field's source to load it with the parent (figures-first.ts).
      extensions: { [LOADER_SOURCE_EXTENSION]: source },
      resolve: (parent: Parent, _args: object, ctx: TuopinContext) => {
        const first = loadedFirst(ctx, source, parent);
        if (first === NOT_LOADED_FIRST) {
          // A `then` on the shared load, not an async function: an async function's suspended frame
          // per pending figure was promoted while the request waited (test/bench/README.md, session 46).
          return source.loader(ctx).load(source.key(parent)).then((loaded) => value(loaded, parent));
        }
        if (first instanceof LoadFailed) throw first.error;
        return value(first as Loaded, parent);
      },
    } as never) as never;
  return {
    field,
    count: (zh, en, value) => field({ type: 'Int', nullable: true, statistic: 'count', description: statisticDescription('count', zh, en), value }),
    sum: (units, zh, en, value) => field({ type: 'Money', nullable: true, statistic: { sum: units }, description: statisticDescription('sum', zh, en), value }),
    total: (units, zh, en, value) => field({ type: 'Int', nullable: true, statistic: { sum: units }, description: statisticDescription('total', zh, en), value }),
    ratio: (parts, zh, en, value) => field({ type: 'Float', nullable: true, statistic: { ratio: parts }, description: statisticDescription('ratio', zh, en), value }),
  };
}
