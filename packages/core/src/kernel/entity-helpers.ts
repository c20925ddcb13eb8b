import { defineEntity } from '@mikro-orm/core';

type PropertyBuilders = typeof defineEntity.properties;

/** The keys of a vocabulary record, as the value list of an enum property. */
export function enumKeys<T extends object>(record: T): (keyof T & string)[] {
  return Object.keys(record) as (keyof T & string)[];
}

/** `createdAt` and `updatedAt`, set by the database on insert and by the ORM on update. */
export function timestamps(p: PropertyBuilders) {
  return {
    createdAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()),
    updatedAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()).onUpdate(() => new Date()),
  };
}
