import { testCodegenConfig } from '@tuopin/testing/codegen';

/**
 * Typed documents for this plugin's tests (`graphql(...)` from `test/generated/index.js`), from
 * the deployment's committed SDL (`pnpm schema` writes it with this plugin's types).
 */
export default testCodegenConfig({
  schema: '../../schema/tuopin.graphql',
  documents: ['test/**/*.ts', 'src/**/*.test.ts', '!test/generated/**'],
  output: 'test/generated/',
});
