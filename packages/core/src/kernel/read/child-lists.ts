import type { EntitySchema } from '@mikro-orm/core';
import type DataLoader from 'dataloader';
import type { TuopinContext } from '../context.js';
import { sortShortList } from '../sort-short-list.js';
import { extraColumn } from './filtered-rows.js';

/**
 * Child lists read with their parent page in one statement. A connection whose nodes select a
 * child list adds a column holding the children as a JSON array (`json_agg`, each child an array
 * of its values: `EntityColumns.jsonArray`), sorted into the list's order once decoded,
 * then primes the child loader with each parent's list: the field resolvers run as before — they
 * load from the loader, which answers from what was primed — so masking, read audit and scope
 * checks see exactly what they saw when the children were a statement of their own.
 */
export interface ChildList<Row extends object> {
  entity: EntitySchema<Row, any>;
  /** The alias of the child table inside the subquery. */
  alias: string;
  /** How a child joins its parent, e.g. `m.household_id = h.id`. */
  joinsParent: string;
  /**
   * The list's order, applied to the decoded children (the loader's own comparator, so both give
   * one order). Not in SQL: an ordered `json_agg` is a sort node per parent, and a household
   * page's head-first order cost a fifth of its statement's time in PostgreSQL (test/bench, session 33).
   */
  order: (a: Row, b: Row) => number;
}

/**
 * ` , coalesce((select json_agg(json_build_array(…)) …), '[]') as "<column>"`, to append to a select list. With
 * `properties` (from `selectedProperties`), the children carry only those; pass the same to
 * `primeChildLists`.
 */
export function childListColumn<Row extends object>(ctx: TuopinContext, list: ChildList<Row>, column: string, properties?: readonly string[]): string {
  const columns = ctx.db.columns(list.entity).subset(properties);
  return `, coalesce((select json_agg(${columns.jsonArray(list.alias)}) from ${columns.table} ${list.alias} where ${list.joinsParent}), '[]') as "${column}"`;
}

/**
 * Primes the loader with each parent's children (the column `childListColumn` added, which
 * `pageRowsOf` set aside from the rows) in the list's order, keyed by the parent's key.
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
  const columns = ctx.db.columns(list.entity).subset(properties);
  for (let index = 0; index < parents.length; index += 1) {
    const parent = parents[index];
    const children = extraColumn<unknown[][]>(parents, index, column).map((child) => columns.fromJsonArray(child));
    sortShortList(children, list.order);
    // prime() keeps what this request already loaded for the key, so every resolver sees one answer.
    loader.prime(keyOf(parent), children);
  }
}
