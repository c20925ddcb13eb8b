import { inTransaction, IssueCollector, RuleViolationError, type TuopinContext } from '@tuopin/core';
import { lockRelocatedHousehold, requireRelocatedHousehold, touchRelocatedHousehold } from '../household/household-lock.js';
import { MOVED_IN_OR_LATER } from '../household/life-cycle.js';
import { stepDate } from '../household/steps.service.js';
import { checkCount, checkText } from '../shared/checks.js';

export interface SupportInput {
  relocatedHouseholdId: number;
  kind: string;
  /** People the measure reaches; for employment, the people employed (at least one). */
  people?: number | null;
  startedOn?: string | null;
  note: string;
}

/** 后续扶持: a measure of follow-up support for a household that has moved in (搬得出、稳得住、能致富). */
export async function addSupport(ctx: TuopinContext, input: SupportInput): Promise<number> {
  await requireRelocatedHousehold(ctx, input.relocatedHouseholdId);
  const issues = new IssueCollector();
  checkText(issues, 'note', input.note, 500, '扶持内容', 'The note');
  const people = input.people ?? 0;
  checkCount(issues, 'people', people, input.kind === 'EMPLOYMENT' ? 1 : 0, 50, input.kind === 'EMPLOYMENT' ? '就业人数' : '人数', input.kind === 'EMPLOYMENT' ? 'People employed' : 'People');
  issues.throwIfAny();
  return inTransaction(ctx, {}, async (em) => {
    const household = await lockRelocatedHousehold(em, input.relocatedHouseholdId);
    if (!MOVED_IN_OR_LATER.includes(household.status)) {
      throw new RuleViolationError('relocatedHouseholdId', '后续扶持从入住后开始', 'Follow-up support starts once the household has moved in');
    }
    if (people > household.people_moved) {
      throw new RuleViolationError('people', `人数不能超过搬迁人数（${household.people_moved}）`, `People cannot exceed the people moved (${household.people_moved})`);
    }
    const day = stepDate(ctx, 'startedOn', input.startedOn, household.move_in_date, '开始日期', 'The start date');
    const [row] = await em.execute<{ id: number }[]>(
      'insert into relocation_support (relocated_household_id, village_code, kind, people, started_on, note) values (?, ?, ?, ?, ?, ?) returning id',
      [household.id, household.village_code, input.kind, people, day, input.note.trim()],
    );
    await touchRelocatedHousehold(em, household);
    return row.id;
  });
}
