import type { Principal } from '@tuopin/core';
import type { HttpTestServer } from '@tuopin/testing';
import { getNamedType, getNullableType, isAbstractType, isEnumType, isNonNullType, isObjectType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { argumentsFor, implementsNode, isConnection, nodeTypeOf, Selections, type ArgumentValues } from './selections.js';

/**
 * One caller's walk through everything the API lets him reach, through the real gateway with his
 * token: every root query field, then every Node he was shown, through `node(id:)`, one hop at a
 * time, breadth first. Because each hop starts from an object the caller may see, the first hop
 * that shows him an object he may not see is found, wherever it is in a chain.
 *
 * The oracle does not depend on the scope guard: every Node that appears anywhere in his responses
 * must also be returned to him by `nodes(ids:)`, whose loaders filter by scope in SQL (the guard
 * only ever removes objects, so it cannot make `nodes` return one the SQL refused).
 */

export interface CrawlOptions {
  server: HttpTestServer;
  principal: Principal;
  /** Division codes to try for required code arguments of root fields (region(code:), …). */
  codes: readonly string[];
  /** Global IDs, by type, to try for root lookups by id (project(id:), node(id:), …). */
  idsByType: ReadonlyMap<string, readonly string[]>;
  /** At most this many objects of one type are explored through node(id:). */
  perType: number;
  year: number;
}

export interface Reference {
  typename: string;
  id: string;
  /** Where it was seen first: `Type.field`. */
  via: string;
  /** The root call its chain started from; exploration takes turns between origins. */
  origin: string;
}

export interface CrawlResult {
  /** `Type.field` of every object field resolved on a non-empty parent. */
  exercised: Set<string>;
  /** Every Node shown, by global ID. */
  seen: Map<string, Reference>;
  /** Nodes shown somewhere that `nodes(ids:)` does not return to the same caller. */
  leaks: Reference[];
  /** Errors other than the typed refusals a caller may meet (FORBIDDEN, NOT_FOUND, VALIDATION_FAILED). */
  unexpectedErrors: string[];
  requests: number;
}

const EXPECTED_CODES = new Set(['FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED']);
/** Keeps documents inside the API's breadth (400 fields) and alias (30) limits. */
const MAX_FIELDS = 300;
const MAX_ALIASES = 20;

export async function crawl(options: CrawlOptions): Promise<CrawlResult> {
  const { server, principal } = options;
  const schema = server.platform.schema;
  const values: ArgumentValues = { code: options.codes[0], year: options.year };
  const selections = new Selections(schema, values);
  const token = await server.token(principal, '2h');
  const result: CrawlResult = { exercised: new Set(), seen: new Map(), leaks: [], unexpectedErrors: [], requests: 0 };

  async function post(query: string): Promise<Record<string, unknown>> {
    result.requests += 1;
    const response = await server.post({ query }, { authorization: `Bearer ${token}` });
    const body = response.body as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
    for (const error of body.errors ?? []) {
      if (!EXPECTED_CODES.has(String(error.extensions?.code))) result.unexpectedErrors.push(`${error.extensions?.code}: ${error.message} in ${query.slice(0, 200)}`);
    }
    if (response.status !== 200) result.unexpectedErrors.push(`HTTP ${response.status} for ${query.slice(0, 200)}`);
    return body.data ?? {};
  }

  /** Records the edges and the Nodes of a response object of a known type. */
  function walk(value: unknown, via: string, origin: string): void {
    if (Array.isArray(value)) return value.forEach((item) => walk(item, via, origin));
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    const typename = record.__typename as string | undefined;
    const type = typename ? schema.getType(typename) : undefined;
    if (typename && type && implementsNode(type) && typeof record.id === 'string' && !result.seen.has(record.id)) {
      result.seen.set(record.id, { typename, id: record.id, via, origin });
    }
    for (const [key, child] of Object.entries(record)) {
      if (key === '__typename' || key === 'id') continue;
      const field = type && isObjectType(type) ? type.getFields()[key] : undefined;
      if (field && typename) result.exercised.add(`${typename}.${key}`);
      walk(child, field && typename ? `${typename}.${key}` : via, origin);
    }
  }

  // 1. Every root field of Query: lookups by code or by id with each value; lists as they come
  //    and once with each value of each optional enum argument (a status, a category), so that
  //    rare objects (a cancelled project's reversed allocations, a written-off loan's claims) turn up.
  const query = schema.getQueryType()!;
  for (const field of Object.values(query.getFields())) {
    if (field.name === 'nodes') continue;
    const named = getNamedType(field.type);
    const idArg = field.args.find((arg) => getNamedType(arg.type).name === 'ID' && arg.name === 'id');
    const codeArg = field.args.find((arg) => /code$/i.test(arg.name) && arg.type.toString().endsWith('!'));
    let calls: string[];
    if (idArg) {
      const types = field.name === 'node' ? [...options.idsByType.keys()] : isObjectType(named) ? [named.name] : [];
      const ids = types.flatMap((type) => options.idsByType.get(type) ?? []);
      calls = ids.map((id) => `(id: ${JSON.stringify(id)})`);
    } else if (codeArg) {
      calls = options.codes.map((code) => `(${codeArg.name}: ${JSON.stringify(code)})`);
    } else {
      const args = argumentsFor(field, values);
      calls = args === null ? [] : [args, ...enumVariants(field, args)];
    }
    const inner = selections.under(named, 0);
    if (!inner || calls.length === 0) continue;
    for (let i = 0; i < calls.length; i += MAX_ALIASES) {
      const batch = calls.slice(i, i + MAX_ALIASES);
      const data = await post(`{ ${batch.map((args, j) => `r${i + j}: ${field.name}${args} { ${inner.text} }`).join(' ')} }`);
      result.exercised.add(`Query.${field.name}`);
      batch.forEach((args, j) => walk(data[`r${i + j}`], `Query.${field.name}`, `${field.name}${args}`));
    }
  }

  // 2. Every Node shown, through node(id:), a few of each type, until nothing new turns up.
  const explored = new Set<string>();
  const exploredPerType = new Map<string, number>();
  for (;;) {
    const next = [...result.seen.values()].filter((ref) => !explored.has(ref.id) && (exploredPerType.get(ref.typename) ?? 0) < options.perType);
    const picked: Reference[] = [];
    for (const ref of takeTurns(next)) {
      const count = exploredPerType.get(ref.typename) ?? 0;
      if (count >= options.perType) continue;
      exploredPerType.set(ref.typename, count + 1);
      picked.push(ref);
    }
    if (picked.length === 0) break;
    picked.forEach((ref) => explored.add(ref.id));
    let batch: Reference[] = [];
    let fields = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const text = batch
        .map((ref, i) => `n${i}: node(id: ${JSON.stringify(ref.id)}) { ... on ${ref.typename} { ${selections.expansion(ref.typename).text} } }`)
        .join(' ');
      const data = await post(`{ ${text} }`);
      result.exercised.add('Query.node');
      batch.forEach((ref, i) => walk(data[`n${i}`], `${ref.typename} ${ref.id}`, ref.origin));
      batch = [];
      fields = 0;
    };
    for (const ref of picked) {
      const size = selections.expansion(ref.typename).fields;
      if (batch.length > 0 && (fields + size > MAX_FIELDS || batch.length >= MAX_ALIASES)) await flush();
      batch.push(ref);
      fields += size;
    }
    await flush();
  }

  // 3. The oracle: whatever was shown, nodes(ids:) must return to the same caller.
  const all = [...result.seen.values()];
  for (let i = 0; i < all.length; i += MAX_ALIASES) {
    const chunk = all.slice(i, i + MAX_ALIASES);
    const data = await post(`{ nodes(ids: ${JSON.stringify(chunk.map((ref) => ref.id))}) { __typename ... on Node { id } } }`);
    result.exercised.add('Query.nodes');
    const found = (data.nodes as ({ id: string } | null)[] | undefined) ?? [];
    chunk.forEach((ref, j) => {
      if (found[j]?.id !== ref.id) result.leaks.push(ref);
    });
  }
  return result;
}

/** The root call once more with each value of each optional enum argument it takes. */
function enumVariants(field: GraphQLField<unknown, unknown>, base: string): string[] {
  const inner = base.replace(/^\(|\)$/g, '');
  return field.args.flatMap((arg) => {
    const type = getNullableType(arg.type);
    if (isNonNullType(arg.type) || !isEnumType(type)) return [];
    return type.getValues().map((value) => `(${[inner, `${arg.name}: ${value.name}`].filter(Boolean).join(', ')})`);
  });
}

/** References in an order that takes turns between their origins, so every chain gets explored. */
function takeTurns(refs: Reference[]): Reference[] {
  const byOrigin = new Map<string, Reference[]>();
  for (const ref of refs) byOrigin.set(ref.origin, [...(byOrigin.get(ref.origin) ?? []), ref]);
  const queues = [...byOrigin.values()];
  const ordered: Reference[] = [];
  for (let i = 0; ordered.length < refs.length; i++) for (const queue of queues) if (queue[i]) ordered.push(queue[i]);
  return ordered;
}

/** `Type.field` of every field that can return an object of one of `types`, outside mutations. */
export function edgesInto(schema: HttpTestServer['platform']['schema'], types: ReadonlySet<string>): string[] {
  const payloads = new Set<string>();
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const named = getNamedType(field.type);
    for (const member of isAbstractType(named) ? schema.getPossibleTypes(named) : [named]) payloads.add(member.name);
  }
  const edges: string[] = [];
  for (const named of Object.values(schema.getTypeMap())) {
    if (!isObjectType(named) || named.name.startsWith('__') || named === schema.getMutationType() || payloads.has(named.name)) continue;
    const type: GraphQLObjectType = named;
    // A connection's and an edge's fields are reached through the field that returns the connection.
    if (isConnection(type) || ('node' in type.getFields() && 'cursor' in type.getFields())) continue;
    for (const field of Object.values(type.getFields())) {
      const returned = getNamedType(field.type);
      const target = isConnection(returned) ? nodeTypeOf(returned as GraphQLObjectType) : returned;
      const concrete = isObjectType(target) ? [target] : isAbstractType(target) ? schema.getPossibleTypes(target) : [];
      if (concrete.some((t) => types.has(t.name))) edges.push(`${type.name}.${field.name}`);
    }
  }
  return edges.sort();
}
