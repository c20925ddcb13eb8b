import { householdLoader } from '../household/household.loaders.js';
import type { TuopinBuilder } from '../kernel/builder.js';
import { loadByDatabaseIds } from '../kernel/global-id.js';
import { cadreLoader } from '../work-team/work-team.loaders.js';
import { pairingLoader, visitsByPairingLoader } from './helper-pairing.loaders.js';

/** Helpers paired with households (结对帮扶) and their visits. */
export function registerHelperPairingSchema(builder: TuopinBuilder): void {
  builder.objectType('HelperVisit', {
    description: '走访 A helper\'s visit to the household',
    scope: 'contained',
    fields: (t) => ({
      visitedOn: t.field({ type: 'Date', resolve: (v) => v.visitedOn, description: '走访日 Day of the visit' }),
      note: t.exposeString('note', { description: '走访记录 What was found and done' }),
    }),
  });

  builder.node('HelperPairing', {
    description: '结对帮扶 A cadre paired with a registered household as its helper (帮扶责任人)',
    scope: { area: (p) => p.villageCode },
    authScopes: { permission: 'core.registry.read' },
    id: { resolve: (p) => p.id },
    isTypeOf: (value) => typeof value === 'object' && value !== null && 'cadreId' in value && 'householdId' in value,
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => pairingLoader(ctx).load(id)),
    fields: (t) => ({
      cadre: t.field({ type: 'Cadre', description: '帮扶责任人 The helper', resolve: async (p, _args, ctx) => (await cadreLoader(ctx).load(p.cadreId))! }),
      household: t.field({ type: 'Household', description: '结对户 The household', resolve: async (p, _args, ctx) => (await householdLoader(ctx).load(p.householdId))! }),
      startsOn: t.field({ type: 'Date', resolve: (p) => p.startsOn, description: '结对开始 First day' }),
      endedOn: t.field({ type: 'Date', nullable: true, resolve: (p) => p.endedOn, description: '结对结束（进行中为空） Last day; null while it lasts' }),
      visits: t.field({ type: ['HelperVisit'], description: '走访记录 Visits', resolve: (p, _args, ctx) => visitsByPairingLoader(ctx).load(p.id) }),
    }),
  });
}
