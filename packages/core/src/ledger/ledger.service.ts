import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound } from '../kernel/access.js';
import type { TuopinContext } from '../kernel/context.js';
import { ConflictError, IssueCollector, RuleViolationError, ValidationError } from '../kernel/errors.js';
import { compareMoney, formatMoney, parseMoney, subtractMoney } from '../kernel/money.js';
import { todayOf } from '../kernel/settings.js';
import { inTransaction } from '../kernel/transaction.js';
import { assertEarmarkCovers, lockFundEarmark } from '../fund/fund-earmark.js';
import { fundLoader } from '../fund/fund.loaders.js';
import { projectLoader } from '../project/project.loaders.js';
import { checkAmount, checkText, optionalText } from '../project/project.validation.js';
import { assertCanDisburseAt, assertCanManageFundAt, assertCanManageProjectAt } from '../project/place-scope.js';
import { lockProject, touchFund, touchProject } from '../project/touch.js';
import { notifyLedgerEntriesReversed } from './ledger-hooks.js';
import { visibleLedgerEntryLoader } from './ledger.loaders.js';
import type { LedgerKind } from './ledger-entry.entity.js';
import type { LedgerEntryRow } from './ledger-rows.js';
import { liveEntry } from './ledger-sql.js';

/**
 * The fund ledger's three writes. The invariants — allocations never exceed their fund,
 * disbursements never exceed their allocation, one reversal per entry, no reversal of an
 * allocation with payments left — are checked inside the transaction after locking the row
 * whose balance is at stake (SELECT … FOR UPDATE takes a row lock without updating, so the
 * append-only trigger is not involved). Writers of the same balance therefore queue, and the
 * sum each one reads includes every entry committed before it.
 *
 * Locks are always taken in the order allocation → fund → project, so that two writes never
 * wait for each other in a cycle.
 *
 * A fund earmarked for an area (`fund-earmark.ts`) pays only for projects in it, whoever writes.
 *
 * Who may write: a fund manager (role) — for payments and their reversal also a holder of
 * `core.ledger.disburse` — whose scope holds both the fund's managing area and the project's place — money moves between the two, and each side answers for it. An entry the
 * caller sees from neither side does not exist for him (NotFoundError); one he sees from one side
 * only he may read, not act on (ForbiddenError).
 */

/** Projects that may receive money: approved and not yet accepted, cancelled or suspended. */
const FUNDABLE = ['APPROVED', 'UNDER_CONSTRUCTION', 'COMPLETED'];
/** Projects that may be paid for: from the start of work; final payments often follow acceptance. */
const PAYABLE = ['UNDER_CONSTRUCTION', 'COMPLETED', 'ACCEPTED'];

const alreadyReversed = () => new ConflictError('entryId', '该记录已冲销，一条记录只能冲销一次', 'This entry has been reversed already; an entry is reversed at most once');

const LEDGER_CONSTRAINT_ERRORS = { ledger_entry_one_reversal_per_entry: alreadyReversed };

export interface EntryFields {
  amount: string;
  /** The business date; today when omitted. */
  date?: string | null;
  voucherNo?: string | null;
  memo?: string | null;
}

/** Checks an entry's date and texts (and its amount, when it has one of its own); throws every issue. */
function checkEntry(ctx: TuopinContext, fields: Omit<EntryFields, 'amount'> & { amount?: string }, options: { voucher: boolean; memoField: 'memo' | 'reason' }) {
  const today = todayOf(ctx.settings);
  const date = fields.date ?? today;
  const voucherNo = optionalText(fields.voucherNo);
  const memo = optionalText(fields.memo);
  const issues = new IssueCollector();
  if (fields.amount !== undefined) checkAmount(issues, 'amount', fields.amount, false);
  if (date > today) issues.add('date', '日期不能晚于今天', 'The date cannot be in the future');
  checkText(issues, 'voucherNo', voucherNo, 64, options.voucher);
  // A reversal's memo is its reason, which it must give.
  checkText(issues, options.memoField, memo, 500, options.memoField === 'reason');
  issues.throwIfAny();
  return { date, voucherNo, memo };
}

async function insertEntry(
  em: EntityManager,
  entry: { kind: LedgerKind; fundId: number; projectId: number; allocationId?: number; reversesId?: number; amount: string; date: string; voucherNo: string | null; memo: string | null; recordedBy: string },
): Promise<number> {
  const [row] = await em.execute<{ id: number }[]>(
    `insert into ledger_entry (kind, fund_id, project_id, allocation_id, reverses_id, amount, entry_date, voucher_no, memo, recorded_by)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
    [entry.kind, entry.fundId, entry.projectId, entry.allocationId ?? null, entry.reversesId ?? null, entry.amount, entry.date, entry.voucherNo, entry.memo, entry.recordedBy],
  );
  return row.id;
}

async function liveSum(em: EntityManager, where: string, params: unknown[]): Promise<string> {
  const [row] = await em.execute<{ total: string }[]>(
    `select coalesce(sum(e.amount), 0)::text as total from ledger_entry e where ${where} and ${liveEntry('e')}`,
    params,
  );
  return formatMoney(parseMoney(row.total)!);
}

async function isReversed(em: EntityManager, entryId: number): Promise<boolean> {
  const rows = await em.execute('select 1 from ledger_entry where reverses_id = ?', [entryId]);
  return rows.length > 0;
}

/** Locks the project, checks its status and returns its place as committed now. */
async function requireProjectStatus(em: EntityManager, projectId: number, allowed: string[], field: string, whatZh: string, whatEn: string): Promise<string> {
  const { status, place_code } = await lockProject(em, projectId);
  if (!allowed.includes(status)) {
    throw new RuleViolationError(field, `项目当前状态（${status}）不能${whatZh}`, `A project in status ${status} cannot ${whatEn}; allowed: ${allowed.join(', ')}`);
  }
  return place_code;
}

/**
 * Allocates money from a fund to a project (资金安排); returns the allocation's id. Never beyond
 * the fund's balance, under the fund's row lock. Called with `{ ...ctx, em }` inside a plugin's
 * `inTransaction`, it joins that transaction as a savepoint (as `disburseFunds` does).
 */
export async function allocateFunds(ctx: TuopinContext, input: EntryFields & { fundId: number; projectId: number }): Promise<number> {
  const entry = { amount: input.amount, ...checkEntry(ctx, input, { voucher: false, memoField: 'memo' }) };
  const fund = await fundLoader(ctx).load(input.fundId);
  if (!fund) throw notFound('fundId', '资金', 'Fund');
  const project = await projectLoader(ctx).load(input.projectId);
  if (!project) throw notFound('projectId', '项目', 'Project');
  assertCanManageFundAt(ctx, fund.areaCode, 'fundId');
  assertCanManageProjectAt(ctx, project.placeCode, 'projectId');

  // Checked before any lock for a quick answer, and again under the locks, where it holds.
  assertEarmarkCovers(fund.earmarkAreaCode ?? null, project.placeCode, 'projectId');

  return inTransaction(ctx, LEDGER_CONSTRAINT_ERRORS, async (em) => {
    const earmark = await lockFundEarmark(em, fund.id);
    const place = await requireProjectStatus(em, project.id, FUNDABLE, 'projectId', '安排资金（须已批复且未验收、撤销或暂停）', 'receive allocations');
    assertEarmarkCovers(earmark, place, 'projectId');
    const allocated = await liveSum(em, `e.fund_id = ? and e.kind = 'ALLOCATION'`, [fund.id]);
    const balance = subtractMoney(fund.amount, allocated);
    if (compareMoney(entry.amount, balance) > 0) {
      throw new RuleViolationError('amount', `超出资金可安排余额（${balance}元）`, `The amount exceeds what the fund has left to allocate (${balance} yuan)`);
    }
    const id = await insertEntry(em, { ...entry, kind: 'ALLOCATION', fundId: fund.id, projectId: project.id, recordedBy: ctx.principal.id });
    await touchFund(em, fund.id);
    await touchProject(em, project.id);
    return id;
  });
}

/**
 * The entry, of the expected kind, for a write: entries the caller sees from neither side are not
 * found; the caller's scope must hold both its fund and its project. A payment, or the reversal
 * of one (`pay`), takes a caller who may pay (`assertCanDisburseAt`); anything else a fund manager.
 */
async function loadManagedEntry(ctx: TuopinContext, id: number, kinds: LedgerKind[], field: string, write: 'manage' | 'pay' = 'manage'): Promise<LedgerEntryRow> {
  const entry = await visibleLedgerEntryLoader(ctx).load(id);
  if (!entry || !kinds.includes(entry.kind)) throw notFound(field, '台账记录', 'Ledger entry');
  if (write === 'pay') {
    assertCanDisburseAt(ctx, entry.fundAreaCode, entry.projectPlaceCode, field);
  } else {
    assertCanManageFundAt(ctx, entry.fundAreaCode, field);
    assertCanManageProjectAt(ctx, entry.projectPlaceCode, field);
  }
  return entry;
}

/**
 * An allocation the caller may pay against: NotFoundError when he sees neither its fund nor its
 * project, ForbiddenError unless he may pay (a fund manager or `core.ledger.disburse`) and his
 * scope holds both. A plugin that pays through `disburseFunds` checks this first, before it reads
 * anything else about the allocation.
 */
export function requireManagedAllocation(ctx: TuopinContext, allocationId: number, field = 'allocationId'): Promise<LedgerEntryRow> {
  return loadManagedEntry(ctx, allocationId, ['ALLOCATION'], field, 'pay');
}

/**
 * Pays against an allocation (报账); returns the disbursement's id. Called with a context whose
 * `em` is inside a transaction (`{ ...ctx, em }` in a plugin's `inTransaction`), it joins that
 * transaction as a savepoint: the payment commits or rolls back with the caller's other writes.
 */
export async function disburseFunds(ctx: TuopinContext, input: EntryFields & { allocationId: number }): Promise<number> {
  const entry = { amount: input.amount, ...checkEntry(ctx, input, { voucher: true, memoField: 'memo' }) };
  const allocation = await loadManagedEntry(ctx, input.allocationId, ['ALLOCATION'], 'allocationId', 'pay');
  if (entry.date < allocation.entryDate) {
    throw ValidationError.of('date', `报账日期不能早于资金安排日期（${allocation.entryDate}）`, `A payment cannot be dated before its allocation (${allocation.entryDate})`);
  }

  return inTransaction(ctx, LEDGER_CONSTRAINT_ERRORS, async (em) => {
    await em.execute(`select id from ledger_entry where id = ? for update`, [allocation.id]);
    const earmark = await lockFundEarmark(em, allocation.fundId);
    const place = await requireProjectStatus(em, allocation.projectId, PAYABLE, 'allocationId', '报账（须已开工）', 'be paid for');
    // The allocation was inside the earmark, and neither a move nor a narrowing can leave it
    // outside while it is live; checked all the same, as money leaves here.
    assertEarmarkCovers(earmark, place, 'allocationId');
    if (await isReversed(em, allocation.id)) {
      throw new RuleViolationError('allocationId', '该资金安排已冲销，不能再报账', 'This allocation has been reversed; nothing can be paid against it');
    }
    const paid = await liveSum(em, `e.allocation_id = ? and e.kind = 'DISBURSEMENT'`, [allocation.id]);
    const balance = subtractMoney(allocation.amount, paid);
    if (compareMoney(entry.amount, balance) > 0) {
      throw new RuleViolationError('amount', `超出该资金安排的可报账余额（${balance}元）`, `The amount exceeds what is left of the allocation (${balance} yuan)`);
    }
    const id = await insertEntry(em, {
      ...entry,
      kind: 'DISBURSEMENT',
      fundId: allocation.fundId,
      projectId: allocation.projectId,
      allocationId: allocation.id,
      recordedBy: ctx.principal.id,
    });
    await touchFund(em, allocation.fundId);
    await touchProject(em, allocation.projectId);
    return id;
  });
}

/**
 * Reverses an allocation or a disbursement (冲销) with an entry of the same amount. A reversed
 * disbursement gives its amount back to the allocation; an allocation can be reversed only once
 * no live payment is left against it, which gives its amount back to the fund. The enabled
 * plugins' `onLedgerEntriesReversed` run in the same transaction (`ledger-hooks.ts`).
 */
export async function reverseLedgerEntry(
  ctx: TuopinContext,
  input: { entryId: number; entryKind: 'ALLOCATION' | 'DISBURSEMENT'; reason: string; date?: string | null; voucherNo?: string | null },
): Promise<number> {
  const fields = checkEntry(ctx, { date: input.date, voucherNo: input.voucherNo, memo: input.reason }, { voucher: false, memoField: 'reason' });
  // Reversing a payment corrects it, which whoever may pay may do; an allocation is the fund manager's.
  const entry = await loadManagedEntry(ctx, input.entryId, [input.entryKind], 'entryId', input.entryKind === 'DISBURSEMENT' ? 'pay' : 'manage');
  if (fields.date < entry.entryDate) {
    throw ValidationError.of('date', `冲销日期不能早于原记录日期（${entry.entryDate}）`, `A reversal cannot be dated before the entry it reverses (${entry.entryDate})`);
  }
  const allocationId = entry.kind === 'ALLOCATION' ? entry.id : entry.allocationId!;

  return inTransaction(ctx, LEDGER_CONSTRAINT_ERRORS, async (em) => {
    await em.execute(`select id from ledger_entry where id = ? for update`, [allocationId]);
    await em.execute('select id from fund where id = ? for update', [entry.fundId]);
    await lockProject(em, entry.projectId);
    if (await isReversed(em, entry.id)) throw alreadyReversed();
    if (entry.kind === 'ALLOCATION') {
      const paid = await liveSum(em, `e.allocation_id = ? and e.kind = 'DISBURSEMENT'`, [entry.id]);
      if (compareMoney(paid, '0') > 0) {
        throw new RuleViolationError('entryId', `该资金安排下仍有${paid}元报账记录，请先冲销报账`, `${paid} yuan has been paid against this allocation; reverse those disbursements first`);
      }
    }
    const id = await insertEntry(em, {
      kind: 'REVERSAL',
      fundId: entry.fundId,
      projectId: entry.projectId,
      reversesId: entry.id,
      amount: entry.amount,
      date: fields.date,
      voucherNo: fields.voucherNo,
      memo: fields.memo,
      recordedBy: ctx.principal.id,
    });
    await touchFund(em, entry.fundId);
    await touchProject(em, entry.projectId);
    await notifyLedgerEntriesReversed(ctx, em, [{ entryId: entry.id, kind: entry.kind as 'ALLOCATION' | 'DISBURSEMENT', reversalId: id, fundId: entry.fundId, projectId: entry.projectId }]);
    return id;
  });
}
