import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for this plugin's tests (`graphql(...)` from `test/generated/index.js`),
 * generated before they run (`pnpm codegen`, part of `pnpm test`). The schema is the committed
 * SDL of the deployment (core and every installed plugin; `pnpm schema` writes it), of which this
 * plugin's part is what its documents select.
 */
const config: CodegenConfig = {
  schema: '../../schema/tuopin.graphql',
  documents: ['test/**/*.ts', 'src/**/*.test.ts', '!test/generated/**'],
  ignoreNoDocuments: true,
  generates: {
    'test/generated/': {
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
