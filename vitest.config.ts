import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * `pnpm test` runs every test once: the root project (core, server, the harness and the
 * cross-package tests under test/, against every installed plugin) and each plugin's own project
 * (plugins/<name>/vitest.config.ts, against core and that plugin with its dependencies), which
 * `pnpm --filter <plugin> test` also runs alone.
 */
export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS (main) and ESM (module). Node, and so graphql-yoga, loads the
    // CommonJS build; Vite would give our sources the ESM one, and two copies of GraphQLError
    // break `instanceof` between them. Point everything at the build Node uses.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'tuopin',
          include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
          // The bench's own unit tests (its targets' arithmetic) run; its work directory (a seeded
          // cluster, logs, profiles) is never searched.
          exclude: ['**/node_modules/**', 'test/bench/.work/**'],
          // One embedded PostgreSQL for the project and a template migrated for every installed
          // plugin (the root package.json's `tuopin.plugins`); each file clones it.
          globalSetup: ['packages/testing/src/global-setup.ts'],
        },
      },
      'plugins/*/vitest.config.ts',
    ],
  },
});
