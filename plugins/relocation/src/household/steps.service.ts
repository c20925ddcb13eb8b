import { ConflictError, inTransaction, IssueCollector, RuleViolationError, todayOf, ValidationError, type TuopinContext } from '@tuopin/core';
import { checkNotFuture, checkPositiveDecimal, hundredthsOf } from '../shared/checks.js';
import { decimalOf, relocationFiguresFor, relocationSettingsOf } from '../settings/relocation-settings.js';
import { lockSite } from '../site/site-lock.js';
import { lockRelocatedHousehold, requireRelocatedHousehold, touchRelocatedHousehold, type LockedHousehold } from './household-lock.js';
import { assertStep } from './life-cycle.js';

/** Checks a step's date: given or today, not in the future, not before `earliest` (the previous step's). */
function stepDate(ctx: TuopinContext, field: string, date: string | null | undefined, earliest: string | null, zh: string, en: string): string {
  const day = date ?? todayOf(ctx.settings);
  const issues = new IssueCollector();
  checkNotFuture(issues, field, day, todayOf(ctx.settings));
  if (earliest !== null && day < earliest) issues.add(field, `${zh}不能早于${earliest}`, `${en} cannot be before ${earliest}`);
  issues.throwIfAny();
  return day;
}

/** 审批: approved once the 旧宅基地腾退协议 (demolition agreement) is signed; its date is required. */
export async function approveRelocation(ctx: TuopinContext, id: number, agreementDate: string | null | undefined): Promise<void> {
  await requireRelocatedHousehold(ctx, id);
  if (!agreementDate) throw ValidationError.of('agreementDate', '审批须签订旧宅基地腾退协议并填写签订日期', 'Approval needs the signed demolition agreement and its date');
  await inTransaction(ctx, {}, async (em) => {
    const household = await lockRelocatedHousehold(em, id);
    assertStep(household.status, 'APPROVED', 'relocatedHouseholdId');
    const day = stepDate(ctx, 'agreementDate', agreementDate, null, '协议签订日期', 'The agreement date');
    await em.execute(`update relocation_household set status = 'APPROVED', agreement_date = ? where id = ?`, [day, id]);
    await touchRelocatedHousehold(em, household);
  });
}

/**
 * The 25 m² "red line": a registered household's home is at most the ceiling per person moved
 * (a setting by province and year), in hundredths of m². Households moved at the same time are not
 * held to it (null).
 */
function floorAreaLimit(ctx: TuopinContext, household: LockedHousehold): { ceiling: bigint; limit: bigint } | null {
  if (household.household_id === null) return null;
  const ceiling = relocationFiguresFor(relocationSettingsOf(ctx.settings), household.village_code, household.plan_year).floorAreaPerPersonHundredths;
  return { ceiling, limit: ceiling * BigInt(household.people_moved) };
}

function assertWithinCeiling(ctx: TuopinContext, household: LockedHousehold, areaHundredths: bigint, field: string): void {
  const bound = floorAreaLimit(ctx, household);
  if (bound === null || areaHundredths <= bound.limit) return;
  throw new RuleViolationError(
    field,
    `建档立卡户住房面积（${decimalOf(areaHundredths)}㎡）超过人均${decimalOf(bound.ceiling)}㎡ × ${household.people_moved}人 = ${decimalOf(bound.limit)}㎡的上限`,
    `A registered household's home (${decimalOf(areaHundredths)} m²) may not exceed ${decimalOf(bound.ceiling)} m² × ${household.people_moved} people moved = ${decimalOf(bound.limit)} m²`,
  );
}

/** The flat a centralised household gets: the one asked for, or the first free one of its site that fits. */
async function pickFlat(ctx: TuopinContext, em: Parameters<Parameters<typeof inTransaction>[2]>[0], household: LockedHousehold, flatId: number | null) {
  const taken = `exists (select 1 from relocation_household h where h.flat_id = f.id)`;
  if (flatId !== null) {
    const [flat] = await em.execute<{ id: number; site_id: number; floor_area: string; taken: boolean }[]>(
      `select f.id, f.site_id, f.floor_area::text, ${taken} as taken from relocation_flat f where f.id = ?`,
      [flatId],
    );
    if (!flat || flat.site_id !== household.site_id) throw new RuleViolationError('flatId', '该住房不属于此户的安置点', 'The flat is not at the household\'s site');
    if (flat.taken) throw new ConflictError('flatId', '该住房已分配给其他搬迁户', 'The flat is assigned to another household already');
    assertWithinCeiling(ctx, household, hundredthsOf(flat.floor_area)!, 'flatId');
    return flat;
  }
  const free = await em.execute<{ id: number; floor_area: string }[]>(
    `select f.id, f.floor_area::text from relocation_flat f where f.site_id = ? and not ${taken} order by f.unit_no, f.id`,
    [household.site_id],
  );
  if (free.length === 0) throw new RuleViolationError('flatId', '该安置点已无可分配的住房', 'The site has no flat left to assign');
  const bound = floorAreaLimit(ctx, household);
  const fitting = free.find((flat) => bound === null || hundredthsOf(flat.floor_area)! <= bound.limit);
  if (fitting) return fitting;
  // None fits: refuse with the ceiling's own message, for the smallest free flat.
  const smallest = [...free].sort((a, b) => Number(hundredthsOf(a.floor_area)! - hundredthsOf(b.floor_area)!))[0];
  assertWithinCeiling(ctx, household, hundredthsOf(smallest.floor_area)!, 'flatId');
  return smallest;
}

export interface HousingInput {
  relocatedHouseholdId: number;
  /** Centralised: the flat (or the first free one that fits, when omitted). */
  flatId?: number | null;
  /** Scattered: the floor area of the home built, bought or moved into. */
  floorArea?: string | null;
  housedOn?: string | null;
}

/**
 * 分房/建房: an approved household is housed. Centralised, it gets a flat of its site: the site's
 * row is locked first, so concurrent assignments of a site's last flats queue, and each sees the
 * flats the others took (one household per flat is also a unique constraint). Scattered, it
 * records the home's floor area. Either way a registered household stays within the ceiling.
 */
export async function recordHousing(ctx: TuopinContext, input: HousingInput): Promise<void> {
  await requireRelocatedHousehold(ctx, input.relocatedHouseholdId);
  await inTransaction(ctx, { relocation_household_flat_once: () => new ConflictError('flatId', '该住房已分配给其他搬迁户', 'The flat is assigned to another household already') }, async (em) => {
    const household = await lockRelocatedHousehold(em, input.relocatedHouseholdId);
    assertStep(household.status, 'HOUSED', 'relocatedHouseholdId');
    const day = stepDate(ctx, 'housedOn', input.housedOn, household.agreement_date, '分房日期', 'The housing date');
    if (household.mode === 'CENTRALISED') {
      if (input.floorArea != null) throw ValidationError.of('floorArea', '集中安置的面积取自所分住房', 'A centralised household\'s area is its flat\'s');
      await lockSite(em, household.site_id!);
      const flat = await pickFlat(ctx, em, household, input.flatId ?? null);
      await em.execute(`update relocation_household set status = 'HOUSED', flat_id = ?, floor_area = ?, housed_on = ? where id = ?`, [flat.id, flat.floor_area, day, household.id]);
    } else {
      if (input.flatId != null) throw ValidationError.of('flatId', '分散安置不分配安置点住房', 'A scattered household gets no flat of a site');
      const issues = new IssueCollector();
      checkPositiveDecimal(issues, 'floorArea', input.floorArea, '住房面积', 'The floor area', 9_999n);
      issues.throwIfAny();
      assertWithinCeiling(ctx, household, hundredthsOf(input.floorArea)!, 'floorArea');
      await em.execute(`update relocation_household set status = 'HOUSED', floor_area = ?, housed_on = ? where id = ?`, [input.floorArea, day, household.id]);
    }
    await touchRelocatedHousehold(em, household);
  });
}

/** 入住: a housed household moves in. */
export async function recordMoveIn(ctx: TuopinContext, id: number, moveInDate: string | null | undefined): Promise<void> {
  await requireRelocatedHousehold(ctx, id);
  await inTransaction(ctx, {}, async (em) => {
    const household = await lockRelocatedHousehold(em, id);
    assertStep(household.status, 'MOVED_IN', 'relocatedHouseholdId');
    const day = stepDate(ctx, 'moveInDate', moveInDate, household.housed_on, '入住日期', 'The move-in date');
    await em.execute(`update relocation_household set status = 'MOVED_IN', move_in_date = ? where id = ?`, [day, id]);
    await touchRelocatedHousehold(em, household);
  });
}

export { stepDate };
