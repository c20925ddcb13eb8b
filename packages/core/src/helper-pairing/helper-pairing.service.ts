import { provinceOf } from '../area/area-tree.js';
import { householdLoader } from '../household/household.loaders.js';
import { notFound } from '../kernel/access.js';
import { isWithinScope } from '../kernel/area-scope.js';
import type { TuopinContext } from '../kernel/context.js';
import { ConflictError, RuleViolationError, ValidationError } from '../kernel/errors.js';
import { todayOf } from '../kernel/settings.js';
import { inTransaction } from '../kernel/transaction.js';
import { CADRE_RANKS, type CadreRank } from '../work-team/work-team-enums.js';
import { assertCanRecordWorkTeams, assertInArea } from '../work-team/work-team-access.js';
import { cadreLoader } from '../work-team/work-team.loaders.js';
import { workTeamRulesFor } from '../work-team/work-team.settings.js';
import { pairingLoader } from './helper-pairing.loaders.js';

const secondHelper = () => new ConflictError('householdId', '该户已有帮扶责任人', 'The household already has a helper');

/**
 * 结对帮扶: pairs a cadre of the household's county with a registered household, within the
 * caller's areas. A household has one active helper (a unique index), and a helper at most as
 * many households as his rank allows in the province (a setting): the count is taken under a lock
 * of the cadre's row, so concurrent pairings never pass the cap.
 */
export async function pairHelper(ctx: TuopinContext, input: { cadreId: number; householdId: number; startsOn?: string | null }): Promise<number> {
  assertCanRecordWorkTeams(ctx, null);
  const household = await householdLoader(ctx).load(input.householdId);
  if (!household) throw notFound('householdId', '户', 'Household');
  assertInArea(ctx, household.villageCode, 'householdId');
  const cadre = await cadreLoader(ctx).load(input.cadreId);
  // A cadre helps households of the county that keeps his record; any other is as good as absent.
  if (!cadre || !isWithinScope(household.villageCode, [cadre.areaCode.slice(0, 6)])) throw notFound('cadreId', '干部', 'Cadre');
  const startsOn = input.startsOn ?? todayOf(ctx.settings);
  const cap = workTeamRulesFor(ctx.settings, provinceOf(household.villageCode)).helperCaps[cadre.rank as CadreRank];
  const pairingId = await inTransaction(ctx, { helper_pairing_one_active_helper: secondHelper }, async (em) => {
    await em.execute('select id from cadre where id = ? for update', [cadre.id]);
    const [taken] = await em.execute<{ n: string; mine: boolean }[]>(
      'select count(*) as n, bool_or(household_id = ?) as mine from helper_pairing where cadre_id = ? and ended_on is null',
      [household.id, cadre.id],
    );
    if (taken.mine) throw secondHelper();
    if (cap !== undefined && Number(taken.n) >= cap) {
      const rank = CADRE_RANKS[cadre.rank as CadreRank];
      throw new RuleViolationError('cadreId', `该干部（${rank.split(' ')[0]}）最多结对帮扶${cap}户，已满`, `This helper (${rank.split(' ').slice(1).join(' ')}) may be paired with at most ${cap} households, and is`);
    }
    const [row] = await em.execute<{ id: number }[]>(
      'insert into helper_pairing (cadre_id, household_id, village_code, starts_on) values (?, ?, ?, ?) returning id',
      [cadre.id, household.id, household.villageCode, startsOn],
    );
    return row.id;
  });
  // The cadre is now seen in the household's village too: the payload must not read him as loaded before.
  cadreLoader(ctx).clear(cadre.id);
  return pairingId;
}

/**
 * Ends a pairing (the helper is moved, the household leaves the registry): from then on the
 * household needs another helper and the cadre has room for another household. Only a pairing
 * still active is ended, so of two concurrent ends one wins and the other is a conflict.
 */
export async function endHelperPairing(ctx: TuopinContext, input: { pairingId: number; endedOn: string }): Promise<number> {
  assertCanRecordWorkTeams(ctx, null);
  const pairing = await pairingLoader(ctx).load(input.pairingId);
  if (!pairing) throw notFound('pairingId', '结对帮扶', 'Helper pairing');
  const ended = () => new ConflictError('pairingId', '该结对已结束', 'The pairing has already ended');
  if (pairing.endedOn != null) throw ended();
  if (input.endedOn < pairing.startsOn || input.endedOn > todayOf(ctx.settings)) {
    throw new RuleViolationError('endedOn', '结束日须不早于结对开始且不晚于今天', 'The pairing cannot end before it started or in the future');
  }
  await inTransaction(ctx, {}, async (em) => {
    const rows = await em.execute<{ id: number }[]>('update helper_pairing set ended_on = ? where id = ? and ended_on is null returning id', [input.endedOn, pairing.id]);
    if (rows.length === 0) throw ended();
  });
  pairingLoader(ctx).clear(pairing.id);
  return pairing.id;
}

const VISIT_NOTE_MAX = 2000;

/** 走访: a helper's visit to his household, on a day of the pairing and not in the future. */
export async function recordHelperVisit(ctx: TuopinContext, input: { pairingId: number; visitedOn: string; note: string }): Promise<number> {
  assertCanRecordWorkTeams(ctx, null);
  if (input.note.trim() === '') throw ValidationError.of('note', '走访记录不能为空', 'The note cannot be empty');
  // The column holds 2,000 characters (helper_visit_note_check): say so, rather than fail inside.
  if (input.note.trim().length > VISIT_NOTE_MAX) throw ValidationError.of('note', `走访记录不能超过${VISIT_NOTE_MAX}个字符`, `The note is at most ${VISIT_NOTE_MAX} characters`);
  const pairing = await pairingLoader(ctx).load(input.pairingId);
  if (!pairing) throw notFound('pairingId', '结对帮扶', 'Helper pairing');
  if (input.visitedOn < pairing.startsOn || (pairing.endedOn != null && input.visitedOn > pairing.endedOn) || input.visitedOn > todayOf(ctx.settings)) {
    throw new RuleViolationError('visitedOn', '走访日须在结对期间且不晚于今天', 'The visit must fall within the pairing and not in the future');
  }
  return inTransaction(ctx, {}, async (em) => {
    const [row] = await em.execute<{ id: number }[]>(
      'insert into helper_visit (pairing_id, household_id, village_code, visited_on, note) values (?, ?, ?, ?, ?) returning id',
      [pairing.id, pairing.householdId, pairing.villageCode, input.visitedOn, input.note.trim()],
    );
    return row.id;
  });
}
