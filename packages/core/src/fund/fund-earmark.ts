import type { EntityManager } from '@mikro-orm/postgresql';
import { significantPrefix } from '../area/division-code.js';
import { notFound } from '../kernel/access.js';
import { isWithinScope } from '../kernel/area-scope.js';
import type { TuopinContext } from '../kernel/context.js';
import { RuleViolationError } from '../kernel/errors.js';
import { inTransaction } from '../kernel/transaction.js';
import { assertCanManageFundAt, requireArea } from '../project/place-scope.js';
import { touchFund } from '../project/touch.js';
import { fundLoader } from './fund.loaders.js';

/**
 * A fund's earmark (专款专用): the area whose projects alone it may pay for. Whoever manages both
 * sides — a province administrator managing every county — still cannot move money earmarked for
 * one county into another's projects. The earmark is set when the fund is registered and can
 * afterwards only be narrowed (`narrowFundEarmark`), never widened or lifted: money given for a
 * place stays given for it.
 *
 * Every way core puts money on a project checks it, under the locks that serialise those writes:
 * an allocation and a payment hold the fund's row lock and the project's; a project moving to
 * another place holds its own and checks the earmarks of the funds that pay for it; narrowing
 * holds the fund's and the paid projects'.
 */

/** Whether a project at this place lies inside an earmark (a fund without one pays anywhere). */
export function earmarkCovers(earmarkAreaCode: string | null, placeCode: string): boolean {
  return earmarkAreaCode === null || isWithinScope(placeCode, [significantPrefix(earmarkAreaCode)]);
}

function outsideEarmark(field: string, earmarkAreaCode: string): RuleViolationError {
  return new RuleViolationError(
    field,
    `该资金专款用于区划 ${earmarkAreaCode} 的项目，项目不在此范围内`,
    `The fund is earmarked for projects in area ${earmarkAreaCode}; this project lies outside it`,
  );
}

/**
 * Locks a fund's row for the rest of the transaction and returns its earmark, as committed now:
 * a narrowing that committed while the caller waited for the lock is seen.
 */
export async function lockFundEarmark(em: EntityManager, fundId: number): Promise<string | null> {
  const [row] = await em.execute<{ earmark_area_code: string | null }[]>('select earmark_area_code from fund where id = ? for update', [fundId]);
  return row.earmark_area_code;
}

/** Refuses a project place outside the fund's earmark, naming the field. */
export function assertEarmarkCovers(earmarkAreaCode: string | null, placeCode: string, field: string): void {
  if (!earmarkCovers(earmarkAreaCode, placeCode)) throw outsideEarmark(field, earmarkAreaCode!);
}

/**
 * Refuses moving a project to a place outside the earmark of a fund with a live allocation to it.
 * Called under the project's row lock, which allocations, payments and narrowing also take.
 */
export async function assertMoveKeepsEarmarks(em: EntityManager, projectId: number, nextPlaceCode: string, field: string): Promise<void> {
  const rows = await em.execute<{ earmark_area_code: string }[]>(
    `select distinct f.earmark_area_code from ledger_entry e join fund f on f.id = e.fund_id
     where e.project_id = ? and e.kind = 'ALLOCATION' and f.earmark_area_code is not null
       and not exists (select 1 from ledger_entry r where r.reverses_id = e.id)`,
    [projectId],
  );
  const broken = rows.find((row) => !earmarkCovers(row.earmark_area_code, nextPlaceCode));
  if (broken) {
    throw new RuleViolationError(
      field,
      `该项目的资金专款用于区划 ${broken.earmark_area_code}，项目不能移出此范围`,
      `A fund paying for this project is earmarked for area ${broken.earmark_area_code}; the project cannot move outside it`,
    );
  }
}

/**
 * Confines a fund to an area: earmarks it for the area, or narrows its earmark to it; an earmark
 * already inside the area stays as it is. A plugin that takes a fund as money given for a place
 * (paired aid linked to the helped area) calls it, inside its own transaction when it has one
 * (`{ ...ctx, em }`). Refused, naming `field`, when the fund is earmarked for another area (an
 * earmark is never widened or moved) or already pays for a project outside the area. The caller
 * must manage the fund.
 */
export async function narrowFundEarmark(ctx: TuopinContext, input: { fundId: number; areaCode: string }, field = 'fundId'): Promise<void> {
  const fund = await fundLoader(ctx).load(input.fundId);
  if (!fund) throw notFound(field, '资金', 'Fund');
  assertCanManageFundAt(ctx, fund.areaCode, field);
  await requireArea(ctx.em, input.areaCode, field);
  await inTransaction(ctx, {}, async (em) => {
    const current = await lockFundEarmark(em, fund.id);
    if (current !== null && earmarkCovers(input.areaCode, current)) return;
    if (!earmarkCovers(current, input.areaCode)) {
      throw new RuleViolationError(
        field,
        `该资金已专款用于区划 ${current}，专款用途只能缩小，不能扩大或改变`,
        `The fund is earmarked for area ${current} already; an earmark can only be narrowed, never widened or moved`,
      );
    }
    // The projects it pays for, locked in the ledger's order (fund, then project), with their
    // places as committed: a project that moved while we waited is seen where it is now.
    const paid = await em.execute<{ place_code: string }[]>(
      `select p.place_code from project p where p.id in (
         select e.project_id from ledger_entry e
         where e.fund_id = ? and e.kind = 'ALLOCATION' and not exists (select 1 from ledger_entry r where r.reverses_id = e.id))
       order by p.id for update`,
      [fund.id],
    );
    const outside = paid.filter((row) => !earmarkCovers(input.areaCode, row.place_code)).length;
    if (outside > 0) {
      throw new RuleViolationError(
        field,
        `该资金已安排给${outside}个不在区划 ${input.areaCode} 内的项目，不能专款用于该区划`,
        `The fund already pays for ${outside} project(s) outside area ${input.areaCode}, so it cannot be earmarked for it`,
      );
    }
    await em.execute('update fund set earmark_area_code = ? where id = ?', [input.areaCode, fund.id]);
    await touchFund(em, fund.id);
  });
}
