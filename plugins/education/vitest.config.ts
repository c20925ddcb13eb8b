import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * The education plugin's tests, alone (`pnpm --filter @tuopin/plugin-education test`) or as one
 * project of the root `pnpm test`, on a database with core and exactly this plugin's set.
 */
export default defineConfig({
  resolve: {
    // One copy of graphql (the CommonJS build Node loads), as in the root config.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    name: 'plugin-education',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['@tuopin/testing/global-setup'],
    provide: { tuopinPlugins: ['@tuopin/plugin-education'] },
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
