import { defineMutation, ForbiddenError, hasPermission, householdLoader, inTransaction, isWithinScope, notFound, ValidationError, type TuopinBuilder } from '@tuopin/core';
import { RELOCATION_PERMISSIONS } from '../access/relocation-access.js';
import { RelocationRecordSchema } from './record.entity.js';
import { recordLoader } from './record.loaders.js';
import { recordRefs } from './record.schema.js';

export function registerRecordMutations(builder: TuopinBuilder): void {
  const { Record } = recordRefs(builder);

  defineMutation(builder, 'addRelocationRecord', {
    description: '添加示例记录 Add a relocation record to a household',
    input: {
      description: '示例记录 A relocation record to add',
      argumentDescription: '示例记录 The record',
      fields: (t) => ({
        householdId: t.id({ required: true, description: '户全局 ID Household global ID' }),
        note: t.string({ required: true, description: '内容（不能为空） Note; not empty' }),
      }),
    },
    ids: { householdId: 'Household' },
    resolve: async (input, ctx) => {
      // Writes are scoped like reads: the caller's permission and areas, checked before anything is written.
      if (!hasPermission(ctx.principal, RELOCATION_PERMISSIONS.manageRecords)) {
        throw new ForbiddenError('householdId', '您的角色不能登记示例记录', 'Your role may not add relocation records');
      }
      if (input.note.trim() === '') throw ValidationError.of('note', '内容不能为空', 'The note cannot be empty');
      const household = await householdLoader(ctx).load(input.householdId);
      if (!household) throw notFound('householdId', '户', 'Household');
      if (!isWithinScope(household.villageCode, ctx.principal.areaScopes)) {
        throw new ForbiddenError('householdId', '该户不在您的管辖范围内', 'This household is outside your area scope');
      }
      return inTransaction(ctx, {}, async (em) => {
        const record = em.create(RelocationRecordSchema, { householdId: household.id, villageCode: household.villageCode, note: input.note });
        await em.flush();
        return { recordId: record.id };
      });
    },
    payload: {
      description: '示例记录已添加 The record added',
      fields: (t) => ({
        record: t.field({ type: Record, description: '示例记录 The record', resolve: async (p, _args, ctx) => (await recordLoader(ctx).load(p.recordId))! }),
      }),
    },
  });
}
