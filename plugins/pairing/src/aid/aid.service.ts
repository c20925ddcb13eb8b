import {
  allocateFunds,
  assertCanManageFundAt,
  canManageFunds,
  ConflictError,
  createFund,
  ForbiddenError,
  fundLoader,
  inTransaction,
  IssueCollector,
  isWithinScope,
  narrowFundEarmark,
  notFound,
  projectLoader,
  RuleViolationError,
  significantPrefix,
  todayOf,
  type EntryFields,
  type FundSourceType,
  type TuopinContext,
} from '@tuopin/core';
import { inHelpedArea, requireRecordablePairing } from '../access/record-access.js';
import type { Pairing } from '../pairing/pairing.entity.js';
import { pairingLoader } from '../pairing/pairing.loaders.js';
import { touchPairing } from '../pairing/pairing.service.js';
import { checkText, checkYear, optionalText } from '../shared/checks.js';
import type { AidKind } from '../shared/pairing-enums.js';
import { insertRow } from '../shared/record-write.js';
import { aidLoader } from './aid.loaders.js';

const AID_CONSTRAINTS = {
  pairing_aid_fund_once: () => new ConflictError('fundId', '该资金已登记为帮扶资金', 'This fund is recorded as aid already'),
};

/**
 * Money lands in the helped area's accounts, so receiving it into the ledger (and allocating it)
 * is the helped side's fund managers' work, under core's rules: a grant on the pairing lets a
 * helper-side officer read the aid, not post to another province's ledger.
 */
function assertCanReceiveFor(ctx: TuopinContext, pairing: Pairing, field: string): void {
  if (!canManageFunds(ctx.principal) || !isWithinScope(pairing.areaCode, ctx.principal.areaScopes)) {
    throw new ForbiddenError(field, '帮扶资金须由受援地的资金管理人员入账', 'Aid is received into the ledger by the helped area\'s fund managers');
  }
}

/**
 * The core fund source each kind of aid is received under: the paired-assistance source (东西部协作/
 * 对口帮扶资金), except goods in kind (core's in-kind donations, which say what the goods are) and a
 * foundation's or company's donation (core's social donations, as the core demo files them).
 */
const FUND_SOURCE_OF: Record<AidKind, FundSourceType> = {
  FISCAL: 'EAST_WEST_COOPERATION',
  INTRODUCED: 'EAST_WEST_COOPERATION',
  IN_KIND: 'IN_KIND_DONATION',
  SOCIAL_DONATION: 'SOCIAL_DONATION',
};

export interface ReceiveAidInput {
  pairingId: number;
  kind: AidKind;
  year: number;
  amount: string;
  name?: string | null;
  documentNo?: string | null;
  provider?: string | null;
  inKindDescription?: string | null;
}

/**
 * Receives aid into core's fund ledger: a fund of the source its kind says (`FUND_SOURCE_OF`),
 * managed by the helped area, linked to the pairing.
 * Core's `createFund` runs inside this transaction, so the fund and its link commit together.
 */
export async function receiveAid(ctx: TuopinContext, input: ReceiveAidInput): Promise<number> {
  const issues = new IssueCollector();
  checkYear(issues, 'year', input.year, todayOf(ctx.settings));
  issues.throwIfAny();
  const pairing = await requireRecordablePairing(ctx, input.pairingId);
  assertCanReceiveFor(ctx, pairing, 'pairingId');
  return inTransaction(ctx, AID_CONSTRAINTS, async (em) => {
    const fundId = await createFund(
      { ...ctx, em },
      {
        sourceType: FUND_SOURCE_OF[input.kind],
        name: optionalText(input.name) ?? `${pairing.helperName}帮扶${pairing.helpedName}资金（${input.year}年）`,
        documentNo: input.documentNo,
        year: input.year,
        amount: input.amount,
        areaCode: pairing.areaCode,
        // Given for the helped area: core's ledger refuses it to any project outside, whoever allocates.
        earmarkAreaCode: pairing.areaCode,
        provider: optionalText(input.provider) ?? pairing.helperName,
        inKindDescription: input.inKindDescription,
      },
    );
    const id = await insertRow(em, 'pairing_aid', { pairing_id: pairing.id, area_code: pairing.areaCode, kind: input.kind, year: input.year, fund_id: fundId, recorded_by: ctx.principal.id });
    await touchPairing(em, pairing.id);
    return id;
  });
}

/**
 * Links a fund already in core's ledger to a pairing as its aid (a designated unit's money that
 * came through the city's departments), without copying its amount. The caller manages the fund,
 * which is managed in the helped area or above it: a helper-side officer cannot count his own
 * province's fund as the helped area's money. Linking earmarks the fund for the helped area.
 */
export async function linkFund(ctx: TuopinContext, input: { pairingId: number; fundId: number; kind: AidKind }): Promise<number> {
  const pairing = await requireRecordablePairing(ctx, input.pairingId);
  const fund = await fundLoader(ctx).load(input.fundId);
  if (!fund) throw notFound('fundId', '资金', 'Fund');
  assertCanManageFundAt(ctx, fund.areaCode, 'fundId');
  // Aid of the helped area: a fund managed there, or by an area above it (a city's department paying a village).
  if (!inHelpedArea(pairing, fund.areaCode) && !isWithinScope(pairing.areaCode, [significantPrefix(fund.areaCode)])) {
    throw new RuleViolationError('fundId', '该资金不由受援地或其上级管理，不能登记为该结对的帮扶资金', 'The fund is managed neither in the helped area nor above it, so it is not this pairing\'s aid');
  }
  if ((input.kind === 'IN_KIND') !== (fund.sourceType === 'IN_KIND_DONATION')) {
    throw new RuleViolationError('kind', '实物帮扶须对应实物捐赠资金，反之亦然', 'Aid in kind links a fund of donations in kind, and only such aid does');
  }
  const id = await inTransaction(ctx, AID_CONSTRAINTS, async (em) => {
    // Linked, the fund is the helped area's aid: earmarked for it (an earmark already inside it
    // stays). A fund earmarked elsewhere, or already paying for projects outside, is refused.
    await narrowFundEarmark({ ...ctx, em }, { fundId: fund.id, areaCode: pairing.areaCode });
    const id = await insertRow(em, 'pairing_aid', { pairing_id: pairing.id, area_code: pairing.areaCode, kind: input.kind, year: fund.year, fund_id: fund.id, recorded_by: ctx.principal.id });
    await touchPairing(em, pairing.id);
    return id;
  });
  // The payload shows the fund as it is now, with its earmark, not as this request first read it.
  fundLoader(ctx).clear(fund.id);
  return id;
}

/** Records goods given without a declared value (200 items of clothing): listed, never counted as money. */
export async function recordGoods(ctx: TuopinContext, input: { pairingId: number; year: number; goods: string; quantity?: number | null }): Promise<number> {
  const goods = optionalText(input.goods);
  const issues = new IssueCollector();
  checkYear(issues, 'year', input.year, todayOf(ctx.settings));
  checkText(issues, 'goods', goods, 200, true);
  if (input.quantity != null && (!Number.isInteger(input.quantity) || input.quantity <= 0)) issues.add('quantity', '数量须为正整数', 'The quantity must be a positive whole number');
  issues.throwIfAny();
  const pairing = await requireRecordablePairing(ctx, input.pairingId);
  return inTransaction(ctx, {}, async (em) => {
    const id = await insertRow(em, 'pairing_aid', { pairing_id: pairing.id, area_code: pairing.areaCode, kind: 'IN_KIND', year: input.year, goods, quantity: input.quantity ?? null, recorded_by: ctx.principal.id });
    await touchPairing(em, pairing.id);
    return id;
  });
}

/**
 * Allocates aid to a project (资金安排) through core's ledger: only to a project in the helped
 * area, and never beyond what the aid's fund received (core's rule, under the fund's row lock, so
 * it holds when allocations race).
 */
export async function allocateAid(ctx: TuopinContext, input: EntryFields & { aidId: number; projectId: number }): Promise<number> {
  const aid = await aidLoader(ctx).load(input.aidId);
  if (!aid) throw notFound('aidId', '帮扶资金', 'Aid');
  const pairing = (await pairingLoader(ctx).load(aid.pairingId))!;
  assertCanReceiveFor(ctx, pairing, 'aidId');
  if (aid.fundId == null) throw new RuleViolationError('aidId', '未申报价值的实物不能安排到项目', 'Goods without a declared value cannot be allocated');
  const project = await projectLoader(ctx).load(input.projectId);
  if (!project) throw notFound('projectId', '项目', 'Project');
  if (!inHelpedArea(pairing, project.placeCode)) {
    throw new RuleViolationError('projectId', '帮扶资金只能安排到受援地的项目', 'Aid is allocated only to projects in the helped area');
  }
  const fundId = aid.fundId;
  return inTransaction(ctx, {}, async (em) => {
    const id = await allocateFunds({ ...ctx, em }, { amount: input.amount, date: input.date, voucherNo: input.voucherNo, memo: input.memo, fundId, projectId: project.id });
    await touchPairing(em, pairing.id);
    return id;
  });
}
