import { encodeGlobalID } from '@pothos/plugin-relay';
import { freshHousehold, type HouseholdPayload } from '../household/household.mutations.js';

import type { TuopinBuilder, TuopinTypes } from '../kernel/builder.js';
import { defineMutation } from '../kernel/define-mutation.js';
import { RelationToHeadEnum } from './member-enums.js';
import { MemberSchema } from './member.entity.js';
import { memberInput, updateMemberFields } from './member.inputs.js';

import { addMember, changeHouseholdHead, removeMember, updateMember } from './member.service.js';

interface MemberPayload {
  memberId: number;
}

export function registerMemberMutations(builder: TuopinBuilder): void {
  const memberPayload = (description: string) => ({
    description,
    fields: (t: PothosSchemaTypes.ObjectFieldBuilder<TuopinTypes, MemberPayload>) => ({
      member: t.field({
        type: 'Member',
        description: '成员 The member',
        resolve: (p, _args, ctx) => ctx.em.findOneOrFail(MemberSchema, { id: p.memberId }, { refresh: true }),
      }),
      household: t.field({
        type: 'Household',
        description: '所属户 The member\'s household',
        resolve: async (p, _args, ctx) => {
          const member = await ctx.em.findOneOrFail(MemberSchema, { id: p.memberId });
          return freshHousehold(ctx, member.householdId);
        },
      }),
    }),
  });

  defineMutation(builder, 'addMember', {
    description: '为户添加成员（不能添加户主） Add a member to a household (never a second head)',
    input: {
      description: '添加成员 A member to add',
      argumentDescription: '输入 Input',
      fields: (t) => ({
        householdId: t.id({ required: true, description: '户全局 ID Household global ID' }),
        member: t.field({ type: memberInput(builder), required: true, description: '成员 The member' }),
      }),
    },
    ids: { householdId: 'Household' },
    resolve: async (input, ctx) => ({ memberId: await addMember(ctx, input as never) }),
    payload: memberPayload('添加成员成功 The added member'),
  });

  defineMutation(builder, 'updateMember', {
    description: '修改成员信息 Change a member',
    input: { description: '修改成员 Changes to a member', argumentDescription: '输入 Input', fields: updateMemberFields },
    ids: { id: 'Member' },
    resolve: async (input, ctx) => ({ memberId: await updateMember(ctx, input as never) }),
    payload: memberPayload('修改成员成功 The changed member'),
  });

  defineMutation(builder, 'removeMember', {
    description: '删除成员（不能删除户主） Remove a member; never the head',
    input: {
      description: '删除成员 The member to remove',
      argumentDescription: '输入 Input',
      fields: (t) => ({ id: t.id({ required: true, description: '成员全局 ID Member global ID' }) }),
    },
    ids: { id: 'Member' },
    resolve: async (input, ctx): Promise<HouseholdPayload & { removedMemberId: number }> => ({
      householdId: await removeMember(ctx, { id: input.id }),
      removedMemberId: input.id,
    }),
    payload: {
      description: '删除成员成功 The member was removed',
      fields: (t) => ({
        removedMemberId: t.id({
          description: '被删除成员的全局 ID Global ID of the removed member',
          resolve: (p) => encodeGlobalID('Member', p.removedMemberId),
        }),
        household: t.field({ type: 'Household', description: '所属户 The household', resolve: (p, _args, ctx) => freshHousehold(ctx, p.householdId) }),
      }),
    },
  });

  defineMutation(builder, 'changeHouseholdHead', {
    description: '更换户主 Make another member the head',
    input: {
      description: '更换户主 The new head, and the former head\'s new relation',
      argumentDescription: '输入 Input',
      fields: (t) => ({
        householdId: t.id({ required: true, description: '户全局 ID Household global ID' }),
        newHeadId: t.id({ required: true, description: '新户主（本户成员）的全局 ID Global ID of the member who becomes head' }),
        formerHeadRelation: t.field({ type: RelationToHeadEnum, required: true, description: '原户主与新户主的关系 The former head\'s relation to the new head' }),
      }),
    },
    ids: { householdId: 'Household', newHeadId: 'Member' },
    resolve: async (input, ctx) => ({ householdId: await changeHouseholdHead(ctx, input) }),
    payload: {
      description: '更换户主成功 The household with its new head',
      fields: (t) => ({
        household: t.field({ type: 'Household', description: '户 The household', resolve: (p, _args, ctx) => freshHousehold(ctx, p.householdId) }),
      }),
    },
  });
}
