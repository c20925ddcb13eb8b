import {
  ConflictError,
  householdLoader,
  inTransaction,
  isDivisionCode,
  IssueCollector,
  levelOfCode,
  notFound,
  requireArea,
  RuleViolationError,
  todayOf,
  ValidationError,
  type TuopinContext,
} from '@tuopin/core';
import { checkCount, checkNotFuture, checkText, checkYear, hundredthsOf } from '../shared/checks.js';
import { decimalOf, relocationFiguresFor, relocationSettingsOf } from '../settings/relocation-settings.js';
import type { RelocationMode } from '../shared/vocabulary.js';
import { assertCanManageRelocation, assertWithinScope } from '../shared/write-access.js';
import { requireSite } from '../site/site.service.js';
import { lockSite, touchSite } from '../site/site-lock.js';

export interface ApplyInput {
  /** A registered household: core's. */
  householdId?: number | null;
  /** Or one moved at the same time that is not registered (同步搬迁). */
  concurrentHousehold?: { villageCode: string; headName: string; memberCount: number } | null;
  originReason: string;
  mode: RelocationMode;
  scatteredKind?: string | null;
  siteId?: number | null;
  peopleMoved: number;
  hasLabour: boolean;
  selfRaised?: string | null;
  planYear: number;
  appliedOn?: string | null;
}

const twice = () => new ConflictError('householdId', '该户已登记搬迁，一户只能搬迁一次、安置到一处', 'This household is relocated already: a household moves once, to one place');

/** Who moves: core's household in the caller's areas, or a non-registered one in a village of his areas. */
async function whoMoves(ctx: TuopinContext, input: ApplyInput) {
  if ((input.householdId == null) === (input.concurrentHousehold == null)) {
    throw ValidationError.of('householdId', '须且只能填写建档立卡户或同步搬迁户之一', 'Give either a registered household or a household moved at the same time, not both and not neither');
  }
  if (input.householdId != null) {
    const household = await householdLoader(ctx).load(input.householdId);
    if (!household) throw notFound('householdId', '户', 'Household');
    assertWithinScope(ctx, household.villageCode, 'householdId');
    return { householdId: household.id, villageCode: household.villageCode, headName: null, memberCount: household.memberCount };
  }
  const concurrent = input.concurrentHousehold!;
  // A code padded or cut short in a spreadsheet is a slip, told as such, not an area outside the scope.
  if (!isDivisionCode(concurrent.villageCode) || levelOfCode(concurrent.villageCode) !== 'VILLAGE') {
    throw ValidationError.of('concurrentHousehold.villageCode', '须为12位行政村区划代码', 'Must be the 12-digit division code of a village');
  }
  assertWithinScope(ctx, concurrent.villageCode, 'concurrentHousehold.villageCode');
  const issues = new IssueCollector();
  checkText(issues, 'concurrentHousehold.headName', concurrent.headName, 50, '户主姓名', 'The head\'s name');
  checkCount(issues, 'concurrentHousehold.memberCount', concurrent.memberCount, 1, 50, '家庭人口', 'Members');
  issues.throwIfAny();
  return { householdId: null, villageCode: concurrent.villageCode, headName: concurrent.headName.trim(), memberCount: concurrent.memberCount };
}

/**
 * 搬迁申请: a household applies to move, centralised at a site or scattered. Refused with a typed
 * error, writing nothing: centralised without a site or scattered with one, more people than the
 * household has, the same household twice, a site already holding as many households as it is
 * planned for, a self-raised amount above the province's cap (where one is configured).
 */
export async function applyForRelocation(ctx: TuopinContext, input: ApplyInput): Promise<number> {
  assertCanManageRelocation(ctx, 'householdId');
  const mover = await whoMoves(ctx, input);
  const appliedOn = input.appliedOn ?? todayOf(ctx.settings);
  const issues = new IssueCollector();
  if (input.mode === 'CENTRALISED' && input.siteId == null) issues.add('siteId', '集中安置须指定安置点', 'A centralised relocation needs a site');
  if (input.mode === 'SCATTERED' && input.siteId != null) issues.add('siteId', '分散安置不能指定安置点', 'A scattered relocation has no site');
  if (input.mode === 'CENTRALISED' && input.scatteredKind != null) issues.add('scatteredKind', '集中安置没有分散安置方式', 'Only a scattered relocation has a scattered kind');
  checkCount(issues, 'peopleMoved', input.peopleMoved, 1, 50, '搬迁人数', 'People moved');
  checkYear(issues, 'planYear', input.planYear);
  checkNotFuture(issues, 'appliedOn', appliedOn, todayOf(ctx.settings));
  const selfRaised = input.selfRaised ?? '0.00';
  if (hundredthsOf(selfRaised) === null && selfRaised !== '0.00' && selfRaised !== '0') issues.add('selfRaised', '自筹金额须为不小于0的金额', 'The self-raised amount must be an amount of at least 0');
  issues.throwIfAny();
  if (input.peopleMoved > mover.memberCount) {
    throw new RuleViolationError('peopleMoved', `搬迁人数（${input.peopleMoved}）不能超过家庭人口（${mover.memberCount}）`, `People moved (${input.peopleMoved}) cannot exceed the household's members (${mover.memberCount})`);
  }
  const figures = relocationFiguresFor(relocationSettingsOf(ctx.settings), mover.villageCode, input.planYear);
  const selfRaisedFen = hundredthsOf(selfRaised) ?? 0n;
  if (figures.selfRaisedCapFen !== null && selfRaisedFen > figures.selfRaisedCapFen) {
    throw new RuleViolationError('selfRaised', `自筹金额超过本省户均上限（${decimalOf(figures.selfRaisedCapFen)}元）`, `The self-raised amount exceeds the province's cap of ${decimalOf(figures.selfRaisedCapFen)} yuan per household`);
  }
  if (input.siteId != null) await requireSite(ctx, input.siteId);

  return inTransaction(ctx, { relocation_household_once: twice }, async (em) => {
    await requireArea(em, mover.villageCode, mover.householdId === null ? 'concurrentHousehold.villageCode' : 'householdId', ['VILLAGE']);
    if (mover.householdId !== null) {
      const existing = await em.execute('select 1 from relocation_household where household_id = ?', [mover.householdId]);
      if (existing.length > 0) throw twice();
    }
    if (input.siteId != null) {
      const site = await lockSite(em, input.siteId);
      const [{ n }] = await em.execute<{ n: number }[]>('select count(*)::int as n from relocation_household where site_id = ?', [input.siteId]);
      if (n >= site.planned_households) {
        throw new RuleViolationError('siteId', `安置点已满（规划${site.planned_households}户）`, `The site is full: it is planned for ${site.planned_households} households`);
      }
      await touchSite(em, input.siteId);
    }
    const [row] = await em.execute<{ id: number }[]>(
      `insert into relocation_household (household_id, village_code, head_name, member_count, origin_reason, mode, scattered_kind, site_id,
         people_moved, has_labour, self_raised, plan_year, applied_on)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
      [
        mover.householdId,
        mover.villageCode,
        mover.headName,
        mover.memberCount,
        input.originReason,
        input.mode,
        input.scatteredKind ?? null,
        input.siteId ?? null,
        input.peopleMoved,
        input.hasLabour,
        decimalOf(selfRaisedFen),
        input.planYear,
        appliedOn,
      ],
    );
    return row.id;
  });
}

