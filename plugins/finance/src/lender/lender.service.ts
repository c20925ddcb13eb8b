import { assertCanManageFundAt, ConflictError, inTransaction, IssueCollector, isDivisionCode, requireArea, type TuopinContext } from '@tuopin/core';
import { checkText } from '../shared/checks.js';
import type { LenderKind } from './lender-enums.js';
import { LenderSchema } from './lender.entity.js';

export interface CreateLenderInput {
  name: string;
  kind: LenderKind;
  areaCode: string;
}

const duplicate = () => new ConflictError('name', '该区划已有同名贷款机构', 'A lender of this name is already registered for this area');

/** Registers a lender at the area it serves (a county, or a prefecture or province for all of theirs). */
export async function createLender(ctx: TuopinContext, input: CreateLenderInput): Promise<number> {
  const name = input.name.trim();
  const areaCode = input.areaCode.trim();
  const issues = new IssueCollector();
  checkText(issues, 'name', name, 128, true);
  if (!isDivisionCode(areaCode)) issues.add('areaCode', '服务区划须为12位区划代码', 'areaCode must be a 12-digit division code');
  issues.throwIfAny();
  // Lenders are managed like funds: by the officers who manage the county's money.
  assertCanManageFundAt(ctx, areaCode, 'areaCode');
  await requireArea(ctx.em, areaCode, 'areaCode', ['PROVINCE', 'PREFECTURE', 'COUNTY']);
  if (await ctx.em.count(LenderSchema, { areaCode, name })) throw duplicate();

  return inTransaction(ctx, { finance_lender_area_name_unique: duplicate }, async (em) => {
    const [row] = await em.execute<{ id: number }[]>(
      'insert into finance_lender (name, kind, area_code, created_by) values (?, ?, ?, ?) returning id',
      [name, input.kind, areaCode, ctx.principal.id],
    );
    return row.id;
  });
}
