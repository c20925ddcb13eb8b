import { provinceOf } from '../area/area-tree.js';
import { areaLoader } from '../area/area.loaders.js';
import { notFound } from '../kernel/access.js';
import type { TuopinContext } from '../kernel/context.js';
import { IssueCollector, RuleViolationError } from '../kernel/errors.js';
import { todayOf } from '../kernel/settings.js';
import { inTransaction } from '../kernel/transaction.js';
import { assertCanAct } from '../workflow/workflow-actors.js';
import { openCase, takeStep, type StepRequest } from '../workflow/workflow-steps.service.js';
import { workflowCaseLoader } from '../workflow/workflow.loaders.js';
import { exitIncidenceThresholdFor } from './exit.settings.js';
import { VILLAGE_EXIT_WORKFLOW } from './exit.workflows.js';
import { assertIncidenceUnder, incidenceOf } from './poverty-incidence.js';

/** 出列 checklist: what a village must have besides its incidence, each met with its evidence. */
export const VILLAGE_CHECKLIST = {
  ROADS: '通硬化路 Hardened road to the village',
  WATER: '安全饮水 Safe drinking water',
  ELECTRICITY: '通生活用电 Household electricity',
  SERVICES: '基本公共服务（卫生室、文化室、通信） Basic services: clinic, culture room, telecommunications',
  COLLECTIVE_INCOME: '村集体经济收入 Collective income of the village',
} as const;
export type ChecklistItem = keyof typeof VILLAGE_CHECKLIST;

export interface ChecklistInput {
  item: ChecklistItem;
  met: boolean;
  evidence: string;
}

export interface ProposeVillageExitInput {
  villageCode: string;
  exitYear: number;
  checklist: ChecklistInput[];
  date?: string | null;
  note?: string | null;
}

const ONCE = {
  village_exit_once: () => new RuleViolationError('villageCode', '该村当年已申请出列', 'This village has already applied to exit in that year'),
};

/** Every item once, met, with its evidence; refused naming the item (`checklist.ROADS`). */
function checkChecklist(issues: IssueCollector, checklist: readonly ChecklistInput[]): void {
  for (const item of Object.keys(VILLAGE_CHECKLIST) as ChecklistItem[]) {
    const entries = checklist.filter((entry) => entry.item === item);
    const [zh, ...en] = VILLAGE_CHECKLIST[item].split(' ');
    const field = `checklist.${item}`;
    if (entries.length !== 1) issues.add(field, `须且只须填写一次“${zh}”`, `Give ${en.join(' ')} exactly once`);
    else if (!entries[0].met) issues.add(field, `“${zh}”未达标，不能出列`, `${en.join(' ')} is not met: the village cannot exit`);
    else if (!entries[0].evidence.trim() || entries[0].evidence.length > 500) issues.add(field, `“${zh}”须附1–500字的佐证`, `${en.join(' ')} needs evidence of 1–500 characters`);
  }
}

/**
 * Opens a poverty village's exit. Refused, naming the field: not a designated poverty village, or
 * one already exited; a checklist item missing, unmet or without evidence; incidence not under
 * the province's threshold (both named in the message).
 */
export async function proposeVillageExit(ctx: TuopinContext, input: ProposeVillageExitInput): Promise<number> {
  const village = await areaLoader(ctx).load(input.villageCode);
  if (!village || village.level !== 'VILLAGE') throw notFound('villageCode', '行政村', 'Village');
  const first = VILLAGE_EXIT_WORKFLOW.steps[0];
  assertCanAct(ctx, first.actor, village.code, 'villageCode', first.title);
  const date = input.date ?? todayOf(ctx.settings);
  const issues = new IssueCollector();
  if (date > todayOf(ctx.settings)) issues.add('date', '申请日期不能晚于今天', 'The proposal cannot be dated in the future');
  if (!Number.isInteger(input.exitYear) || input.exitYear > Number(date.slice(0, 4)) || input.exitYear < 2000) {
    issues.add('exitYear', '出列年度不能晚于申请年度', 'The exit year cannot be after the year of the proposal');
  }
  if (input.note != null && input.note.length > 2000) issues.add('note', '说明不能超过2000个字符', 'A note is at most 2,000 characters');
  checkChecklist(issues, input.checklist);
  issues.throwIfAny();
  if (!village.isPovertyVillage) throw new RuleViolationError('villageCode', '该村不是贫困村', 'This village is not a designated poverty village');
  if (village.exitYear != null) throw new RuleViolationError('villageCode', `该村已于${village.exitYear}年出列`, `This village exited in ${village.exitYear}`);
  const threshold = exitIncidenceThresholdFor(ctx.settings, provinceOf(village.code));

  return inTransaction(ctx, ONCE, async (em) => {
    const incidence = await incidenceOf(em, village.code);
    assertIncidenceUnder(incidence, threshold, 'villageCode');
    const id = await openCase(em, ctx, VILLAGE_EXIT_WORKFLOW, { householdId: null, villageCode: village.code, date, note: input.note });
    await em.execute(
      `insert into village_exit (id, village_code, exit_year, poor_people, rural_population, threshold, checklist) values (?, ?, ?, ?, ?, ?, ?::jsonb)`,
      [id, village.code, input.exitYear, incidence.poorPeople, incidence.ruralPopulation, threshold, JSON.stringify(input.checklist.map(({ item, evidence }) => ({ item, evidence: evidence.trim() })))],
    );
    return id;
  });
}

/** Takes the next step of a village's exit; the county's approval checks the incidence again and records the village's exit year. */
export async function takeVillageExitStep(ctx: TuopinContext, input: StepRequest & { caseId: number }): Promise<number> {
  const kase = await workflowCaseLoader(ctx).load(input.caseId);
  if (!kase || kase.kind !== VILLAGE_EXIT_WORKFLOW.kind) throw notFound('caseId', '出列事项', 'Village exit');
  return inTransaction(ctx, {}, (em) =>
    takeStep(em, ctx, VILLAGE_EXIT_WORKFLOW, kase, input, {
      apply: async () => {
        if (input.step !== 'COUNTY_APPROVAL') return;
        const [exit] = await em.execute<{ exit_year: number; threshold: string }[]>(`select exit_year, threshold from village_exit where id = ?`, [kase.id]);
        assertIncidenceUnder(await incidenceOf(em, kase.villageCode), Number(exit.threshold), 'step');
        await em.execute(`update area set exit_year = ?, updated_at = now() where code = ? and exit_year is null`, [exit.exit_year, kase.villageCode]);
      },
    }),
  );
}
