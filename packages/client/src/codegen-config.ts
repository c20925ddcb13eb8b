import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';

/** The committed SDL of the full platform (`pnpm schema` writes it): what frontends generate against. */
export const TUOPIN_SCHEMA = fileURLToPath(new URL('../../../schema/tuopin.graphql', import.meta.url));

/**
 * tuopin's custom scalars as generated TypeScript types: all strings (`Money` is a decimal string,
 * never a float, so no cent is lost). Shared with the test harness's codegen settings.
 */
export const TUOPIN_SCALARS = { Money: 'string', Date: 'string', DateTime: 'string' } as const;

export interface TuopinCodegenOptions {
  /** Globs of the files holding your `graphql(...)` operations, e.g. `['src/**\/*.ts']`. */
  documents: string | string[];
  /** Folder for the generated `graphql()` function and types, e.g. `src/gql/`. */
  output: string;
  /** The SDL to generate against; the committed `schema/tuopin.graphql` by default. */
  schema?: string;
  /** `.js` for NodeNext projects; `''` (the default) for bundlers such as Vite. */
  importExtension?: '' | '.js';
}

/**
 * graphql-codegen settings for a frontend on tuopin: the client preset over the committed SDL,
 * tuopin's scalars as strings (`Money` is a decimal string, never a float), enums as string
 * unions, and a persisted-documents manifest (`<output>/persisted-documents.json`, SHA-256 of each
 * operation → its text) that a deployment registers as trusted documents. Each generated document
 * carries its hash, which `createTuopinClient` sends instead of the text.
 *
 * ```ts
 * // codegen.ts
 * import { tuopinCodegenConfig } from '@tuopin/client/codegen';
 * export default tuopinCodegenConfig({ documents: ['src/**\/*.ts'], output: 'src/gql/' });
 * ```
 */
export function tuopinCodegenConfig(options: TuopinCodegenOptions): CodegenConfig {
  return {
    schema: options.schema ?? TUOPIN_SCHEMA,
    documents: options.documents,
    ignoreNoDocuments: true,
    generates: {
      [options.output]: {
        preset: 'client',
        presetConfig: {
          fragmentMasking: false,
          persistedDocuments: { mode: 'embedHashInDocument', hashPropertyName: 'hash', hashAlgorithm: 'sha256' },
        },
        config: {
          importExtension: options.importExtension ?? '',
          useTypeImports: true,
          enumsAsTypes: true,
          scalars: TUOPIN_SCALARS,
          // Documents as strings: the fetch client needs no graphql library in the browser.
          documentMode: 'string',
        },
      },
    },
  };
}
