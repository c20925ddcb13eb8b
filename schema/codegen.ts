import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the operations tests (and frontend teams) write with `graphql(...)`.
 * Generated from the committed full-platform SDL, so types follow `pnpm schema`.
 */
const config: CodegenConfig = {
  schema: 'schema/tuopin.graphql',
  documents: ['test/**/*.ts', '!test/bench/**', '!**/node_modules/**'],
  ignoreNoDocuments: true,
  generates: {
    'schema/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        importExtension: '.js',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Money: 'string', Date: 'string', DateTime: 'string' },
        documentMode: 'documentNode',
      },
    },
  },
};

export default config;
