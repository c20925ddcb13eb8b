import type { EntityManager } from '@mikro-orm/postgresql';
import { requireGroupOfVillage, requireVillage } from '../area/area.lookup.js';
import { notFound } from '../kernel/access.js';
import { assertCanWriteVillage } from '../access/registry-access.js';
import type { TuopinContext } from '../kernel/context.js';
import { assertCanUsePersonalData } from '../kernel/personal-data.js';
import { IssueCollector, RuleViolationError } from '../kernel/errors.js';
import { inTransaction } from '../kernel/transaction.js';
import { inOneStatement } from '../kernel/one-statement-write.js';
import { checkMemberFields, type CheckedIdentity, type MemberFields } from '../member/member.validation.js';
import { findRegisteredIdNumbers, memberDetailsWithIdentity, MEMBER_CONSTRAINT_ERRORS } from '../member/member.rows.js';
import { HouseholdSchema, type Household } from './household.entity.js';
import { householdLoader } from './household.loaders.js';
import { duplicateHouseholdNo, throwIfRegistered } from './registration-checks.js';
import { insertRegistration, type CheckedRegistration, type RegisteredRows } from './registration-statement.js';
import { checkHouseholdState, type HouseholdState } from './household.validation.js';
import { applyHouseholdPatch, stateFromRegistration, type HouseholdFieldsInput, type HouseholdPatch } from './household.input.js';

export interface RegisterHouseholdInput extends HouseholdFieldsInput {
  members: MemberFields[];
}

/** Households have a handful of members; a roll with dozens is a data-entry mistake (registration and addMember both hold it). */
export const MAX_MEMBERS = 30;

/** The unique constraints a registration may meet, as the typed errors its checks give. */
export const HOUSEHOLD_CONSTRAINT_ERRORS = {
  household_household_no_unique: duplicateHouseholdNo,
  ...MEMBER_CONSTRAINT_ERRORS,
};

/** Checks a whole registration and returns each member's identity derived from the ID number. */
function checkRegistration(state: HouseholdState, members: MemberFields[]): CheckedIdentity[] {
  const issues = new IssueCollector();
  checkHouseholdState(issues, state);
  if (members.length === 0) issues.add('members', '至少登记一名成员（户主）', 'Register at least one member, the head');
  if (members.length > MAX_MEMBERS) issues.add('members', `每户最多${MAX_MEMBERS}名成员`, `At most ${MAX_MEMBERS} members per household`);
  const identities = members.map((member, i) => checkMemberFields(issues, `members[${i}].`, member));
  const heads = members.flatMap((member, i) => (member.relationToHead === 'HEAD' ? [i] : []));
  if (members.length > 0 && heads.length === 0) {
    issues.add('members', '必须指定一名户主', 'Exactly one member must be the head (relationToHead: HEAD)');
  }
  for (const i of heads.slice(1)) {
    issues.add(`members[${i}].relationToHead`, '一户只能有一名户主', 'A household has exactly one head');
  }
  const seen = new Map<string, number>();
  identities.forEach((identity, i) => {
    if (!identity) return;
    if (seen.has(identity.idNumber)) {
      issues.add(`members[${i}].idNumber`, `与第${seen.get(identity.idNumber)! + 1}名成员身份证号重复`, `Same ID number as member ${seen.get(identity.idNumber)! + 1}`);
    }
    seen.set(identity.idNumber, i);
  });
  issues.throwIfAny();
  return identities as CheckedIdentity[];
}

/**
 * Registers a household with its members, in one statement (`insertRegistration`); nothing is
 * written on any error. Returns the rows as stored.
 */
export async function registerHousehold(ctx: TuopinContext, input: RegisterHouseholdInput): Promise<RegisteredRows> {
  const registration = prepareHouseholdRegistration(ctx, input);
  return inOneStatement(ctx, HOUSEHOLD_CONSTRAINT_ERRORS, () => insertRegistration(ctx, registration));
}

/**
 * Checks a registration as `registerHousehold` does, as far as that needs no database, and
 * returns the rows to write, for a workflow step that registers a household inside its own
 * transaction (identification's approval) with `insertRegistration`. Run that transaction under
 * `HOUSEHOLD_CONSTRAINT_ERRORS`, so that a race on a unique number answers the same.
 */
export function prepareHouseholdRegistration(ctx: TuopinContext, input: RegisterHouseholdInput): CheckedRegistration {
  // ID numbers are unique in the country: "already registered" would tell a caller who sees them
  // masked which of a masked number's candidates is real. Refused first, whatever the input.
  assertCanEnterIdNumbers(ctx, 'members[0].idNumber');
  const state = stateFromRegistration(input);
  const identities = checkRegistration(state, input.members);
  assertCanWriteVillage(ctx, state.villageCode, 'villageCode');
  return {
    villageCode: state.villageCode,
    groupId: state.groupId,
    householdNo: state.householdNo,
    idNumbers: identities.map((identity) => identity.idNumber),
    household: { ...householdColumns(state), memberCount: input.members.length },
    members: input.members.map((member, i) => memberDetailsWithIdentity(member, identities[i])),
  };
}

export interface UpdateHouseholdInput extends HouseholdPatch {
  id: number;
}

/**
 * Changes a household's own fields. Moving it to another village moves every row that belongs to
 * it — its members and any plugin's rows keyed to it — in the same transaction: a database
 * trigger does it (migration core_20261205000000_household_area_follows), so no plugin can forget.
 */
export async function updateHousehold(ctx: TuopinContext, input: UpdateHouseholdInput): Promise<number> {
  // The audit record of the change lists the bank account only when it differs from the stored
  // one: a caller who sees it masked could test guesses against it. Refused before any lookup.
  if (input.bankAccount != null) assertCanUsePersonalData(ctx, 'bankAccount', '已登记的银行账号', 'the registered bank account');
  const current = await householdLoader(ctx).load(input.id);
  if (!current) throw notFound('id', '户', 'Household');
  assertCanWriteVillage(ctx, current.villageCode, 'id');
  assertStatusUnchanged(current, input);

  const next = applyHouseholdPatch(current, input);
  const issues = new IssueCollector();
  checkHouseholdState(issues, next);
  issues.throwIfAny();

  const moved = next.villageCode !== current.villageCode;
  if (moved) {
    assertCanWriteVillage(ctx, next.villageCode, 'villageCode');
    await requireVillage(ctx.em, next.villageCode, 'villageCode');
  }
  if (next.groupId !== null && (moved || next.groupId !== current.groupId)) {
    await requireGroupOfVillage(ctx.em, next.groupId, next.villageCode, 'groupId');
  }
  if (next.householdNo !== current.householdNo && (await ctx.em.count(HouseholdSchema, { householdNo: next.householdNo }))) {
    throw duplicateHouseholdNo();
  }

  await inTransaction(ctx, HOUSEHOLD_CONSTRAINT_ERRORS, async (em) => {
    await em.nativeUpdate(HouseholdSchema, { id: current.id }, { ...householdColumns(next), updatedAt: new Date() });
  });
  return current.id;
}

/**
 * A household's status and exit year change only through its workflows — identification makes it
 * poor, exit removes it (销号), a return to poverty brings it back — each step taken by the level
 * the rules name and audited. An update that sends the value the household already has is fine.
 */
function assertStatusUnchanged(current: Household, patch: HouseholdPatch): void {
  if (patch.status != null && patch.status !== current.status) {
    throw new RuleViolationError(
      'status',
      '户状态只能通过识别、退出或返贫流程改变，不能直接修改',
      'A household\'s status changes only through its workflows (identification, exit, return to poverty), never by an update',
    );
  }
  if (patch.exitYear !== undefined && patch.exitYear !== (current.exitYear ?? null)) {
    throw new RuleViolationError('exitYear', '脱贫年度由退出流程记录，不能直接修改', 'The exit year is recorded by the exit workflow, never by an update');
  }
}

/**
 * Refuses roles that see ID numbers masked before anything is looked up: every ID number entered
 * is checked against the whole registry (and a changed one shows in the audit record), so either
 * answer would read the masked digits back to the caller. Officers, who see them, enter them.
 */
export function assertCanEnterIdNumbers(ctx: TuopinContext, field: string): void {
  assertCanUsePersonalData(ctx, field, '身份证号是否已在全国登记', 'whether the ID number is already registered in the country');
}

/** Refuses ID numbers already registered in any household, naming the member at fault. */
export async function throwIfAnyRegistered(em: EntityManager, idNumbers: string[], fieldOf: (i: number) => string) {
  throwIfRegistered(await findRegisteredIdNumbers(em, idNumbers), idNumbers, fieldOf);
}

/** The columns registration and update write; the identification's standard and class are the approval's alone. */
function householdColumns(state: HouseholdState): Omit<Household, 'id' | 'memberCount' | 'createdAt' | 'updatedAt' | 'povertyStandard' | 'assistanceClass'> {
  return {
    ...state,
    housingArea: state.housingArea === null ? null : state.housingArea.toFixed(2),
    arableLand: state.arableLand === null ? null : state.arableLand.toFixed(2),
  };
}

