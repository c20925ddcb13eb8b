import type { TuopinPlugin } from '@tuopin/core';
import { importPlugins } from '@tuopin/server';
import { inject } from 'vitest';

let loaded: Promise<TuopinPlugin[]> | undefined;

/**
 * The test project's plugin set (see `ProvidedContext.tuopinPlugins`), imported once per test
 * file. The harness names no plugin itself: the project's vitest config does.
 */
export function projectPlugins(): Promise<TuopinPlugin[]> {
  const { plugins } = inject('tuopinDatabase');
  loaded ??= importPlugins(plugins.packages, plugins.from);
  return loaded;
}
