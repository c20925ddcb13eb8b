import { ConflictError, ForbiddenError, hasPermission, inTransaction, IssueCollector, isWithinScope, notFound, requireArea, RuleViolationError, todayOf, type TuopinContext } from '@tuopin/core';
import { PAIRING_PERMISSIONS } from '../access/pairing-access.js';
import { checkText, checkYear, optionalText } from '../shared/checks.js';
import type { HelpedKind, HelperKind, PairingKind, TwinningLevel, UnitLevel } from '../shared/pairing-enums.js';
import { pairingLoader } from './pairing.loaders.js';

export interface CreatePairingInput {
  kind: PairingKind;
  twinningLevel?: TwinningLevel | null;
  helperKind: HelperKind;
  helperName?: string | null;
  helperAreaCode?: string | null;
  helperUnitLevel?: UnitLevel | null;
  helpedKind: HelpedKind;
  helpedName?: string | null;
  helpedAreaCode: string;
  startYear: number;
  endYear?: number | null;
}

const duplicatePairing = () =>
  new ConflictError('kind', '同一双方之间已有同类进行中的结对关系', 'An active pairing of this kind between the same parties exists already');

const PAIRING_CONSTRAINTS = { pairing_one_active: duplicatePairing };

/** Checks what a pairing's fields say on their own and together; throws every issue. */
function checkPairing(input: CreatePairingInput, today: string) {
  const issues = new IssueCollector();
  const fields = { ...input, helperName: optionalText(input.helperName), helpedName: optionalText(input.helpedName), helperAreaCode: optionalText(input.helperAreaCode) };
  checkText(issues, 'helperName', fields.helperName, 128, input.helperKind !== 'AREA');
  checkText(issues, 'helpedName', fields.helpedName, 128, input.helpedKind !== 'AREA');
  checkYear(issues, 'startYear', input.startYear, today);
  if (input.endYear != null) {
    checkYear(issues, 'endYear', input.endYear, today, 10);
    if (input.endYear < input.startYear) issues.add('endYear', '结束年度不能早于开始年度', 'The end year cannot be before the start year');
  }
  if ((input.kind === 'TWINNING') !== (input.twinningLevel != null)) {
    issues.add('twinningLevel', '携手奔小康结对须填写结对层级，其他类型不填', 'A twinning gives its level; other kinds give none');
  }
  if ((input.helperKind === 'AREA') !== (fields.helperAreaCode !== null)) {
    issues.add('helperAreaCode', '帮扶方为地区时须填写其区划代码，否则不填', 'An area helper gives its division code; a unit or organisation gives none');
  }
  if ((input.helperKind === 'UNIT') !== (input.helperUnitLevel != null)) {
    issues.add('helperUnitLevel', '帮扶方为单位时须填写其级别，否则不填', 'A unit helper gives its level; others give none');
  }
  issues.throwIfAny();
  return fields;
}

/**
 * Sets up a pairing of the caller's area (the helped side's government does). A helper area and a
 * helped area that are the same are refused; so is a second active pairing of one kind between
 * the same parties (checked first for a friendly error, guaranteed by a unique index under races).
 */
export async function createPairing(ctx: TuopinContext, input: CreatePairingInput): Promise<number> {
  const fields = checkPairing(input, todayOf(ctx.settings));
  if (!hasPermission(ctx.principal, PAIRING_PERMISSIONS.managePairings)) {
    throw new ForbiddenError('helpedAreaCode', '您的角色不能建立结对关系', 'Your role may not set up pairings');
  }
  if (!isWithinScope(input.helpedAreaCode, ctx.principal.areaScopes)) {
    throw new ForbiddenError('helpedAreaCode', '受援地不在您的管辖范围内', 'The helped area is outside your area scope');
  }
  const helped = await requireArea(ctx.em, input.helpedAreaCode, 'helpedAreaCode');
  const helper = fields.helperAreaCode === null ? null : await requireArea(ctx.em, fields.helperAreaCode, 'helperAreaCode');
  if (helper && input.helpedKind === 'AREA' && helper.code === helped.code) {
    throw new RuleViolationError('helperAreaCode', '帮扶方与受援方不能是同一地区', 'The helper and the helped cannot be the same area');
  }
  return inTransaction(ctx, PAIRING_CONSTRAINTS, async (em) => {
    const [row] = await em.execute<{ id: number }[]>(
      `insert into pairing_relation (kind, twinning_level, helper_kind, helper_name, helper_area_code, helper_unit_level, helped_kind, helped_name, area_code, start_year, end_year, created_by)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
      [
        input.kind,
        input.twinningLevel ?? null,
        input.helperKind,
        fields.helperName ?? helper!.name,
        helper?.code ?? null,
        input.helperUnitLevel ?? null,
        input.helpedKind,
        fields.helpedName ?? helped.name,
        helped.code,
        input.startYear,
        input.endYear ?? null,
        ctx.principal.id,
      ],
    );
    return row.id;
  });
}

/** Ends a pairing of the caller's area in a year (from its start year on); a new one of its kind may then be set up. */
export async function endPairing(ctx: TuopinContext, input: { pairingId: number; endYear: number }): Promise<number> {
  const pairing = await pairingLoader(ctx).load(input.pairingId);
  if (!pairing) throw notFound('pairingId', '结对关系', 'Pairing');
  if (!hasPermission(ctx.principal, PAIRING_PERMISSIONS.managePairings) || !isWithinScope(pairing.areaCode, ctx.principal.areaScopes)) {
    throw new ForbiddenError('pairingId', '您不能结束该结对关系', 'You may not end this pairing');
  }
  if (pairing.status === 'ENDED') throw new RuleViolationError('pairingId', '该结对关系已结束', 'This pairing has ended already');
  if (input.endYear < pairing.startYear) throw new RuleViolationError('endYear', '结束年度不能早于开始年度', 'The end year cannot be before the start year');
  return inTransaction(ctx, {}, async (em) => {
    await em.execute(`update pairing_relation set status = 'ENDED', end_year = ?, updated_at = now() where id = ?`, [input.endYear, pairing.id]);
    return pairing.id;
  });
}

/** Marks a pairing changed (its `updatedAt`), for partners pulling with `updatedAfter`, after anything is recorded on it. */
export async function touchPairing(em: { execute: (sql: string, params: unknown[]) => Promise<unknown> }, pairingId: number): Promise<void> {
  await em.execute('update pairing_relation set updated_at = now() where id = ?', [pairingId]);
}
