import { buildPlatform, corePlugin, PluginConfigurationError, type TuopinBuilder, type TuopinPlugin } from '@tuopin/core';
import { describe, expect, it } from 'vitest';

/** A plugin adding one statistics block; each case declares its numbers a different way. */
function blockPlugin(fields: (t: PothosSchemaTypes.ObjectFieldBuilder<any, { n: number }>) => Record<string, any>): TuopinPlugin {
  return {
    name: 'visits',
    title: '走访 Visits (test fixture)',
    entities: [],
    migrations: [],
    registerSchema(builder: TuopinBuilder) {
      const Visits = builder.objectRef<{ n: number }>('VisitStats').implement({ description: '走访统计 Visit figures', scope: 'contained', fields: fields as never });
      builder.objectField('RegionStats', 'visits', (t) => t.field({ type: Visits, description: '走访 Visits', resolve: () => ({ n: 1 }) }));
    },
  };
}

const build = (fields: Parameters<typeof blockPlugin>[0]) => () => buildPlatform({ plugins: [corePlugin, blockPlugin(fields)] });

describe('statistic declarations', () => {
  it('are checked when the schema is built, so that a figure that cannot be protected stops the server', () => {
    const cases: [Parameters<typeof blockPlugin>[0], string][] = [
      [(t) => ({ households: t.int({ statistic: 'count', description: 'x', resolve: (v: { n: number }) => v.n }) }), 'VisitStats.households: is a statistic that partners may not see, so it must be nullable'],
      [(t) => ({ households: t.float({ nullable: true, statistic: 'count', description: 'x', resolve: (v: { n: number }) => v.n }) }), 'VisitStats.households: declares a count but is not an Int'],
      [(t) => ({ spent: t.field({ type: 'Money', nullable: true, statistic: { sum: 'visits' }, description: 'x', resolve: () => '1.00' }) }), "VisitStats.spent: names 'visits', which is not a field of VisitStats"],
      [
        (t) => ({
          budget: t.field({ type: 'Money', statistic: 'public', description: 'x', resolve: () => '1.00' }),
          spent: t.field({ type: 'Money', nullable: true, statistic: { sum: 'budget' }, description: 'x', resolve: () => '1.00' }),
        }),
        "VisitStats.spent: sums over 'budget', which is not a count",
      ],
      [
        (t) => ({
          households: t.int({ nullable: true, statistic: 'count', description: 'x', resolve: (v: { n: number }) => v.n }),
          spent: t.field({ type: 'Money', nullable: true, statistic: { sum: 'households' }, description: 'x', resolve: () => '1.00' }),
          share: t.float({ nullable: true, statistic: { ratio: ['spent', 'households'] }, description: 'x', resolve: () => 1 }),
        }),
        'VisitStats.share: divides money by a number or a number by money',
      ],
      [
        (t) => ({ share: t.float({ nullable: true, statistic: { ratio: ['a', 'b'] }, description: 'x', resolve: () => 1 }) }),
        "VisitStats.share: names 'a', which is not a field of VisitStats",
      ],
      [(t) => ({ households: t.int({ nullable: true, statistic: { groups: 'n' }, description: 'x', resolve: (v: { n: number }) => v.n }) }), 'VisitStats.households: declares groups but is not a list of objects'],
    ];
    for (const [fields, message] of cases) {
      expect(build(fields), message).toThrowError(PluginConfigurationError);
      expect(build(fields)).toThrowError(message);
    }
  });

  it('accept a well-declared block', () => {
    const platform = buildPlatform({
      plugins: [
        corePlugin,
        blockPlugin((t) => ({
          households: t.int({ nullable: true, statistic: 'count', description: 'x', resolve: (v: { n: number }) => v.n }),
          spent: t.field({ type: 'Money', nullable: true, statistic: { sum: 'households' }, description: 'x', resolve: () => '1.00' }),
          budget: t.field({ type: 'Money', statistic: 'public', description: 'x', resolve: () => '2.00' }),
          share: t.float({ nullable: true, statistic: { ratio: ['spent', 'budget'] }, description: 'x', resolve: () => 0.5 }),
        })),
      ],
    });
    expect(platform.schema.getType('VisitStats')).toBeDefined();
  });
});
