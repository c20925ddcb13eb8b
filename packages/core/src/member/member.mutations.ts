import { freshHousehold, type HouseholdPayload } from '../household/household.mutations.js';

import type { TuopinBuilder } from '../kernel/builder.js';
import { numericIdOf } from '../kernel/global-id.js';
import { mutationErrors } from '../kernel/mutation-errors.js';
import { RelationToHeadEnum } from './member-enums.js';
import { MemberSchema } from './member.entity.js';
import { memberInput, updateMemberInput } from './member.inputs.js';

import { addMember, changeHouseholdHead, removeMember, updateMember } from './member.service.js';

interface MemberPayload {
  memberId: number;
}

export function registerMemberMutations(builder: TuopinBuilder): void {
  const memberPayload = (name: string, description: string) =>
    builder.objectType(builder.objectRef<MemberPayload>(name), {
      description,
      fields: (t) => ({
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
  const AddMemberPayload = memberPayload('AddMemberPayload', '添加成员成功 The added member');
  const UpdateMemberPayload = memberPayload('UpdateMemberPayload', '修改成员成功 The changed member');

  const RemoveMemberPayload = builder.objectType(builder.objectRef<HouseholdPayload & { removedMemberId: string }>('RemoveMemberPayload'), {
    description: '删除成员成功 The member was removed',
    fields: (t) => ({
      removedMemberId: t.exposeID('removedMemberId', { description: '被删除成员的全局 ID Global ID of the removed member' }),
      household: t.field({ type: 'Household', description: '所属户 The household', resolve: (p, _args, ctx) => freshHousehold(ctx, p.householdId) }),
    }),
  });
  const ChangeHeadPayload = builder.objectType(builder.objectRef<HouseholdPayload>('ChangeHouseholdHeadPayload'), {
    description: '更换户主成功 The household with its new head',
    fields: (t) => ({
      household: t.field({ type: 'Household', description: '户 The household', resolve: (p, _args, ctx) => freshHousehold(ctx, p.householdId) }),
    }),
  });

  builder.mutationFields((t) => ({
    addMember: t.field({
      type: AddMemberPayload,
      errors: mutationErrors('addMember'),
      description: '为户添加成员（不能添加户主） Add a member to a household (never a second head)',
      args: {
        input: t.arg({
          required: true,
          description: '输入 Input',
          type: builder.inputType('AddMemberInput', {
            description: '添加成员 A member to add',
            fields: (f) => ({
              householdId: f.id({ required: true, description: '户全局 ID Household global ID' }),
              member: f.field({ type: memberInput(builder), required: true, description: '成员 The member' }),
            }),
          }),
        }),
      },
      resolve: async (_root, { input }, ctx) => ({
        memberId: await addMember(ctx, { householdId: numericIdOf(input.householdId, 'Household', 'householdId'), member: input.member as never }),
      }),
    }),
    updateMember: t.field({
      type: UpdateMemberPayload,
      errors: mutationErrors('updateMember'),
      description: '修改成员信息 Change a member',
      args: { input: t.arg({ type: updateMemberInput(builder), required: true, description: '输入 Input' }) },
      resolve: async (_root, { input }, ctx) => ({
        memberId: await updateMember(ctx, { ...(input as object), id: numericIdOf(input.id, 'Member', 'id') } as never),
      }),
    }),
    removeMember: t.field({
      type: RemoveMemberPayload,
      errors: mutationErrors('removeMember'),
      description: '删除成员（不能删除户主） Remove a member; never the head',
      args: {
        input: t.arg({
          required: true,
          description: '输入 Input',
          type: builder.inputType('RemoveMemberInput', {
            description: '删除成员 The member to remove',
            fields: (f) => ({ id: f.id({ required: true, description: '成员全局 ID Member global ID' }) }),
          }),
        }),
      },
      resolve: async (_root, { input }, ctx) => ({
        householdId: await removeMember(ctx, { id: numericIdOf(input.id, 'Member', 'id') }),
        removedMemberId: String(input.id),
      }),
    }),
    changeHouseholdHead: t.field({
      type: ChangeHeadPayload,
      errors: mutationErrors('changeHouseholdHead'),
      description: '更换户主 Make another member the head',
      args: {
        input: t.arg({
          required: true,
          description: '输入 Input',
          type: builder.inputType('ChangeHouseholdHeadInput', {
            description: '更换户主 The new head, and the former head\'s new relation',
            fields: (f) => ({
              householdId: f.id({ required: true, description: '户全局 ID Household global ID' }),
              newHeadId: f.id({ required: true, description: '新户主（本户成员）的全局 ID Global ID of the member who becomes head' }),
              formerHeadRelation: f.field({ type: RelationToHeadEnum, required: true, description: '原户主与新户主的关系 The former head\'s relation to the new head' }),
            }),
          }),
        }),
      },
      resolve: async (_root, { input }, ctx) => ({
        householdId: await changeHouseholdHead(ctx, {
          householdId: numericIdOf(input.householdId, 'Household', 'householdId'),
          newHeadId: numericIdOf(input.newHeadId, 'Member', 'newHeadId'),
          formerHeadRelation: input.formerHeadRelation,
        }),
      }),
    }),
  }));
}
