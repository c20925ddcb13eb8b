/**
 * A set of field names, interned: every distinct set is one object, whatever order its fields
 * were added in. An officer's page records a read for each personal field of each person shown
 * (a hundred calls and more per page), and the audit record groups the people read with the same
 * fields; with interned sets, adding a field already seen is a map lookup, and grouping compares
 * objects, with no set copied, sorted or joined into a key per person.
 *
 * The sets are kept for the life of the process. Field names come from resolvers' code, never from
 * a caller, so there are only as many sets as the schema has combinations of personal fields read
 * together.
 */
export class FieldSet {
  private static readonly byKey = new Map<string, FieldSet>();
  /** The set with one more field, by the field's name. */
  private readonly added = new Map<string, FieldSet>();

  private constructor(
    /** The names, sorted. */
    readonly names: readonly string[],
  ) {}

  /** The set of the one field `name`. */
  static of(name: string): FieldSet {
    return FieldSet.EMPTY.with(name);
  }

  private static readonly EMPTY = new FieldSet([]);

  /** This set with `name` in it (itself when it has it). */
  with(name: string): FieldSet {
    const known = this.added.get(name);
    if (known) return known;
    if (this.names.includes(name)) return this;
    const names = [...this.names, name].sort();
    const key = names.join(',');
    let set = FieldSet.byKey.get(key);
    if (!set) FieldSet.byKey.set(key, (set = new FieldSet(names)));
    this.added.set(name, set);
    return set;
  }
}
