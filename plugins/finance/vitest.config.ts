import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * The finance plugin's tests, alone (`pnpm --filter @tuopin/plugin-finance test`) or as one
 * project of the root `pnpm test`. The harness gives them a database with core and exactly the
 * plugins named here: this plugin and the plugins it depends on.
 */
export default defineConfig({
  resolve: {
    // One copy of graphql (the CommonJS build Node loads), as in the root config.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    name: 'plugin-finance',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['@tuopin/testing/global-setup'],
    provide: { tuopinPlugins: ['@tuopin/plugin-finance'] },
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
