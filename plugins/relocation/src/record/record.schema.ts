import { checkDivisionCode, householdLoader, loadByDatabaseIds, perBuilder, type TuopinBuilder } from '@tuopin/core';
import type { RelocationRecord } from './record.entity.js';
import { recordLoader } from './record.loaders.js';
import { recordConnection } from './record.queries.js';

/** The plugin's refs, one set per builder (a ref belongs to the builder that implemented it). */
export const recordRefs = perBuilder((builder: TuopinBuilder) => ({ Record: builder.objectRef<RelocationRecord>('RelocationRecord') }));

export function registerRecordSchema(builder: TuopinBuilder): void {
  const { Record } = recordRefs(builder);

  // An area-scoped type is a Relay node: the kernel checks every record against the caller's
  // areas however it is reached, and `node(id:)` loads it through the scoped loader.
  builder.node(Record, {
    description: '示例记录 A relocation record about a household',
    scope: { area: (record) => record.villageCode },
    authScopes: { permission: 'core.registry.read' },
    id: { resolve: (record) => record.id },
    isTypeOf: (value) => typeof value === 'object' && value !== null && 'householdId' in value && 'note' in value,
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => recordLoader(ctx).load(id)),
    fields: (t) => ({
      note: t.exposeString('note', { description: '内容 Note' }),
      villageCode: t.exposeString('villageCode', { description: '村代码 12-digit code of the household\'s village' }),
      household: t.field({
        type: 'Household',
        description: '户 The household',
        resolve: async (record, _args, ctx) => (await householdLoader(ctx).load(record.householdId))!,
      }),
    }),
  });

  const RecordConnection = builder.connectionObject({ type: Record, name: 'RelocationRecordConnection', description: '示例记录分页列表 A page of relocation records' });

  builder.queryField('relocationRecords', (t) =>
    t.connection(
      {
        type: Record,
        authScopes: { permission: 'core.registry.read' },
        description: '示例记录，按村代码排序 relocation records in an area and everything under it, ordered by village',
        args: { regionCode: t.arg.string({ description: '区划代码（含下级） Division code; the area and everything under it' }) },
        resolve: (_root, args, ctx) => recordConnection(ctx, { regionCode: args.regionCode == null ? null : checkDivisionCode(args.regionCode, 'regionCode') }, args),
      },
      RecordConnection,
    ),
  );

  builder.objectField('Household', 'relocationRecords', (t) =>
    t.connection(
      {
        type: Record,
        description: '该户的示例记录 The household\'s relocation records',
        resolve: (household, args, ctx) => recordConnection(ctx, { regionCode: household.villageCode, householdId: household.id }, args),
      },
      RecordConnection,
    ),
  );
}
