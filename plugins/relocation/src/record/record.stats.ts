import { loaderFields, type TuopinBuilder } from '@tuopin/core';
import { recordStatsLoader } from './record.loaders.js';

/** The plugin's statistic on core's RegionStats: a count, protected by the kernel for partners. */
export function registerRecordStats(builder: TuopinBuilder): void {
  builder.objectFields('RegionStats', (t) => {
    const figures = loaderFields(t, { loader: recordStatsLoader, key: (area) => area.code });
    return {
      relocationRecords: figures.count('示例记录数', 'relocation records in the area', (f) => f.records),
    };
  });
}
