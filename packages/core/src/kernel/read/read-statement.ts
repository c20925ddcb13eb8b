/**
 * SQL text for the read layer, written with `?` placeholders and numbered as it is built
 * (`$1`, `$2`, …), so that fragments can be composed without counting parameters by hand.
 *
 * Every statement is sent as a named prepared statement unless it asks otherwise
 * (`plannedPerCall`): PostgreSQL parses and plans a text once per connection instead of on every
 * request. The names come from the text itself, so the set of
 * names is exactly the set of distinct texts — which stays small because lists go in as one array
 * parameter (`= any(?)`), never as a generated `in (?, ?, …)`.
 */
export class SqlText {
  private parts: string[] = [];
  readonly values: unknown[] = [];

  /** Appends a fragment; each `?` in it takes the next value. */
  append(fragment: string, ...values: readonly unknown[]): this {
    const pieces = fragment.split('?');
    if (pieces.length - 1 !== values.length) {
      throw new Error(`SQL fragment has ${pieces.length - 1} placeholders but ${values.length} values: ${fragment}`);
    }
    this.parts.push(pieces[0]);
    for (let i = 1; i < pieces.length; i += 1) {
      this.values.push(values[i - 1]);
      this.parts.push(`$${this.values.length}`, pieces[i]);
    }
    return this;
  }

  get text(): string {
    return this.parts.join('');
  }
}

/** A statement as node-postgres takes it; `name` is absent when the text is not to be prepared. */
export interface ReadStatement {
  readonly name?: string;
  readonly text: string;
  readonly values: readonly unknown[];
}

/**
 * More distinct texts than this are sent unnamed: a named statement stays prepared on every
 * connection for the connection's life, so a text that varies without bound (a bug, or an
 * `in`-list) must not grow each connection's statement cache without bound either.
 */
const MAX_NAMED_TEXTS = 2000;
const names = new Map<string, string>();

/** The stable name of a statement text, or undefined once too many texts have been named. */
export function statementName(text: string): string | undefined {
  const known = names.get(text);
  if (known !== undefined || names.size >= MAX_NAMED_TEXTS) return known;
  const name = `tuopin_read_${names.size + 1}`;
  names.set(text, name);
  return name;
}

/** A composed text as a named statement. */
export function toStatement(sql: SqlText | string, values: readonly unknown[] = []): ReadStatement {
  const text = typeof sql === 'string' ? sql : sql.text;
  return { name: statementName(text), text, values: typeof sql === 'string' ? values : sql.values };
}

/**
 * A composed text sent unnamed, so that PostgreSQL plans it for its values on every call. For the
 * few statements whose best plan depends on the values: statistics over the code ranges of areas,
 * where a village's few rows and a province's million want different plans. A named statement
 * usually gets a generic plan after its fifth call (not when the plan for the values at hand
 * always looks cheaper, as with an array parameter: `keyMatch`), made for no values in particular (ten ranges of
 * unknown width, a day that could be any): on it the credit lines of a province's counties took four
 * times as long (0.9 against 0.2 s; test/bench, Q8), compared with every range in turn instead of
 * read from the index range by range. Planning costs a millisecond; such a statement runs for tens
 * or hundreds.
 */
export function plannedPerCall(sql: SqlText): ReadStatement {
  return { text: sql.text, values: sql.values };
}
