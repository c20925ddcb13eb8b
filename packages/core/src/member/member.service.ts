import type { EntityManager } from '@mikro-orm/postgresql';
import { HouseholdSchema } from '../household/household.entity.js';
import { householdLoader } from '../household/household.loaders.js';
import { assertCanEnterIdNumbers, MAX_MEMBERS, throwIfAnyRegistered } from '../household/household.service.js';
import { notFound } from '../kernel/access.js';
import { assertCanWriteVillage } from '../access/registry-access.js';
import { assertCanUsePersonalData } from '../kernel/personal-data.js';
import type { TuopinContext } from '../kernel/context.js';
import { IssueCollector, RuleViolationError } from '../kernel/errors.js';
import { inTransaction } from '../kernel/transaction.js';
import type { RelationToHead } from './member-enums.js';
import { MemberSchema, type Member } from './member.entity.js';
import { memberLoader } from './member.loaders.js';
import { memberDetails, memberRow, MEMBER_CONSTRAINT_ERRORS } from './member.rows.js';
import { checkMemberFields, type MemberFields } from './member.validation.js';

const headRuleZh = '户主须通过“更换户主”操作变更';
const headRuleEn = 'The head is changed with changeHouseholdHead';

/**
 * Locks the household row for the rest of the transaction. Every change to a household's
 * members takes this lock first, so the head rules and the member count are checked and
 * changed by one writer at a time.
 */
async function lockHousehold(em: EntityManager, householdId: number): Promise<void> {
  await em.execute('select id from household where id = ? for update', [householdId]);
}

async function adjustMemberCount(em: EntityManager, householdId: number, delta: number): Promise<void> {
  // Atomic in SQL: never read-modify-write a count in JavaScript.
  await em.execute('update household set member_count = member_count + ?, updated_at = now() where id = ?', [delta, householdId]);
}

async function loadWritableMember(ctx: TuopinContext, id: number): Promise<Member> {
  const member = await memberLoader(ctx).load(id);
  if (!member) throw notFound('id', '成员', 'Member');
  assertCanWriteVillage(ctx, member.villageCode, 'id');
  return member;
}

/** Adds a member to a household. The head is never added this way: a household has one already. */
export async function addMember(ctx: TuopinContext, input: { householdId: number; member: MemberFields }): Promise<number> {
  assertCanEnterIdNumbers(ctx, 'member.idNumber');
  const household = await householdLoader(ctx).load(input.householdId);
  if (!household) throw notFound('householdId', '户', 'Household');
  assertCanWriteVillage(ctx, household.villageCode, 'householdId');
  const issues = new IssueCollector();
  const identity = checkMemberFields(issues, 'member.', input.member);
  issues.throwIfAny();
  if (input.member.relationToHead === 'HEAD') {
    throw new RuleViolationError('member.relationToHead', `该户已有户主；${headRuleZh}`, `This household already has a head. ${headRuleEn}`);
  }
  await throwIfAnyRegistered(ctx.em, [identity!.idNumber], () => 'member.idNumber');

  return inTransaction(ctx, MEMBER_CONSTRAINT_ERRORS, async (em) => {
    // Counted under the household's lock, so two clerks adding the last member at once cannot both land.
    const [{ member_count }] = await em.execute<{ member_count: number }[]>('select member_count from household where id = ? for update', [household.id]);
    if (member_count >= MAX_MEMBERS) {
      throw new RuleViolationError('householdId', `每户最多${MAX_MEMBERS}名成员`, `At most ${MAX_MEMBERS} members per household`);
    }
    const member = em.create(MemberSchema, memberRow(household, input.member, identity!));
    await em.flush();
    await adjustMemberCount(em, household.id, 1);
    return member.id;
  });
}

export type MemberPatch = { id: number } & { [K in keyof MemberFields]?: MemberFields[K] | null };

/** Changes a member's fields. A new ID number is checked, and birth date and sex re-derived from it. */
export async function updateMember(ctx: TuopinContext, patch: MemberPatch): Promise<number> {
  if (patch.idNumber != null) assertCanEnterIdNumbers(ctx, 'idNumber');
  // The audit record lists a field only when it changed: setting a masked role's guess would tell
  // it whether the hidden health entry or disability grade was that value.
  for (const field of ['health', 'disabilityGrade'] as const) {
    if (patch[field] !== undefined) assertCanUsePersonalData(ctx, field, '已登记的健康信息', 'the recorded health details');
  }
  const current = await loadWritableMember(ctx, patch.id);
  // A birth date sent without a new ID number is checked against the stored one: accepted or
  // refused, the answer would tell a masked caller the hidden digits.
  if (patch.birthDate != null && patch.idNumber == null) assertCanUsePersonalData(ctx, 'birthDate', '已登记的身份证号', 'the registered ID number');
  if (patch.relationToHead != null && patch.relationToHead !== current.relationToHead && (patch.relationToHead === 'HEAD' || current.relationToHead === 'HEAD')) {
    throw new RuleViolationError('relationToHead', headRuleZh, headRuleEn);
  }
  const merged: MemberFields = {
    ...current,
    ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)),
    name: patch.name ?? current.name,
    idNumber: patch.idNumber ?? current.idNumber,
    relationToHead: patch.relationToHead ?? current.relationToHead,
    // A new ID number brings its own birth date and sex; only check what the client sent.
    sex: patch.sex ?? (patch.idNumber ? null : current.sex),
    birthDate: patch.birthDate ?? (patch.idNumber ? null : current.birthDate),
  } as MemberFields;
  const issues = new IssueCollector();
  const identity = checkMemberFields(issues, '', merged);
  issues.throwIfAny();
  if (identity!.idNumber !== current.idNumber) await throwIfAnyRegistered(ctx.em, [identity!.idNumber], () => 'idNumber');

  await inTransaction(ctx, MEMBER_CONSTRAINT_ERRORS, async (em) => {
    await lockHousehold(em, current.householdId);
    const changed = await em.nativeUpdate(
      MemberSchema,
      // The relation is re-checked under the lock: the head may have changed since we read it.
      { id: current.id, relationToHead: current.relationToHead },
      { ...memberDetails(merged), name: merged.name.trim(), relationToHead: merged.relationToHead, ...identity!, updatedAt: new Date() },
    );
    if (changed !== 1) throw new RuleViolationError('relationToHead', '成员信息已被他人修改，请刷新后重试', 'The member was changed meanwhile; reload and try again');
  });
  return current.id;
}

/** Removes a member (death, marriage out, move). The head is never removed: change the head first. */
export async function removeMember(ctx: TuopinContext, input: { id: number }): Promise<number> {
  const member = await loadWritableMember(ctx, input.id);
  const headError = () => new RuleViolationError('id', `不能删除户主；请先更换户主`, 'The head cannot be removed; change the head first');
  if (member.relationToHead === 'HEAD') throw headError();
  return inTransaction(ctx, MEMBER_CONSTRAINT_ERRORS, async (em) => {
    await lockHousehold(em, member.householdId);
    const deleted = await em.nativeDelete(MemberSchema, { id: member.id, relationToHead: { $ne: 'HEAD' } });
    if (deleted !== 1) throw headError();
    await adjustMemberCount(em, member.householdId, -1);
    return member.householdId;
  });
}

/** Makes another member the head; the former head takes the relation given. */
export async function changeHouseholdHead(
  ctx: TuopinContext,
  input: { householdId: number; newHeadId: number; formerHeadRelation: RelationToHead },
): Promise<number> {
  const household = await householdLoader(ctx).load(input.householdId);
  if (!household) throw notFound('householdId', '户', 'Household');
  assertCanWriteVillage(ctx, household.villageCode, 'householdId');
  if (input.formerHeadRelation === 'HEAD') {
    throw new RuleViolationError('formerHeadRelation', '原户主的新关系不能是户主', 'The former head needs a relation other than HEAD');
  }
  return inTransaction(ctx, MEMBER_CONSTRAINT_ERRORS, async (em) => {
    await lockHousehold(em, household.id);
    const newHead = await em.findOne(MemberSchema, { id: input.newHeadId, householdId: household.id }, { refresh: true });
    if (!newHead) throw notFound('newHeadId', '该户成员', 'Member of this household');
    if (newHead.relationToHead === 'HEAD') throw new RuleViolationError('newHeadId', '该成员已是户主', 'This member is already the head');
    // Demote first: the partial unique index allows one head at any moment.
    await em.nativeUpdate(MemberSchema, { householdId: household.id, relationToHead: 'HEAD' }, { relationToHead: input.formerHeadRelation, updatedAt: new Date() });
    await em.nativeUpdate(MemberSchema, { id: newHead.id }, { relationToHead: 'HEAD', updatedAt: new Date() });
    await em.nativeUpdate(HouseholdSchema, { id: household.id }, { updatedAt: new Date() });
    return household.id;
  });
}
