import { ForbiddenError, inTransaction, IssueCollector, levelOfScope, RuleViolationError, type TuopinContext } from '@tuopin/core';
import { checkPositiveDecimal, checkText } from '../shared/checks.js';
import { lockRelocatedHousehold, requireRelocatedHousehold, touchRelocatedHousehold } from '../household/household-lock.js';
import { assertStep } from '../household/life-cycle.js';
import { stepDate } from '../household/steps.service.js';

/**
 * 拆旧: one household, one homestead. The old house is demolished after the move in, under the
 * agreement signed at approval; a demolition recorded without an agreement or before the move in
 * is refused and nothing is written.
 */
export async function recordDemolition(ctx: TuopinContext, id: number, oldHouseArea: string, demolishedOn: string | null | undefined): Promise<void> {
  await requireRelocatedHousehold(ctx, id);
  const issues = new IssueCollector();
  checkPositiveDecimal(issues, 'oldHouseArea', oldHouseArea, '旧房面积', 'The old house\'s area', 9_999n);
  issues.throwIfAny();
  await inTransaction(ctx, {}, async (em) => {
    const household = await lockRelocatedHousehold(em, id);
    if (household.agreement_date === null) {
      throw new RuleViolationError('agreementDate', '未签订旧宅基地腾退协议，不能登记拆旧', 'No demolition agreement was signed; the demolition cannot be recorded');
    }
    if (household.move_in_date === null) {
      throw new RuleViolationError('demolishedOn', '搬迁户尚未入住新居，不能登记拆旧', 'The household has not moved in yet; its old house is demolished after the move in');
    }
    assertStep(household.status, 'DEMOLISHED', 'relocatedHouseholdId');
    const day = stepDate(ctx, 'demolishedOn', demolishedOn, household.move_in_date, '拆除日期', 'The demolition date');
    await em.execute(`update relocation_household set status = 'DEMOLISHED', old_house_area = ?, demolished_on = ? where id = ?`, [oldHouseArea, day, id]);
    await touchRelocatedHousehold(em, household);
  });
}

export interface RetentionInput {
  relocatedHouseholdId: number;
  /** One of the three reasons; null is refused. */
  reason?: string | null;
  countyApprovalNo?: string | null;
  approvedOn?: string | null;
}

/** Whether the caller acts for the county (or above) of a village: a scope of county level or wider that holds it. */
function actsForCounty(ctx: TuopinContext, villageCode: string): boolean {
  return ctx.principal.areaScopes.some((scope) => villageCode.startsWith(scope) && ['NATION', 'PROVINCE', 'PREFECTURE', 'COUNTY'].includes(levelOfScope(scope) ?? ''));
}

/**
 * 旧房保留: only a house in a protected traditional village, in an ethnic-featured village, or joined
 * to a neighbour's may be kept, and only with the county's approval (its document number and
 * date), recorded by the county (an officer whose areas are the county or wider).
 */
export async function retainOldHouse(ctx: TuopinContext, input: RetentionInput): Promise<void> {
  const relocated = await requireRelocatedHousehold(ctx, input.relocatedHouseholdId);
  const issues = new IssueCollector();
  if (!input.reason) issues.add('reason', '旧房只有三种情形可以保留：传统村落、少数民族特色村寨、与他人房屋相连', 'An old house may be kept only in a protected traditional village, in an ethnic-featured village, or when joined to a neighbour\'s house');
  checkText(issues, 'countyApprovalNo', input.countyApprovalNo, 64, '县级批准文号', 'The county\'s approval document number');
  if (!input.approvedOn) issues.add('approvedOn', '须填写县级批准日期', 'Give the date of the county\'s approval');
  issues.throwIfAny();
  if (!actsForCounty(ctx, relocated.villageCode)) {
    throw new ForbiddenError('countyApprovalNo', '旧房保留须经县级批准，由县级及以上干部登记', 'Keeping an old house needs the county\'s approval, recorded by an officer of the county or above');
  }
  await inTransaction(ctx, {}, async (em) => {
    const household = await lockRelocatedHousehold(em, input.relocatedHouseholdId);
    assertStep(household.status, 'RETAINED', 'relocatedHouseholdId');
    const day = stepDate(ctx, 'approvedOn', input.approvedOn, household.agreement_date, '批准日期', 'The approval date');
    await em.execute(
      `update relocation_household set status = 'RETAINED', retention_reason = ?, retention_approval_no = ?, retention_approved_on = ? where id = ?`,
      [input.reason, input.countyApprovalNo!.trim(), day, household.id],
    );
    await touchRelocatedHousehold(em, household);
  });
}

export interface ReclamationInput {
  relocatedHouseholdId: number;
  reclaimedAreaMu: string;
  kind: string;
  landQuotaMu?: string | null;
  reclaimedOn?: string | null;
}

/** 复垦: the demolished homestead reclaimed as arable land or re-greened, in 亩, and the land quota it frees. */
export async function recordReclamation(ctx: TuopinContext, input: ReclamationInput): Promise<void> {
  await requireRelocatedHousehold(ctx, input.relocatedHouseholdId);
  const issues = new IssueCollector();
  checkPositiveDecimal(issues, 'reclaimedAreaMu', input.reclaimedAreaMu, '复垦面积（亩）', 'The reclaimed area in mu', 9_999n);
  if (input.landQuotaMu != null && input.landQuotaMu !== '0' && input.landQuotaMu !== '0.00') checkPositiveDecimal(issues, 'landQuotaMu', input.landQuotaMu, '节余指标（亩）', 'The land quota in mu', 9_999n);
  issues.throwIfAny();
  await inTransaction(ctx, {}, async (em) => {
    const household = await lockRelocatedHousehold(em, input.relocatedHouseholdId);
    if (household.status === 'RETAINED') {
      throw new RuleViolationError('relocatedHouseholdId', '旧房经批准保留，其宅基地不复垦', 'The old house was retained with approval; its homestead is not reclaimed');
    }
    assertStep(household.status, 'RECLAIMED', 'relocatedHouseholdId');
    const day = stepDate(ctx, 'reclaimedOn', input.reclaimedOn, household.demolished_on, '复垦日期', 'The reclamation date');
    await em.execute(
      `update relocation_household set status = 'RECLAIMED', reclaimed_area_mu = ?, reclamation_kind = ?, land_quota_mu = ?, reclaimed_on = ? where id = ?`,
      [input.reclaimedAreaMu, input.kind, input.landQuotaMu ?? null, day, household.id],
    );
    await touchRelocatedHousehold(em, household);
  });
}

