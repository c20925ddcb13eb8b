import { notFound } from '../kernel/access.js';
import type { TuopinContext } from '../kernel/context.js';
import { IssueCollector, RuleViolationError, ValidationError } from '../kernel/errors.js';
import { numericIdOf } from '../kernel/global-id.js';
import { parseMoney } from '../kernel/money.js';
import { todayOf } from '../kernel/settings.js';
import { inTransaction } from '../kernel/transaction.js';
import { membersByHouseholdLoader } from '../member/member.loaders.js';
import { assertCanAct } from '../workflow/workflow-actors.js';
import { workflowCaseLoader } from '../workflow/workflow.loaders.js';
import type { MeasureTypeDeclaration } from './measure-types.js';
import { loadMonitoringCase } from './monitoring.loaders.js';

export interface RecordMeasureInput {
  caseId: number;
  measureType: string;
  memberId?: number | null;
  description: string;
  amount?: string | null;
  startedOn: string;
  carriedOutOn?: string | null;
  /** The global ID of the plugin record the measure is (a loan); its type is the measure type's. */
  recordId?: string | null;
}

/**
 * Records a measure of help for an identified monitored household (帮扶措施), taken by the
 * village, which carries help out and keeps the household's plan. A measure linked to a plugin's
 * record must name a record of that type, in the caller's scope, of the same household.
 */
export async function recordMeasure(ctx: TuopinContext, types: ReadonlyMap<string, MeasureTypeDeclaration>, input: RecordMeasureInput): Promise<number> {
  const kase = await loadMonitoringCase(ctx, input.caseId);
  if (!kase) throw notFound('caseId', '监测事项', 'Monitoring case');
  assertCanAct(ctx, 'VILLAGE', kase.villageCode, 'caseId', '落实帮扶措施 Record a measure of help');
  const type = types.get(input.measureType)!;
  const today = todayOf(ctx.settings);
  const issues = new IssueCollector();
  if (!input.description.trim() || input.description.length > 500) issues.add('description', '措施内容须为1–500个字符', 'The description is 1–500 characters');
  if (input.amount != null && parseMoney(input.amount)! < 0n) issues.add('amount', '金额不能为负数', 'The amount cannot be negative');
  if (input.startedOn > today) issues.add('startedOn', '开始日期不能晚于今天', 'A measure cannot start in the future');
  if (input.startedOn < kase.leadDate) {
    issues.add('startedOn', `措施开始日期不能早于监测线索日期（${kase.leadDate}）`, `A measure cannot start before the case's lead (${kase.leadDate})`);
  }
  if (input.carriedOutOn && (input.carriedOutOn < input.startedOn || input.carriedOutOn > today)) {
    issues.add('carriedOutOn', '落实日期须在开始日期与今天之间', 'A measure is carried out between its start and today');
  }
  if (input.recordId != null && !type.record) issues.add('recordId', '该类措施不关联业务记录', `A measure of type ${input.measureType} links to no record`);
  issues.throwIfAny();
  if (kase.decision !== 'IDENTIFIED' || kase.eliminatedOn) {
    throw new RuleViolationError('caseId', '只有已确定且未消除风险的监测对象才能落实帮扶措施', 'Measures are recorded for a household identified for monitoring whose risk is not eliminated');
  }
  const householdId = (await workflowCaseLoader(ctx).load(kase.id))!.householdId;
  if (input.memberId != null) {
    const members = householdId == null ? [] : await membersByHouseholdLoader(ctx).load(householdId);
    if (!members.some((member) => member.id === input.memberId)) throw notFound('memberId', '该户成员', 'Member of this household');
  }
  let recordId: number | null = null;
  if (input.recordId != null && type.record) {
    recordId = numericIdOf(input.recordId, type.record.type, 'recordId');
    const record = await type.record.load(ctx, recordId);
    if (!record) throw notFound('recordId', '业务记录', type.record.type);
    if (record.householdId !== householdId) {
      throw new RuleViolationError('recordId', '关联的业务记录不属于该户', 'The linked record belongs to another household');
    }
  }
  if (recordId === null && input.recordId != null) throw ValidationError.of('recordId', '无效的记录', 'Not a record of this measure type');

  return inTransaction(ctx, {}, async (em) => {
    const [row] = await em.execute<{ id: number }[]>(
      `insert into monitoring_measure (case_id, village_code, measure_type, member_id, description, amount, started_on, carried_out_on, record_type, record_id, recorded_by)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
      [kase.id, kase.villageCode, input.measureType, input.memberId ?? null, input.description.trim(), input.amount ?? null, input.startedOn, input.carriedOutOn ?? null, type.record && recordId !== null ? type.record.type : null, recordId, ctx.principal.id],
    );
    return row.id;
  });
}
