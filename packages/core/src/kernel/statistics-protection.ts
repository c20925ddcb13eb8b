import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import type { TuopinContext } from './context.js';
import { PluginConfigurationError } from './plugin.js';
import { unlocks } from './access-registry.js';
import { statisticOf, type StatisticDeclaration } from './statistic-declaration.js';
import { protectCount, protectSum, protectTotal, ratioOfParts, suppressionOf, type SuppressionRule } from './suppression.js';

type Field = GraphQLField<unknown, TuopinContext>;
type Resolver = GraphQLFieldResolver<unknown, TuopinContext>;

const MONEY = 'Money';

/**
 * Applies small-count protection to every field of the built schema that declares a `statistic`
 * (see `StatisticDeclaration`), whoever registered it: core or a plugin. Called once per schema
 * by `buildPlatform`. Declarations are checked here, so a count that could never be withheld (a
 * non-null field) or a sum naming no count stops the server at start-up instead of leaking.
 *
 * For callers who see suppressed statistics the published figure replaces the exact one; for
 * everyone else the field's own resolver runs unchanged.
 */
export function protectStatistics(schema: GraphQLSchema): GraphQLSchema {
  const objectTypes = Object.values(schema.getTypeMap()).filter(
    (type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__'),
  );
  // The exact figures: every field's own resolver, kept before any is replaced.
  const exact = new Map<Field, Resolver>();
  for (const type of objectTypes) {
    for (const field of Object.values(type.getFields()) as Field[]) exact.set(field, field.resolve ?? (defaultFieldResolver as Resolver));
  }
  const protection = new Protection(exact);
  for (const type of objectTypes) {
    for (const field of Object.values(type.getFields()) as Field[]) {
      const declaration = statisticOf(field);
      if (declaration === undefined || declaration === 'public') continue;
      checkDeclaration(type, field, declaration);
      const resolveExact = exact.get(field)!;
      field.resolve = (parent, args, ctx, info) =>
        // Protected unless a permission of the caller lifts it (core's `core.statistics.exact`).
        !unlocks(ctx.principal, 'exact-statistics')
          ? protection.published(type, field, parent, args, ctx, info, suppressionOf(ctx.settings))
          : resolveExact(parent, args, ctx, info);
    }
  }
  return schema;
}

/** Computes published figures from the exact resolvers. */
class Protection {
  /**
   * Published figures of argument-less fields by request and parent object: a ratio's parts are
   * usually selected too, and are then computed once. Keyed by the request's context first, so a
   * parent object shared between requests never carries one caller's figures to another.
   */
  private readonly memo = new WeakMap<TuopinContext, WeakMap<object, Map<Field, Promise<unknown>>>>();

  constructor(private readonly exact: Map<Field, Resolver>) {}

  private async resolveExact(field: Field, parent: unknown, args: Record<string, unknown>, ctx: TuopinContext, info: GraphQLResolveInfo): Promise<unknown> {
    // A sibling is resolved as if it had been selected: same parent, its own name.
    const own = info.fieldName === field.name ? info : { ...info, fieldName: field.name, returnType: field.type };
    return this.exact.get(field)!(parent, args, ctx, own);
  }

  published(
    type: GraphQLObjectType,
    field: Field,
    parent: unknown,
    args: Record<string, unknown>,
    ctx: TuopinContext,
    info: GraphQLResolveInfo,
    rule: SuppressionRule,
  ): Promise<unknown> {
    if (field.args.length > 0 || typeof parent !== 'object' || parent === null) return this.compute(type, field, parent, args, ctx, info, rule);
    const request = this.memo.get(ctx) ?? new WeakMap<object, Map<Field, Promise<unknown>>>();
    this.memo.set(ctx, request);
    const figures = request.get(parent) ?? new Map<Field, Promise<unknown>>();
    request.set(parent, figures);
    let figure = figures.get(field);
    if (!figure) {
      figure = this.compute(type, field, parent, args, ctx, info, rule);
      figures.set(field, figure);
    }
    return figure;
  }

  private async compute(
    type: GraphQLObjectType,
    field: Field,
    parent: unknown,
    args: Record<string, unknown>,
    ctx: TuopinContext,
    info: GraphQLResolveInfo,
    rule: SuppressionRule,
  ): Promise<unknown> {
    const declaration = statisticOf(field)!;
    const sibling = (name: string) => type.getFields()[name] as Field;
    if (declaration !== 'public' && declaration !== 'count' && 'sum' in declaration) {
      const [value, units] = await Promise.all([
        this.resolveExact(field, parent, args, ctx, info),
        this.resolveExact(sibling(declaration.sum), parent, {}, ctx, info),
      ]);
      if (value === null || value === undefined) return null;
      return typeof value === 'number' ? protectTotal(value, Number(units ?? 0), rule) : protectSum(value as string, Number(units ?? 0), rule);
    }
    const value = await this.resolveExact(field, parent, args, ctx, info);
    if (declaration === 'public') return value;
    if (value === null || value === undefined) return null;
    if (declaration === 'count') return protectCount(value as number, rule);
    if ('ratio' in declaration) {
      const [numerator, denominator] = await Promise.all(
        declaration.ratio.map((name) => this.published(type, sibling(name), parent, {}, ctx, info, rule) as Promise<number | string | null>),
      );
      return ratioOfParts(numerator, denominator);
    }
    const itemType = getNamedType(field.type) as GraphQLObjectType;
    const countField = itemType.getFields()[declaration.groups] as Field;
    const items = value as unknown[];
    const counts = await Promise.all(items.map((item) => this.resolveExact(countField, item, {}, ctx, info)));
    return items.filter((_item, i) => protectCount(Number(counts[i] ?? 0), rule) !== null);
  }
}

function fail(type: GraphQLObjectType, field: Field, problem: string): never {
  throw new PluginConfigurationError(`${type.name}.${field.name}: ${problem}`);
}

function namedTypeOf(field: Field): string {
  return getNamedType(field.type).name;
}

/** A sibling field the declaration names: it must exist, take no required argument and be a declared statistic. */
function siblingOf(type: GraphQLObjectType, field: Field, name: string): Field {
  const sibling = type.getFields()[name] as Field | undefined;
  if (!sibling) fail(type, field, `names '${name}', which is not a field of ${type.name}`);
  if (sibling.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) fail(type, field, `names '${name}', which needs arguments`);
  const declaration = statisticOf(sibling);
  if (declaration === undefined || (typeof declaration === 'object' && 'groups' in declaration)) {
    fail(type, field, `names '${name}', which is not a declared statistic`);
  }
  return sibling;
}

function checkDeclaration(type: GraphQLObjectType, field: Field, declaration: Exclude<StatisticDeclaration, 'public'>): void {
  if (declaration !== 'count' && 'groups' in declaration) {
    const item = getNamedType(field.type);
    if (!isListType(getNullableType(field.type)) || !isObjectType(item)) fail(type, field, 'declares groups but is not a list of objects');
    const count = item.getFields()[declaration.groups] as Field | undefined;
    if (!count || statisticOf(count) !== 'count') fail(type, field, `declares groups counted by '${declaration.groups}', which is not a count of ${item.name}`);
    return;
  }
  if (isNonNullType(field.type)) fail(type, field, 'is a statistic that partners may not see, so it must be nullable');
  if (declaration === 'count') {
    if (namedTypeOf(field) !== 'Int') fail(type, field, 'declares a count but is not an Int');
    return;
  }
  if ('sum' in declaration) {
    if (namedTypeOf(field) !== MONEY && namedTypeOf(field) !== 'Int') fail(type, field, 'declares a sum but is neither Money nor an Int total');
    if (statisticOf(siblingOf(type, field, declaration.sum)) !== 'count') fail(type, field, `sums over '${declaration.sum}', which is not a count`);
    return;
  }
  if (namedTypeOf(field) !== 'Float') fail(type, field, 'declares a ratio but is not a Float');
  const [numerator, denominator] = declaration.ratio.map((name) => siblingOf(type, field, name));
  if ((namedTypeOf(numerator) === MONEY) !== (namedTypeOf(denominator) === MONEY)) {
    fail(type, field, 'divides money by a number or a number by money');
  }
}
