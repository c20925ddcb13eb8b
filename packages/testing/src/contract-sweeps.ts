import type { TuopinPlugin } from '@tuopin/core';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containedTypesAtRoots, unclassifiedObjectTypes, unguardedScopedFields } from './scope-structure.js';
import { createTestServer, type TestServer } from './test-server.js';

/**
 * The plugin contract's checks that need nothing from a plugin but the plugin: they read the
 * schema and the database catalog of a server, so a new plugin is covered without writing a line
 * of test code. Each returns what breaks the contract (empty when all is well); `runContractSweeps`
 * turns them into tests. What these cannot see — what a mutation writes to the trail, who may read
 * what — is proved by each package's own behavioural tests and the root suite's HTTP sweeps.
 */

const CJK = /[\u4e00-\u9fff]/;
const LATIN = /[A-Za-z]/;
const BUILT_IN_SCALARS = ['String', 'Int', 'Float', 'Boolean', 'ID'];

/** Every type, field, argument and enum value without a description in Chinese and English. */
export function undescribedSchemaElements(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (where: string, description: string | null | undefined) => {
    if (!description || !CJK.test(description) || !LATIN.test(description)) missing.push(where);
  };
  const builtIn = (type: GraphQLNamedType) => type.name.startsWith('__') || BUILT_IN_SCALARS.includes(type.name);
  for (const type of Object.values(schema.getTypeMap())) {
    if (builtIn(type)) continue;
    check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.description);
        for (const arg of 'args' in field ? field.args : []) check(`${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
  }
  return missing;
}

/**
 * Core's tables that hold no rows of the domain: the trail itself, the migrations' log, a derived
 * rollup, and the idempotency keys (request bookkeeping, written in the transaction of a write
 * that is itself audited; a replay writes nothing to be audited).
 */
const UNAUDITED_BY_DESIGN = ['audit_log', 'mikro_orm_migrations', 'village_stats', 'idempotency_key'];

/** Every table of the server's database without the audit trigger (`tuopin_audit_table` in its migration), from the catalog. */
export async function tablesWithoutAuditTrigger(server: TestServer): Promise<string[]> {
  const rows = await server.sql<{ table_name: string }>(
    `select c.relname as table_name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname not in (${UNAUDITED_BY_DESIGN.map((name) => `'${name}'`).join(', ')})
       and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'audit_' || c.relname)
     order by 1`,
  );
  return rows.map((row) => row.table_name);
}

/**
 * Every audited table whose rows the audit log would show under a name that is not a GraphQL type
 * of the server's schema (a plugin's `auditObjectTypes`, or its entity's name): clients could not
 * filter the log by it.
 */
export async function auditedTablesWithoutType(server: TestServer): Promise<string[]> {
  const rows = await server.sql<{ table_name: string }>(
    `select c.relname as table_name from pg_trigger t join pg_class c on c.oid = t.tgrelid where t.tgname = 'audit_' || c.relname order by 1`,
  );
  const { schema, auditVocabulary } = server.platform;
  return rows.map((row) => row.table_name).filter((table) => !schema.getType(auditVocabulary.typeOf(table)));
}

/**
 * Every mutation that does not name itself to the audit trail before it runs. The kernel wraps
 * every root mutation field (`buildPlatform`); this calls each resolver with a context that holds
 * only the trail's slot and stops the resolver at the first other thing it reads, then looks at
 * the slot. Nothing is written: the resolver never reaches a database.
 */
export async function mutationsNotNamedForAudit(schema: GraphQLSchema): Promise<string[]> {
  const mutation = schema.getMutationType();
  if (!mutation) return [];
  const unnamed: string[] = [];
  for (const field of Object.values(mutation.getFields())) {
    const audit: { operation?: string } = {};
    const context = new Proxy(
      {},
      {
        get(_target, key) {
          if (key === 'audit') return audit;
          throw new Error('contract sweep: the resolver reached past the audit slot');
        },
      },
    );
    try {
      await field.resolve?.(undefined, {}, context, probeInfo(schema, mutation, field));
    } catch {
      // Expected: the probe stops every resolver.
    }
    if (audit.operation !== field.name) unnamed.push(field.name);
  }
  return unnamed;
}

function probeInfo(schema: GraphQLSchema, mutation: GraphQLObjectType, field: GraphQLField<unknown, unknown>): GraphQLResolveInfo {
  return {
    fieldName: field.name,
    fieldNodes: [],
    returnType: field.type,
    parentType: mutation,
    path: { prev: undefined, key: field.name, typename: mutation.name },
    schema,
    fragments: {},
    rootValue: undefined,
    operation: { kind: 'OperationDefinition', operation: 'mutation', selectionSet: { kind: 'SelectionSet', selections: [] } } as never,
    variableValues: {},
  } as GraphQLResolveInfo;
}

export interface ContractSweepOptions {
  /** The plugin set to check; the test project's by default (a plugin's own suite: the plugin and its dependencies). */
  plugins?: readonly TuopinPlugin[];
}

/**
 * Registers the contract sweeps as tests of the calling file, against a server (and a migrated
 * database) for the plugin set: bilingual descriptions, the scope structure (every object type
 * classified, every road to an area-scoped object guarded, no contained type at a root), the audit
 * trigger on every table, every audited table named to a GraphQL type, and every mutation named to
 * the audit trail. The root
 * suite runs them over every installed plugin; a plugin may call it in its own suite:
 *
 * @example
 * // plugins/<name>/test/contract.test.ts
 * import { runContractSweeps } from '@tuopin/testing';
 * runContractSweeps();
 */
export function runContractSweeps(options: ContractSweepOptions = {}): void {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({ plugins: options.plugins });
  });
  afterAll(() => server.close());

  describe('the plugin contract', () => {
    it('describes every type, field, argument and enum value in Chinese and English', () => {
      expect(undescribedSchemaElements(server.platform.schema)).toEqual([]);
    });

    it('classifies every object type and guards every road to an area-scoped object', () => {
      const { schema } = server.platform;
      expect({ unclassified: unclassifiedObjectTypes(schema), unguarded: unguardedScopedFields(schema), containedAtRoots: containedTypesAtRoots(schema) }).toEqual({
        unclassified: [],
        unguarded: [],
        containedAtRoots: [],
      });
    });

    it('records every write to every table in the audit log (tuopin_audit_table in the migration)', async () => {
      expect(await tablesWithoutAuditTrigger(server), 'tables without an audit trigger').toEqual([]);
    });

    it('shows every audited table as a GraphQL type in the audit log (auditObjectTypes)', async () => {
      expect(await auditedTablesWithoutType(server), 'audited tables whose type is not in the schema').toEqual([]);
    });

    it('names every mutation to the audit trail before it runs', async () => {
      expect(await mutationsNotNamedForAudit(server.platform.schema)).toEqual([]);
    });
  });
}
