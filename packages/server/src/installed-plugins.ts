import type { TuopinPlugin } from '@tuopin/core';
import { financePlugin } from '@tuopin/plugin-finance';

/**
 * The plugins this build ships. TUOPIN_PLUGINS picks among them; by default all are enabled.
 * The server may import plugins; core never does.
 */
export const installedPlugins: readonly TuopinPlugin[] = [financePlugin];
