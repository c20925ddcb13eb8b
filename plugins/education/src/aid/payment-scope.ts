import { hasPermission, levelOfCode, levelOfScope, rangesWithinScope, readableRanges, ValidationError, type CodeRange, type TuopinContext } from '@tuopin/core';

/** The levels below a county: where a partner's view of aid payments stops. */
const BELOW_COUNTY: ReadonlySet<string> = new Set(['TOWNSHIP', 'VILLAGE']);

/** Whether the caller reads the registry, and so sees whom a payment went to and where he lives. */
export function readsStudents(ctx: TuopinContext): boolean {
  return hasPermission(ctx.principal, 'core.registry.read');
}

/**
 * The code ranges (of the student's village) of the payments the caller sees under `regionCode`.
 * Officers see their areas' payments. A partner, who may not read the registry, sees a payment
 * as its county's expenditure, never the village: so he sees payments only through scopes of a
 * county or a larger area, and filters them by a county or a larger area. A township's or a
 * village's list would count its aided students one by one, the figure its statistics withhold.
 */
export function paymentRanges(ctx: TuopinContext, regionCode: string | null): CodeRange[] {
  if (readsStudents(ctx)) return readableRanges(ctx, regionCode);
  if (regionCode !== null && BELOW_COUNTY.has(levelOfCode(regionCode))) {
    throw ValidationError.of(
      'regionCode',
      '合作机构按县及以上区划查看教育资助发放，发放记录不显示乡镇和村',
      'Partners see aid payments by county or a larger area: a payment shows no township or village',
    );
  }
  const countyWide = ctx.principal.areaScopes.filter((scope) => !BELOW_COUNTY.has(levelOfScope(scope) ?? ''));
  return rangesWithinScope(regionCode, countyWide);
}
