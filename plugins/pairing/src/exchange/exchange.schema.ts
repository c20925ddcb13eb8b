import { loadByDatabaseIds, registerEnum, type TuopinBuilder } from '@tuopin/core';
import { pairingLoader } from '../pairing/pairing.loaders.js';
import { hasProperties } from '../shared/node-ids.js';
import { EXCHANGE_CATEGORIES, EXCHANGE_DIRECTIONS, ExchangeCategoryEnum, ExchangeDirectionEnum } from '../shared/pairing-enums.js';
import { pairingRowLoader, recordedOnPairing, rowsByPairingLoader } from '../shared/pairing-rows.js';
import { pairingRefs } from '../shared/pairing-refs.js';
import { PairingExchangeSchema } from './exchange.entity.js';

export const exchangeLoader = pairingRowLoader(PairingExchangeSchema);
const exchangesByPairingLoader = rowsByPairingLoader(PairingExchangeSchema);

export function registerExchangeSchema(builder: TuopinBuilder): void {
  const { Pairing, PairingExchange } = pairingRefs(builder);
  registerEnum(builder, ExchangeDirectionEnum, 'PairingDirection', '交流方向 Direction of an exchange or visit', EXCHANGE_DIRECTIONS);
  registerEnum(builder, ExchangeCategoryEnum, 'PairingExchangeCategory', '交流人员类别 Category of a person exchanged', EXCHANGE_CATEGORIES);

  builder.node(PairingExchange, {
    description: '人才交流：一方派往另一方的一名人员 A person exchanged: sent by one side to the other',
    scope: recordedOnPairing,
    // People: never for partners, who hold no registry permission.
    authScopes: { permission: 'core.registry.read' },
    id: { resolve: (x) => x.id },
    isTypeOf: (value) => hasProperties(value, 'personName', 'hostInstitution'),
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => exchangeLoader(ctx).load(id)),
    fields: (t) => ({
      pairing: t.field({ type: Pairing, description: '结对关系 The pairing', resolve: async (x, _args, ctx) => (await pairingLoader(ctx).load(x.pairingId))! }),
      direction: t.field({ type: ExchangeDirectionEnum, resolve: (x) => x.direction as never, description: '方向 Direction' }),
      category: t.field({ type: ExchangeCategoryEnum, resolve: (x) => x.category as never, description: '类别 Category' }),
      personName: t.exposeString('personName', { description: '姓名 Name' }),
      hostInstitution: t.exposeString('hostInstitution', { description: '接收单位（学校、医院、机关） Host institution' }),
      startDate: t.field({ type: 'Date', resolve: (x) => x.startDate, description: '开始日期 Start' }),
      endDate: t.field({ type: 'Date', nullable: true, resolve: (x) => x.endDate ?? null, description: '结束日期 End' }),
      subjects: t.stringList({ resolve: (x) => x.subjects, description: '科目、专业 Subjects' }),
    }),
  });

  builder.objectField(Pairing, 'exchanges', (t) =>
    t.field({
      type: [PairingExchange],
      authScopes: { permission: 'core.registry.read' },
      description: '人才交流（双向） People exchanged, both ways',
      resolve: (pairing, _args, ctx) => exchangesByPairingLoader(ctx).load(pairing.id),
    }),
  );
}
