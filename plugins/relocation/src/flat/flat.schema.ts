import { loadByDatabaseIds, type TuopinBuilder } from '@tuopin/core';
import { flatLoader, holderOfFlatLoader, siteLoader } from '../shared/relocation.loaders.js';
import { relocationRefs } from '../shared/relocation-refs.js';

export function registerFlatSchema(builder: TuopinBuilder): void {
  const { Flat, Site, RelocatedHousehold } = relocationRefs(builder);

  // A flat is part of its site's public notice; who holds it is registry data.
  builder.node(Flat, {
    description: '安置房 A flat of a resettlement site',
    scope: { area: (flat) => flat.areaCode },
    id: { resolve: (flat) => flat.id },
    isTypeOf: (value) => typeof value === 'object' && value !== null && 'unitNo' in value,
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => flatLoader(ctx).load(id)),
    fields: (t) => ({
      unitNo: t.exposeString('unitNo', { description: '房号 Unit number' }),
      floorArea: t.exposeString('floorArea', { description: '建筑面积（平方米，两位小数） Floor area in m², two decimals' }),
      site: t.field({ type: Site, description: '安置点 The site', resolve: async (flat, _args, ctx) => (await siteLoader(ctx).load(flat.siteId))! }),
      household: t.field({
        type: RelocatedHousehold,
        nullable: true,
        authScopes: { permission: 'core.registry.read' },
        description: '分得该房的搬迁户（未分配为空） The household it is assigned to; null while free',
        resolve: (flat, _args, ctx) => holderOfFlatLoader(ctx).load(flat.id),
      }),
    }),
  });
}
