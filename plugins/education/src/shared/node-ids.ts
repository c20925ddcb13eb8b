/** True for an object that has every one of the properties: how a node's `isTypeOf` tells rows apart. */
export function hasProperties(value: unknown, ...properties: string[]): boolean {
  return typeof value === 'object' && value !== null && properties.every((property) => property in value);
}
