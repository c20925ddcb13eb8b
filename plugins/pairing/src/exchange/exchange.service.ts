import { IssueCollector, pgTextArray, type TuopinContext } from '@tuopin/core';
import { requireRecordablePairing } from '../access/record-access.js';
import { checkText, checkWithinYears, optionalText } from '../shared/checks.js';
import type { ExchangeCategory, ExchangeDirection } from '../shared/pairing-enums.js';
import { recordOnPairing } from '../shared/record-write.js';

export interface ExchangeInput {
  pairingId: number;
  direction: ExchangeDirection;
  category: ExchangeCategory;
  personName: string;
  hostInstitution: string;
  startDate: string;
  endDate?: string | null;
  subjects?: readonly string[] | null;
}

/**
 * Records a person exchanged (人才交流), either way: the stay ends on or after its start, and both
 * dates fall within the pairing's years.
 */
export async function recordExchange(ctx: TuopinContext, input: ExchangeInput): Promise<number> {
  const personName = optionalText(input.personName);
  const hostInstitution = optionalText(input.hostInstitution);
  const subjects = (input.subjects ?? []).map((subject) => subject.trim());
  const endDate = input.endDate ?? null;
  const issues = new IssueCollector();
  checkText(issues, 'personName', personName, 64, true);
  checkText(issues, 'hostInstitution', hostInstitution, 128, true);
  if (subjects.length > 30) issues.add('subjects', '科目最多30个', 'At most 30 subjects');
  subjects.forEach((subject, i) => checkText(issues, `subjects[${i}]`, subject, 64, true));
  if (endDate !== null && endDate < input.startDate) issues.add('endDate', '结束日期不能早于开始日期', 'The end date cannot be before the start date');
  issues.throwIfAny();
  const pairing = await requireRecordablePairing(ctx, input.pairingId);
  const years = new IssueCollector();
  checkWithinYears(years, 'startDate', input.startDate, pairing);
  checkWithinYears(years, 'endDate', endDate, pairing);
  years.throwIfAny();
  return recordOnPairing(ctx, pairing, 'pairing_exchange', {
    direction: input.direction,
    category: input.category,
    person_name: personName,
    host_institution: hostInstitution,
    start_date: input.startDate,
    end_date: endDate,
    subjects: { placeholder: '?::text[]', value: pgTextArray(subjects) },
  });
}
