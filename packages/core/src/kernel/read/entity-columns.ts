import type { EntityMetadata, EntityProperty, MetadataStorage, Platform } from '@mikro-orm/core';

/**
 * What the read layer knows of an entity, computed once from MikroORM's metadata: its table, the
 * select list that names every column by its property (`village_code as "villageCode"`), and the
 * conversions the ORM's own result mapper (`EntityComparator.getResultMapper`) applies after the
 * driver. node-postgres already gives what the ORM gives for everything else — numeric and bigint
 * as strings, booleans, text arrays, dates as text (MikroORM installs those type parsers on the
 * pool's connections, which this layer shares) — so the only conversion left is `datetime`
 * properties, parsed to `Date` by the platform exactly as the ORM does.
 */
export interface EntityColumns<Row> {
  readonly table: string;
  /** `alias.column as "property", …` for every column. */
  select(alias: string): string;
  /**
   * A JSON object of the row with the property names as keys (`json_build_object`), for child
   * lists read with their parent (`json_agg`). Numeric and bigint columns are cast to text, so that
   * a decoded row carries what the driver would have given (money stays an exact string).
   */
  jsonObject(alias: string): string;
  /**
   * The row as a JSON array of its values in `properties` order (`json_build_array`), for child
   * lists: the same values as `jsonObject` without a key per value, about half the database's
   * work of building objects (EXPLAIN ANALYZE of a household page's members: 0.27 against
   * 0.5 ms) and less text to send and parse. Decode with `fromJsonArray`.
   */
  jsonArray(alias: string): string;
  /** A row from a decoded `jsonArray`, converted as `finishRow` converts. */
  fromJsonArray(values: readonly unknown[]): Row;
  /**
   * Many rows as one JSON array per column (`json_build_array(json_agg(a.c1), json_agg(a.c2), …)`),
   * an aggregate over all of them: each `json_agg` looks up its column's type once for the whole
   * aggregate, where `json_agg(json_build_array(…))` looks up every value's type on every row. On a
   * household page's members (20 households, about 75 members) the aggregate ran 0.24 against
   * 0.32 ms (test/bench, session 38). Decode with `fromJsonColumns`.
   */
  jsonColumns(alias: string): string;
  /** The rows of a decoded `jsonColumns` (each column `null` when there were none), converted as `finishRow` converts. */
  fromJsonColumns(columns: readonly unknown[]): Row[];
  /** The column of a property, qualified by `alias`. */
  column(property: keyof Row & string, alias: string): string;
  /** The column's name of a property, unquoted (a key of `json_populate_record`'s object, say). */
  fieldName(property: keyof Row & string): string;
  /** Rows as the driver returned them for `select(alias)`, converted in place. */
  finish(rows: Record<string, unknown>[]): Row[];
  /** The same conversion for one row (a child row decoded from JSON, say). */
  finishRow(row: Record<string, unknown>): Row;
  /**
   * The same entity read with only some of its columns (for rows whose readers need no more: a
   * child list whose selection names a few fields). Its `select`, `jsonObject` and `finish` cover
   * just those properties, in the entity's order, so a column set always gives the same text (one
   * prepared statement per set). The rows it finishes are guarded: reading a property that was
   * not read throws instead of answering `undefined` — a resolver that needs a column its field did
   * not declare fails loudly (and in the tests), never shows a missing value as empty.
   * `undefined` properties means every column (this object itself).
   */
  subset(properties: readonly string[] | undefined): EntityColumns<Row>;
  /** The properties these columns read, in the entity's order. */
  readonly properties: readonly string[];
}

/** An SQL identifier, quoted. */
export const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quote = quoteIdentifier;

/** Column types that node-postgres reads as strings but JSON would carry as numbers. */
const TEXT_IN_JSON = /^(numeric|decimal|bigint|int8|money)/i;

/** json_build_object takes at most 100 arguments: larger rows are joined from pieces. */
const JSON_PAIRS_PER_CALL = 50;
/** json_build_array too: a larger row is an array of arrays, flattened when decoded. */
const JSON_VALUES_PER_CALL = 100;

/** True where the ORM's result mapper turns the column's text into a `Date`. */
function isDateProperty(platform: Platform, prop: EntityProperty): boolean {
  return prop.runtimeType === 'Date' && !platform.isNumericProperty(prop);
}

/** The persisted single-column properties of an entity, in its order. */
function columnProperties(meta: EntityMetadata): EntityProperty[] {
  return meta.props.filter((prop) => prop.fieldNames?.length === 1 && prop.persist !== false && !prop.formula);
}

/**
 * A prototype for rows read with only `read` of an entity's properties: each property left out is
 * a getter that throws. Setting it as a row's prototype costs nothing per property; `in` still
 * sees every property (so `isTypeOf` checks keep working), spreading and JSON see what was read.
 */
function guardPrototype(meta: EntityMetadata, all: readonly EntityProperty[], read: ReadonlySet<string>): object {
  const prototype = {};
  for (const prop of all) {
    if (read.has(prop.name)) continue;
    Object.defineProperty(prototype, prop.name, {
      get() {
        throw new Error(`${meta.className}.${prop.name} was not read for this selection: declare it in the field's readsProperties`);
      },
      enumerable: false,
    });
  }
  return prototype;
}

export function entityColumns<Row>(meta: EntityMetadata, platform: Platform): EntityColumns<Row> {
  const subsets = new Map<string, EntityColumns<Row>>();
  const all = columnProperties(meta);
  const whole: EntityColumns<Row> = columnsReading<Row>(meta, platform, undefined, (properties) => {
    if (properties === undefined) return whole;
    const wanted = new Set(properties);
    for (const name of wanted) if (!all.some((prop) => prop.name === name)) throw new Error(`${meta.className} has no column for ${name}`);
    const key = all.filter((prop) => wanted.has(prop.name)).map((prop) => prop.name).join(',');
    let subset = subsets.get(key);
    if (subset === undefined) {
      subset = wanted.size === all.length ? whole : columnsReading<Row>(meta, platform, wanted, (more) => whole.subset(more?.filter((name) => wanted.has(name))));
      subsets.set(key, subset);
    }
    return subset;
  });
  return whole;
}

/** The columns of `only` (every column when undefined); `subset` is the whole entity's. */
function columnsReading<Row>(meta: EntityMetadata, platform: Platform, only: ReadonlySet<string> | undefined, subset: EntityColumns<Row>['subset']): EntityColumns<Row> {
  const all = columnProperties(meta);
  const props = only ? all.filter((prop) => only.has(prop.name)) : all;
  const fieldOf = new Map(all.map((prop) => [prop.name, prop.fieldNames[0]]));
  const dates = props.filter((prop) => isDateProperty(platform, prop)).map((prop) => prop.name);
  const guard = only ? guardPrototype(meta, all, only) : undefined;
  const fieldName = (property: string) => {
    const field = fieldOf.get(property);
    if (field === undefined) throw new Error(`${meta.className} has no column for ${property}`);
    return field;
  };
  const finishRow = (row: Record<string, unknown>) => {
    for (const name of dates) {
      const value = row[name];
      if (value != null && !(value instanceof Date)) row[name] = platform.parseDate(value as string);
    }
    if (guard) Object.setPrototypeOf(row, guard);
    return row as Row;
  };
  const selects = new Map<string, string>();
  const jsonObjects = new Map<string, string>();
  const jsonArrays = new Map<string, string>();
  const jsonColumnLists = new Map<string, string>();
  const names = props.map((prop) => prop.name);
  const chunked = props.length > JSON_VALUES_PER_CALL;
  const jsonValue = (prop: EntityProperty, alias: string) => {
    const column = `${alias}.${quote(prop.fieldNames[0])}`;
    return TEXT_IN_JSON.test(prop.columnTypes?.[0] ?? '') ? `${column}::text` : column;
  };
  /** `json_build_array` of one value per property; more than a call takes become an array of arrays (`flat()` when decoded). */
  const buildArray = (values: readonly string[]) => {
    if (!chunked) return `json_build_array(${values.join(', ')})`;
    const pieces: string[] = [];
    for (let i = 0; i < values.length; i += JSON_VALUES_PER_CALL) pieces.push(`json_build_array(${values.slice(i, i + JSON_VALUES_PER_CALL).join(', ')})`);
    return `json_build_array(${pieces.join(', ')})`;
  };
  return {
    table: quote(meta.tableName),
    select(alias) {
      let list = selects.get(alias);
      if (list === undefined) {
        list = props
          .map((prop) => {
            const field = prop.fieldNames[0];
            return field === prop.name ? `${alias}.${quote(field)}` : `${alias}.${quote(field)} as ${quote(prop.name)}`;
          })
          .join(', ');
        selects.set(alias, list);
      }
      return list;
    },
    jsonObject(alias) {
      let object = jsonObjects.get(alias);
      if (object === undefined) {
        const pairs = props.map((prop) => `'${prop.name}', ${jsonValue(prop, alias)}`);
        if (pairs.length <= JSON_PAIRS_PER_CALL) {
          object = `json_build_object(${pairs.join(', ')})`;
        } else {
          const pieces: string[] = [];
          for (let i = 0; i < pairs.length; i += JSON_PAIRS_PER_CALL) pieces.push(`jsonb_build_object(${pairs.slice(i, i + JSON_PAIRS_PER_CALL).join(', ')})`);
          object = `(${pieces.join(' || ')})`;
        }
        jsonObjects.set(alias, object);
      }
      return object;
    },
    jsonArray(alias) {
      let array = jsonArrays.get(alias);
      if (array === undefined) {
        array = buildArray(props.map((prop) => jsonValue(prop, alias)));
        jsonArrays.set(alias, array);
      }
      return array;
    },
    fromJsonArray(decoded) {
      const values = chunked ? (decoded as unknown[][]).flat() : decoded;
      const row: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i += 1) row[names[i]] = values[i];
      return finishRow(row);
    },
    jsonColumns(alias) {
      let list = jsonColumnLists.get(alias);
      if (list === undefined) {
        list = buildArray(props.map((prop) => `json_agg(${jsonValue(prop, alias)})`));
        jsonColumnLists.set(alias, list);
      }
      return list;
    },
    fromJsonColumns(decoded) {
      const values = (chunked ? (decoded as unknown[][]).flat() : decoded) as (unknown[] | null)[];
      const count = values[0]?.length ?? 0;
      const rows: Row[] = new Array(count);
      for (let r = 0; r < count; r += 1) {
        const row: Record<string, unknown> = {};
        for (let i = 0; i < names.length; i += 1) row[names[i]] = (values[i] as unknown[])[r];
        rows[r] = finishRow(row);
      }
      return rows;
    },
    column: (property, alias) => `${alias}.${quote(fieldName(property))}`,
    fieldName,
    finish(rows) {
      if (dates.length > 0 || guard) for (const row of rows) finishRow(row);
      return rows as Row[];
    },
    finishRow,
    properties: props.map((prop) => prop.name),
    subset,
  };
}

const cache = new WeakMap<MetadataStorage, Map<string, EntityColumns<unknown>>>();

/** The columns of an entity of this metadata, computed on first use and kept. */
export function columnsOf<Row>(metadata: MetadataStorage, platform: Platform, className: string): EntityColumns<Row> {
  let byClass = cache.get(metadata);
  if (!byClass) cache.set(metadata, (byClass = new Map()));
  let columns = byClass.get(className);
  if (!columns) byClass.set(className, (columns = entityColumns(metadata.get(className), platform)));
  return columns as EntityColumns<Row>;
}
