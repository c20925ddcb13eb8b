import type { TuopinPlugin } from '@tuopin/core';

/**
 * The plugins this build ships. TUOPIN_PLUGINS picks among them; by default all are enabled.
 * The server may import plugins; core never does.
 */
export const installedPlugins: readonly TuopinPlugin[] = [];
