/**
 * A PostgreSQL array literal for one bound parameter (`?::text[]`). The query layer (knex) would
 * expand a JavaScript array into a list of parameters, which is not what `unnest(?)` wants.
 */
export function pgTextArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`;
}

/** An integer array as one bound parameter, for `= any(?::int[])`. */
export function pgIntArray(ids: readonly number[]): string {
  return pgTextArray(ids.map(String));
}
