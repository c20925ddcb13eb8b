import { testCodegenConfig } from '@tuopin/testing/codegen';

/**
 * Typed documents for this plugin's tests (`graphql(...)` from `test/generated/index.js`),
 * generated before they run (`pnpm codegen`, part of `pnpm test`). The schema is the committed
 * SDL of the deployment (core and every installed plugin; `pnpm schema` writes it), of which this
 * plugin's part is what its documents select.
 */
export default testCodegenConfig({
  schema: '../../schema/tuopin.graphql',
  documents: ['test/**/*.ts', 'src/**/*.test.ts', '!test/generated/**'],
  output: 'test/generated/',
});
