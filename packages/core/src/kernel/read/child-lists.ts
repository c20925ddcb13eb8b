import type { EntitySchema } from '@mikro-orm/core';
import type DataLoader from 'dataloader';
import type { TuopinContext } from '../context.js';
import { sortShortList } from '../sort-short-list.js';
import { appendPageColumn, PAGE, pageColumn } from './filtered-rows.js';
import type { SqlText } from './read-statement.js';
import { quoteIdentifier } from './entity-columns.js';

/**
 * Child lists read with their parent page in one statement. A connection whose nodes select a
 * child list adds a page column (`PageQuery.pageColumns`) holding the children of every row of the
 * page: one index scan over the page's keys (`= any(…)`), aggregated into one JSON array per
 * column (`EntityColumns.jsonColumns`). Once decoded, the children are grouped by parent, sorted
 * into the list's order, and prime the child loader with each parent's list: the field resolvers
 * run as before — they load from the loader, which answers from what was primed — so masking,
 * read audit and scope checks see exactly what they saw when the children were a statement of
 * their own.
 *
 * One aggregate for the page, not one correlated subquery per parent row: on a household page
 * (20 households, about 75 members, a million households) the statement ran 0.32 → 0.24 ms in
 * PostgreSQL; twenty subplans each set up an index scan and an aggregate (test/bench, session 38).
 */
export interface ChildList<Row extends object> {
  entity: EntitySchema<Row, any>;
  /** The alias of the child table inside the subquery. */
  alias: string;
  /** The child's property that holds its parent's key, e.g. a member's `householdId`. */
  parentKey: keyof Row & string;
  /**
   * The list's order, applied to the decoded children (the loader's own comparator, so both give
   * one order). Not in SQL: an ordered `json_agg` is a sort, and a household page's head-first
   * order cost a fifth of its statement's time in PostgreSQL (test/bench, session 33).
   */
  order: (a: Row, b: Row) => number;
}

/** The properties the children are read with: `properties` (from `selectedProperties`) and always the parent's key, which groups them. */
function childProperties<Row extends object>(list: ChildList<Row>, properties: readonly string[] | undefined): readonly string[] | undefined {
  return properties === undefined || properties.includes(list.parentKey) ? properties : [...properties, list.parentKey];
}

/**
 * Appends, within `PageQuery.pageColumns`, the children of the page's rows as the page column
 * `column`; `pageKey` is the parents' key property (a column of the page). With `properties`, the
 * children carry only those; pass the same to `primeChildLists`.
 */
export function appendChildListColumn<Row extends object>(
  ctx: TuopinContext,
  sql: SqlText,
  list: ChildList<Row>,
  column: string,
  pageKey: string,
  properties?: readonly string[],
): void {
  const columns = ctx.db.columns(list.entity).subset(childProperties(list, properties));
  const joinsPage = `${columns.column(list.parentKey, list.alias)} = any(array(select ${quoteIdentifier(pageKey)} from ${PAGE}))`;
  appendPageColumn(sql, `select ${columns.jsonColumns(list.alias)} from ${columns.table} ${list.alias} where ${joinsPage}`, column);
}

/**
 * Primes the loader with each parent's children (the page column `appendChildListColumn` added,
 * which `pageRowsOf` set aside from the rows) in the list's order, keyed by the parent's key; a
 * parent without children gets an empty list.
 */
export function primeChildLists<Parent extends object, Row extends object, Key>(
  ctx: TuopinContext,
  parents: readonly Parent[],
  list: ChildList<Row>,
  column: string,
  keyOf: (parent: Parent) => Key,
  loader: DataLoader<Key, Row[]>,
  properties?: readonly string[],
): void {
  if (parents.length === 0) return;
  const columns = ctx.db.columns(list.entity).subset(childProperties(list, properties));
  const byParent = new Map<unknown, Row[]>();
  const decoded = pageColumn<unknown[]>(parents, column);
  for (const child of decoded ? columns.fromJsonColumns(decoded) : []) {
    const key = child[list.parentKey];
    const siblings = byParent.get(key);
    if (siblings) siblings.push(child);
    else byParent.set(key, [child]);
  }
  for (const parent of parents) {
    const key = keyOf(parent);
    const children = byParent.get(key) ?? [];
    sortShortList(children, list.order);
    // prime() keeps what this request already loaded for the key, so every resolver sees one answer.
    loader.prime(key, children);
  }
}
