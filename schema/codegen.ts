import { testCodegenConfig } from '@tuopin/testing/codegen';

/**
 * Typed documents for the operations tests (and frontend teams) write with `graphql(...)`.
 * Generated from the committed full-platform SDL, so types follow `pnpm schema`.
 */
export default testCodegenConfig({
  schema: 'schema/tuopin.graphql',
  documents: ['test/**/*.ts', '!test/bench/**', '!**/node_modules/**'],
  output: 'schema/generated/',
});
