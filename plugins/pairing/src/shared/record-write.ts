import type { EntityManager } from '@mikro-orm/postgresql';
import { inTransaction, type ConstraintErrors, type TuopinContext } from '@tuopin/core';
import type { Pairing } from '../pairing/pairing.entity.js';
import { touchPairing } from '../pairing/pairing.service.js';

/** A column's value, or a value with its own placeholder (`?::text[]`). */
export type ColumnValue = unknown | { readonly placeholder: string; readonly value: unknown };

function isPlaceholder(value: ColumnValue): value is { placeholder: string; value: unknown } {
  return typeof value === 'object' && value !== null && 'placeholder' in value;
}

/** Inserts one row and returns its id. */
export async function insertRow(em: EntityManager, table: string, values: Readonly<Record<string, ColumnValue>>): Promise<number> {
  const entries = Object.entries(values);
  const [row] = await em.execute<{ id: number }[]>(
    `insert into ${table} (${entries.map(([column]) => column).join(', ')}) values (${entries.map(([, value]) => (isPlaceholder(value) ? value.placeholder : '?')).join(', ')}) returning id`,
    entries.map(([, value]) => (isPlaceholder(value) ? value.value : value)),
  );
  return row.id;
}

/**
 * Records one row on a pairing in one audited transaction: the row carries the pairing, its helped
 * area and who recorded it, and the pairing's `updatedAt` moves, so partners pulling changes see it.
 */
export function recordOnPairing(
  ctx: TuopinContext,
  pairing: Pairing,
  table: string,
  values: Readonly<Record<string, ColumnValue>>,
  constraints: ConstraintErrors = {},
): Promise<number> {
  return inTransaction(ctx, constraints, async (em) => {
    const id = await insertRow(em, table, { pairing_id: pairing.id, area_code: pairing.areaCode, ...values, recorded_by: ctx.principal.id });
    await touchPairing(em, pairing.id);
    return id;
  });
}
