/** The keys of a vocabulary record, as the value list of an enum property of an entity. */
export function keysOf<T extends object>(record: T): (keyof T & string)[] {
  return Object.keys(record) as (keyof T & string)[];
}
