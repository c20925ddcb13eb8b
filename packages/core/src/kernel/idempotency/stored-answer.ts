/**
 * What a mutation field's resolver returned, as kept for a replay: the ids (and plain values) its
 * payload reads, so the payload of a replay resolves from the same rows as the first answer, in
 * whatever selection the client sends. Only plain data is kept; dates are tagged to come back as
 * dates. An answer that is not plain data, or one marked with `answerNotKept`, is recorded as not
 * kept: a replay is then refused with a ConflictError instead of running the write again.
 */
export type StoredAnswer = { readonly kept: true; readonly value: unknown } | { readonly kept: false };

const NOT_KEPT = new WeakSet<object>();
const DATE_TAG = '$tuopinDate';

/**
 * Marks a mutation's answer as one a replay must not repeat (a secret shown once, such as a new
 * API key in clear): the key still prevents a second write, but the answer is not stored.
 */
export function answerNotKept<T extends object>(answer: T): T {
  NOT_KEPT.add(answer);
  return answer;
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** The value as JSON-safe data, or undefined when part of it is not plain data. */
function encode(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (value instanceof Date) return { [DATE_TAG]: value.toISOString() };
  if (Array.isArray(value)) {
    const items = value.map(encode);
    return items.includes(undefined) ? undefined : items;
  }
  if (typeof value === 'object' && isPlainObject(value)) {
    const entries: [string, unknown][] = [];
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      const encoded = encode(item);
      if (encoded === undefined) return undefined;
      entries.push([key, encoded]);
    }
    return Object.fromEntries(entries);
  }
  return undefined;
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record[DATE_TAG] === 'string' && Object.keys(record).length === 1) return new Date(record[DATE_TAG]);
    return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, decode(item)]));
  }
  return value;
}

/** The answer to store for a field's result. */
export function storedAnswerOf(result: unknown): StoredAnswer {
  if (typeof result === 'object' && result !== null && NOT_KEPT.has(result)) return { kept: false };
  const value = encode(result);
  return value === undefined ? { kept: false } : { kept: true, value };
}

/** The field's result again, from a stored answer that was kept. */
export function replayedValue(answer: { value: unknown }): unknown {
  return decode(answer.value);
}
