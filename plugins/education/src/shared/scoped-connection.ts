import type { EntitySchema } from '@mikro-orm/core';
import { countRowsOf, pageRowsOf, resolveKeysetConnection, type ConnectionArgs, type Conditions, type TuopinContext } from '@tuopin/core';

/** How a list is ordered: by its area code and id, or by (updated_at, id) for a partner's pull. */
export type ListOrder = 'code' | 'updated';

export interface ScopedList<Row> {
  entity: EntitySchema<Row, any>;
  alias: string;
  /** The filter, scope included, or null when the caller may see nothing here. */
  conditions: Conditions | null;
  order: ListOrder;
  /** The property and column of the area code the list is ordered by. */
  code: { property: keyof Row & string; column: string };
}

type Timestamped = { id: number; updatedAt: Date };

/**
 * A keyset page of a scoped list, through the kernel's read layer: the filter (with the caller's
 * scope) is in the SQL of the page and of `totalCount`. With `updated` order the cursor is the
 * row's (updated_at, id), so a partner pulls what changed after a moment in stable pages.
 */
export function scopedConnection<Row extends Timestamped>(ctx: TuopinContext, list: ScopedList<Row>, args: ConnectionArgs) {
  const { alias, conditions } = list;
  const keyColumn = list.order === 'updated' ? `${alias}.updated_at` : `${alias}.${list.code.column}`;
  const cast = list.order === 'updated' ? '::timestamptz' : '';
  return resolveKeysetConnection<Row>(
    args,
    ['text', 'id'],
    (row) => [list.order === 'updated' ? new Date(row.updatedAt).toISOString() : String(row[list.code.property]), row.id],
    async ({ after, before, limit, descending }) => {
      if (!conditions) return [];
      const direction = descending ? 'desc' : 'asc';
      return pageRowsOf(ctx, {
        entity: list.entity,
        alias,
        conditions,
        bounds: (sql) => {
          if (after) sql.append(` and (${keyColumn}, ${alias}.id) > (?${cast}, ?)`, String(after[0]), Number(after[1]));
          if (before) sql.append(` and (${keyColumn}, ${alias}.id) < (?${cast}, ?)`, String(before[0]), Number(before[1]));
        },
        orderBy: [
          [(list.order === 'updated' ? 'updatedAt' : list.code.property) as keyof Row & string, direction],
          ['id' as keyof Row & string, direction],
        ],
        limit,
      });
    },
    async () => (conditions ? countRowsOf(ctx, list.entity, alias, conditions) : 0),
  );
}
