import type { TuopinPlugin } from '@tuopin/core';
import { inject } from 'vitest';
import { importProjectPlugins } from './plugin-selection.js';

let loaded: Promise<TuopinPlugin[]> | undefined;

/**
 * The test project's plugin set (see `ProvidedContext.tuopinPlugins`), imported once per test
 * file. The harness names no plugin itself: the project's vitest config does.
 */
export function projectPlugins(): Promise<TuopinPlugin[]> {
  loaded ??= importProjectPlugins(inject('tuopinDatabase').plugins);
  return loaded;
}
