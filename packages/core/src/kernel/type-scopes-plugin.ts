import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';

/**
 * Leaves a type's own `authScopes` to the kernel's object guard (`scope-guard.ts`), which checks
 * them once per object, at the field that returns it, instead of scope-auth checking them again
 * on every field of every object (its default). The declaration stays where it was, on the type;
 * only where it runs moves.
 *
 * Why: scope-auth wraps every field of a type with type-level scopes, so each member's name, its
 * relation to the head and every other leaf became a resolver call with its own resolve info and
 * scope steps — a household page of 20 households selected 260 of them. A field without a
 * wrapper is read as a plain property by graphql-jit.
 */
export class TypeScopesOnReturnPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    // Fields of Query, Mutation and Subscription have no type scopes. An interface's fields are
    // marked too: an object inheriting one would otherwise have its own scopes run on it again
    // (interfaces declare none themselves: checkTypeScopes refuses them).
    if (fieldConfig.kind !== 'Object' && fieldConfig.kind !== 'Interface') return fieldConfig;
    return { ...fieldConfig, pothosOptions: { ...fieldConfig.pothosOptions, skipTypeScopes: true } as typeof fieldConfig.pothosOptions };
  }
}

/** The plugin's name in a builder's `plugins` list. */
export const TYPE_SCOPES_ON_RETURN = 'tuopinTypeScopesOnReturn';

// Registered once per process: where this module is evaluated twice (vitest's global setup and
// its test files), Pothos would refuse the second class, which is the same code.
if (!(SchemaBuilder as unknown as { plugins: Record<string, unknown> }).plugins[TYPE_SCOPES_ON_RETURN]) {
  SchemaBuilder.registerPlugin(TYPE_SCOPES_ON_RETURN, TypeScopesOnReturnPlugin);
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      tuopinTypeScopesOnReturn: TypeScopesOnReturnPlugin<Types>;
    }
  }
}
