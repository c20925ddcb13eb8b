import type { TuopinPlugin } from '@tuopin/core';
import { importPlugins, importPluginSet } from '@tuopin/server';
import type { ProvidedDatabase } from './provided.js';

/** Imports a project's plugin set as its selection describes it (see `ProvidedDatabase.plugins`). */
export function importProjectPlugins({ packages, from, withDependencies }: ProvidedDatabase['plugins']): Promise<TuopinPlugin[]> {
  return withDependencies ? importPluginSet(packages, from) : importPlugins(packages, from);
}
