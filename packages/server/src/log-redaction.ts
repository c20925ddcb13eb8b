/**
 * What a log may say about an error: no personal data. A failed statement's error carries the
 * statement with its parameters inlined (ID numbers, names) and PostgreSQL's detail repeats the
 * offending values ("Key (id_number)=(…) already exists"). Operators need the error's kind, its
 * SQLSTATE, the constraint, table and column it names and the shape of the SQL — never the
 * values. One small module with no dependencies, so that any logger (a pino serializer too) can
 * use it.
 */

/** The parts of a database error that name things, not values; kept as they are. */
const NAMING_FIELDS = ['code', 'constraint', 'table', 'column', 'schema', 'dataType', 'routine', 'severity'] as const;

const SQL_START = /^\s*(select|insert|update|delete|with|begin|commit|rollback|savepoint|release|set|alter|create|drop|lock|truncate|copy)\b/i;

/** The SQL with every literal replaced by `?`: the statement's shape, which names no person. */
export function sqlShape(sql: string): string {
  // Double quotes in SQL are identifiers (names), so only bare values are redacted after literals.
  return redactBareValues(
    sql
      .replace(/[eE]?'(?:[^']|'')*'/g, '?')
      .replace(/(?<![\w$."])-?\d+(?:\.\d+)?(?![\w.])/g, '?')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/**
 * Text with values taken out: quoted strings (except quoted names in `keep`, such as the
 * constraint), runs of six or more digits (ID, bank account and phone numbers, with an ID
 * number's check character) and runs of Chinese characters (names, places, notes).
 */
export function redactText(text: string, keep: ReadonlySet<string> = new Set()): string {
  return redactBareValues(text.replace(/'(?:[^']|'')*'/g, "'?'").replace(/"([^"]*)"/g, (quoted, inner: string) => (keep.has(inner) ? quoted : '"?"')));
}

function redactBareValues(text: string): string {
  return text.replace(/\d{6,}[Xx]?/g, '?').replace(/[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]+/g, '?');
}

/** The fields a log line carries about an error: `error` (the redacted message), its type, codes and SQL shape. */
export function describeErrorForLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: redactText(String(error)) };
  const source = error as Error & Record<string, unknown>;
  const described: Record<string, unknown> = { errorType: error.name };
  const keep = new Set<string>();
  for (const field of NAMING_FIELDS) {
    const value = source[field];
    if (typeof value === 'string' || typeof value === 'number') {
      described[field] = value;
      keep.add(String(value));
    }
  }
  // Drivers put the failed statement in front of the database's message and its detail after
  // it: "<sql> - <message>\n - detail: Key (id_number)=(…)". The detail is values: dropped.
  let message = error.message;
  const detail = message.search(/\n - \w+: /);
  if (detail >= 0) message = message.slice(0, detail);
  const split = message.lastIndexOf(' - ');
  if (SQL_START.test(message) && split > 0) {
    described.sql = sqlShape(message.slice(0, split));
    message = message.slice(split + 3);
  }
  described.error = redactText(message, keep);
  const frames = (error.stack ?? '').split('\n').filter((line) => line.trim().startsWith('at '));
  described.stack = [`${error.name}: ${described.error}`, ...frames].join('\n');
  return described;
}
