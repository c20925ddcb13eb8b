/**
 * Sorts a short list in place, stably, by insertion. `Array.prototype.sort` allocates its working
 * state on every call, about 800 bytes, more than a handful of items cost to sort: a household's
 * members, a project's funding by source, sorted for each parent of a page (session 34's
 * allocation profiles of the household page and the project feed). For lists of a few items only.
 */
export function sortShortList<T>(items: T[], order: (a: T, b: T) => number): T[] {
  for (let i = 1; i < items.length; i += 1) {
    const item = items[i];
    let j = i - 1;
    while (j >= 0 && order(items[j], item) > 0) {
      items[j + 1] = items[j];
      j -= 1;
    }
    items[j + 1] = item;
  }
  return items;
}
