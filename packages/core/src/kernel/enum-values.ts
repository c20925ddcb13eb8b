/**
 * Bilingual enums. Vocabularies are written once as `{ KEY: '中文 English' }`; `enumOf` turns
 * one into the enum object Pothos keys the GraphQL enum by (the same object works in every
 * builder, so plugins can refer to core enums), `describedValues` into per-value descriptions.
 */

export type EnumOf<T extends Record<string, string>> = { readonly [K in keyof T]: K };

export function enumOf<T extends Record<string, string>>(record: T): EnumOf<T> {
  return Object.freeze(Object.fromEntries(Object.keys(record).map((key) => [key, key]))) as EnumOf<T>;
}

export function describedValues<T extends Record<string, string>>(record: T): { [K in keyof T]: { description: string } } {
  return Object.fromEntries(Object.entries(record).map(([key, description]) => [key, { description }])) as {
    [K in keyof T]: { description: string };
  };
}

/** Registers a vocabulary as a GraphQL enum on a builder. */
export function registerEnum<T extends Record<string, string>>(
  builder: { enumType: (param: any, options: any) => unknown },
  enumObject: EnumOf<T>,
  name: string,
  description: string,
  record: T,
): void {
  builder.enumType(enumObject, { name, description, values: describedValues(record) });
}
