import { notFound } from '../kernel/access.js';
import type { TuopinContext } from '../kernel/context.js';
import { IssueCollector, RuleViolationError, ValidationError } from '../kernel/errors.js';
import { inTransaction } from '../kernel/transaction.js';
import { daysInMonth, monthSpan } from './dates.js';
import { assertCanRecordWorkTeams } from './work-team-access.js';
import { visibleTeamLoader } from './work-team.loaders.js';

export interface TeamDaysInput {
  teamId: number;
  year: number;
  month: number;
  days: number;
}

const tooMany = (year: number, month: number) =>
  ValidationError.of('days', `驻村天数不能超过${year}年${month}月的${daysInMonth(year, month)}天`, `A team cannot spend more than the ${daysInMonth(year, month)} days of ${year}-${String(month).padStart(2, '0')} in the village`);

/**
 * 驻村天数: the days a team spent in its villages in a month of its term, at most the month's
 * days (a check constraint holds it too). Recording a month again corrects it.
 */
export async function recordTeamDays(ctx: TuopinContext, input: TeamDaysInput): Promise<number> {
  assertCanRecordWorkTeams(ctx, null);
  const issues = new IssueCollector();
  if (!Number.isInteger(input.month) || input.month < 1 || input.month > 12) issues.add('month', '月份须为1–12', 'The month must be 1 to 12');
  if (input.year < 1900 || input.year > 2100) issues.add('year', '年份须在1900–2100之间', 'The year must be between 1900 and 2100');
  if (input.days < 0) issues.add('days', '天数不能为负', 'The days cannot be negative');
  issues.throwIfAny();
  if (input.days > daysInMonth(input.year, input.month)) throw tooMany(input.year, input.month);
  const team = await visibleTeamLoader(ctx).load(input.teamId);
  if (!team) throw notFound('teamId', '驻村工作队', 'Work team');
  const [first, last] = monthSpan(input.year, input.month);
  if (last < team.startsOn || first > team.endsOn) throw new RuleViolationError('month', '该月不在工作队任期内', 'The month is outside the team\'s term');
  return inTransaction(ctx, { work_team_days_in_month: () => tooMany(input.year, input.month) }, async (em) => {
    const [row] = await em.execute<{ id: number }[]>(
      `insert into work_team_days (team_id, year, month, days) values (?, ?, ?, ?)
       on conflict (team_id, year, month) do update set days = excluded.days returning id`,
      [team.id, input.year, input.month, input.days],
    );
    return row.id;
  });
}
