import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for this plugin's tests (`graphql(...)` from `test/generated/index.js`), from
 * the deployment's committed SDL (`pnpm schema` writes it with this plugin's types).
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
