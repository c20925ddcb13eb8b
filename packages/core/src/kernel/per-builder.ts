/**
 * Defines a type once per builder. Shared input types (a member input used by two mutations)
 * must be created on the builder being assembled, and each schema has its own builder.
 */
export function perBuilder<Builder extends object, Ref>(define: (builder: Builder) => Ref): (builder: Builder) => Ref {
  const refs = new WeakMap<Builder, Ref>();
  return (builder) => {
    let ref = refs.get(builder);
    if (ref === undefined) {
      ref = define(builder);
      refs.set(builder, ref);
    }
    return ref;
  };
}
