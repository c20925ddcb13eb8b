import { quoteIdentifier, type EntityColumns } from './entity-columns.js';

/**
 * Rows to write as one JSON parameter, for a statement that reads them with
 * `json_populate_record(set)(null::<table>, ?::json)`: PostgreSQL converts each value to its
 * column's type (dates, numerics, text arrays) as it converts a parameter, and a list of any
 * length is still one parameter of one statement text (so one prepared statement).
 *
 * `properties` are the columns written; the others take their defaults (ids, timestamps).
 */
export interface JsonRows<Row> {
  /** `"household_no", "village_code", …`: the insert's column list. */
  readonly targets: string;
  /** `r."household_no", r."village_code", …`: the same columns of the populated record `alias`. */
  sources(alias: string): string;
  /** The rows as the JSON text to bind, keyed by column name. */
  json(rows: readonly Partial<Row>[]): string;
}

export function jsonRows<Row>(columns: EntityColumns<Row>, properties: readonly (keyof Row & string)[]): JsonRows<Row> {
  const fields = properties.map((property) => columns.fieldName(property));
  return {
    targets: fields.map(quoteIdentifier).join(', '),
    sources: (alias) => properties.map((property) => columns.column(property, alias)).join(', '),
    json: (rows) => JSON.stringify(rows.map((row) => Object.fromEntries(properties.map((property, i) => [fields[i], row[property] ?? null])))),
  };
}
