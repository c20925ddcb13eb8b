import type { GraphQLSchema } from 'graphql';
import { tableNameOf } from './define-plugin.js';
import type { TuopinPlugin } from './plugin.js';

/**
 * How the audit log names objects. Triggers know tables (`member`, `finance_loan`); clients know
 * GraphQL types (`Member`, `Loan`) and filter by them. The log stores what the writer knows — a
 * table name for rows written by triggers, a type name for reads of personal data and for an
 * auditor's queries (`Query`) — and this vocabulary, built once per plugin set from core's and
 * each plugin's declarations, is the one place that maps one to the other. It also says which
 * stored names a plugin set accounts for, so a province without a plugin never sees its records.
 */
export class AuditVocabulary {
  private readonly typeByStored = new Map<string, string>();
  private readonly storedByType = new Map<string, string[]>();

  constructor(tableTypes: ReadonlyMap<string, string>) {
    for (const [table, type] of tableTypes) this.add(table, type);
    // Records that name a type directly: reads of personal data, and an auditor's queries.
    for (const type of new Set([...tableTypes.values(), 'Query'])) this.add(type, type);
  }

  private add(stored: string, type: string): void {
    this.typeByStored.set(stored, type);
    this.storedByType.set(type, [...(this.storedByType.get(type) ?? []), stored]);
  }

  /** The GraphQL type name shown for a stored object type. */
  typeOf(stored: string): string {
    return this.typeByStored.get(stored) ?? stored;
  }

  /** Every stored spelling of a type name (its tables, and the name itself); empty for a type this plugin set does not have. */
  spellingsOf(typeName: string): readonly string[] {
    return this.storedByType.get(typeName) ?? [];
  }

  /** Every stored object type this plugin set accounts for: records of anything else are not shown. */
  get stored(): string[] {
    return [...this.typeByStored.keys()];
  }

  /** The type names, for error messages and checks. */
  get types(): string[] {
    return [...this.storedByType.keys()];
  }
}

/**
 * The vocabulary of a plugin set (core's included): each plugin's `auditObjectTypes`; a table
 * left out is shown under its entity's name.
 */
export function buildAuditVocabulary(plugins: readonly TuopinPlugin[]): AuditVocabulary {
  const tableTypes = new Map<string, string>();
  for (const plugin of plugins) {
    for (const entity of plugin.entities) tableTypes.set(tableNameOf(entity), entity.meta.className);
    for (const [table, type] of Object.entries(plugin.auditObjectTypes ?? {})) tableTypes.set(table, type);
  }
  return new AuditVocabulary(tableTypes);
}

const EXTENSION = 'tuopinAuditVocabulary';

/** The schema extension that carries a platform's vocabulary (see `buildPlatform`). */
export function auditVocabularyExtension(vocabulary: AuditVocabulary): Record<string, unknown> {
  return { [EXTENSION]: vocabulary };
}

/**
 * The audit vocabulary of the schema a request runs against: each province's schema is built for
 * its plugin set, so this is what the caller's province has enabled.
 */
export function auditVocabularyOf(schema: GraphQLSchema): AuditVocabulary {
  const vocabulary = schema.extensions[EXTENSION];
  if (!(vocabulary instanceof AuditVocabulary)) throw new Error('schema was not built by buildPlatform: no audit vocabulary');
  return vocabulary;
}
