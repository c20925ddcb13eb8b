import type { CodegenConfig } from '@graphql-codegen/cli';
import { TUOPIN_SCALARS, TUOPIN_SCHEMA } from '@tuopin/client/codegen';

export interface TestCodegenOptions {
  /** Globs of the test files holding `graphql(...)` operations. */
  documents: string | string[];
  /** Folder for the generated `graphql()` function and types, e.g. `test/generated/`. */
  output: string;
  /** The SDL to generate against; the committed `schema/tuopin.graphql` by default. */
  schema?: string;
}

/**
 * graphql-codegen settings for tests, the one place the repository's tests, each plugin's tests and
 * the plugin scaffold take them from: the client preset over the committed SDL with tuopin's
 * scalars as strings (as frontends get them from `@tuopin/client/codegen`), but documents as
 * `DocumentNode`s with `.js` imports, which `createTestServer` executes in-process and NodeNext
 * resolves. No persisted-documents manifest: tests send the text.
 *
 * ```ts
 * // codegen.ts of a plugin
 * import { testCodegenConfig } from '@tuopin/testing/codegen';
 * export default testCodegenConfig({ documents: ['test/**\/*.ts', '!test/generated/**'], output: 'test/generated/' });
 * ```
 */
export function testCodegenConfig(options: TestCodegenOptions): CodegenConfig {
  return {
    schema: options.schema ?? TUOPIN_SCHEMA,
    documents: options.documents,
    ignoreNoDocuments: true,
    generates: {
      [options.output]: {
        preset: 'client',
        presetConfig: { fragmentMasking: false },
        config: {
          importExtension: '.js',
          useTypeImports: true,
          enumsAsTypes: true,
          scalars: TUOPIN_SCALARS,
          documentMode: 'documentNode',
        },
      },
    },
  };
}
