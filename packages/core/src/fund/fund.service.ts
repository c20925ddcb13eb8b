import type { TuopinContext } from '../kernel/context.js';
import { isDivisionCode } from '../area/division-code.js';
import { IssueCollector } from '../kernel/errors.js';
import { todayOf } from '../kernel/settings.js';
import { inTransaction } from '../kernel/transaction.js';
import { checkAmount, checkText, checkYear, optionalText } from '../project/project.validation.js';
import { assertCanManageFundAt, requireArea } from '../project/place-scope.js';
import type { FundSourceType } from './fund-enums.js';

export interface CreateFundInput {
  sourceType: FundSourceType;
  name: string;
  documentNo?: string | null;
  year: number;
  amount: string;
  areaCode: string;
  /** 专款专用: the area whose projects alone the fund may pay for; none when omitted. See `narrowFundEarmark`. */
  earmarkAreaCode?: string | null;
  provider?: string | null;
  inKindDescription?: string | null;
}

/**
 * Registers a fund. Goods donated in kind are a fund too, at their declared value, so that they
 * are allocated to projects and counted like money; they must say what the goods are. An earmark
 * (`earmarkAreaCode`) limits the projects it may pay for to that area's, for good. A plugin
 * receiving money into the ledger (paired assistance) calls it inside its own transaction.
 */
export async function createFund(ctx: TuopinContext, input: CreateFundInput): Promise<number> {
  const fields = {
    sourceType: input.sourceType,
    name: input.name.trim(),
    documentNo: optionalText(input.documentNo),
    year: input.year,
    amount: input.amount,
    areaCode: input.areaCode.trim(),
    earmarkAreaCode: optionalText(input.earmarkAreaCode),
    provider: optionalText(input.provider),
    inKindDescription: optionalText(input.inKindDescription),
  };
  const issues = new IssueCollector();
  checkText(issues, 'name', fields.name, 128, true);
  checkText(issues, 'documentNo', fields.documentNo, 64, false);
  checkText(issues, 'provider', fields.provider, 128, false);
  checkYear(issues, 'year', fields.year, todayOf(ctx.settings), 1);
  checkAmount(issues, 'amount', fields.amount, false);
  if (!isDivisionCode(fields.areaCode)) issues.add('areaCode', '管理区划须为12位区划代码', 'areaCode must be a 12-digit division code');
  if (fields.earmarkAreaCode !== null && !isDivisionCode(fields.earmarkAreaCode)) {
    issues.add('earmarkAreaCode', '专款用途区划须为12位区划代码', 'earmarkAreaCode must be a 12-digit division code');
  }
  if (fields.sourceType === 'IN_KIND_DONATION') {
    checkText(issues, 'inKindDescription', fields.inKindDescription, 500, true);
  } else if (fields.inKindDescription !== null) {
    issues.add('inKindDescription', '只有实物捐赠才填写捐赠物品', 'Only donations in kind describe donated goods');
  }
  issues.throwIfAny();
  assertCanManageFundAt(ctx, fields.areaCode, 'areaCode');
  await requireArea(ctx.em, fields.areaCode, 'areaCode');
  if (fields.earmarkAreaCode !== null) await requireArea(ctx.em, fields.earmarkAreaCode, 'earmarkAreaCode');

  return inTransaction(ctx, {}, async (em) => {
    const [row] = await em.execute<{ id: number }[]>(
      `insert into fund (source_type, name, document_no, year, amount, area_code, earmark_area_code, provider, in_kind_description, created_by)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
      [fields.sourceType, fields.name, fields.documentNo, fields.year, fields.amount, fields.areaCode, fields.earmarkAreaCode, fields.provider, fields.inKindDescription, ctx.principal.id],
    );
    return row.id;
  });
}
