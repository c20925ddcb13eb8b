import { canReadRegistry, ConflictError, householdLoader, IssueCollector, isWithinScope, notFound, requireArea, RuleViolationError, SqlText, todayOf, type TuopinContext } from '@tuopin/core';
import { inHelpedArea, requireRecordablePairing } from '../access/record-access.js';
import { checkAmount, checkCount, checkNotFuture, checkText, checkWithinYears, checkYear, optionalText } from '../shared/checks.js';
import type { ExchangeDirection, ProducerKind, VisitKind } from '../shared/pairing-enums.js';
import { recordOnPairing } from '../shared/record-write.js';

const notFromHelpedArea = (field: string, whoZh: string, whoEn: string) =>
  new RuleViolationError(field, `${whoZh}不在受援地，不能计入该结对关系`, `The ${whoEn} is not from the helped area and cannot be counted for this pairing`);

export interface LabourInput {
  pairingId: number;
  memberId: number;
  destination: string;
  employer: string;
  startMonth: string;
  monthsWorked: number;
  organised: boolean;
}

/** The registered person's village, when the caller may read the registry there; otherwise not found. */
async function memberVillage(ctx: TuopinContext, memberId: number): Promise<string> {
  const [row] = await ctx.db.rows<{ village_code: string }>(
    new SqlText().append('select h.village_code from member m join household h on h.id = m.household_id where m.id = ?', memberId),
  );
  if (!row || !canReadRegistry(ctx.principal) || !isWithinScope(row.village_code, ctx.principal.areaScopes)) throw notFound('memberId', '成员', 'Member');
  return row.village_code;
}

/** One placement of a person on a pairing from a month: the form sent twice, or twice at once, meets this constraint. */
const LABOUR_ONCE = {
  pairing_labour_once: () => new ConflictError('memberId', '该成员自该月起的务工已登记', 'This person\'s placement from that month is recorded already'),
};

/** Records a registered person of the helped area placed in a job (劳务协作). */
export async function recordLabour(ctx: TuopinContext, input: LabourInput): Promise<number> {
  const destination = optionalText(input.destination);
  const employer = optionalText(input.employer);
  const issues = new IssueCollector();
  checkText(issues, 'destination', destination, 128, true);
  checkText(issues, 'employer', employer, 128, true);
  if (!input.startMonth.endsWith('-01')) issues.add('startMonth', '开始月份须为当月1日', 'The start month is given as its first day');
  checkNotFuture(issues, 'startMonth', input.startMonth, todayOf(ctx.settings));
  if (!Number.isInteger(input.monthsWorked) || input.monthsWorked < 0 || input.monthsWorked > 600) issues.add('monthsWorked', '务工月数须为0至600', 'Months worked must be from 0 to 600');
  issues.throwIfAny();
  const pairing = await requireRecordablePairing(ctx, input.pairingId);
  const villageCode = await memberVillage(ctx, input.memberId);
  if (!inHelpedArea(pairing, villageCode)) throw notFromHelpedArea('memberId', '该成员', 'person');
  const years = new IssueCollector();
  checkWithinYears(years, 'startMonth', input.startMonth, pairing);
  years.throwIfAny();
  return recordOnPairing(ctx, pairing, 'pairing_labour', {
    member_id: input.memberId,
    village_code: villageCode,
    destination,
    employer,
    start_month: input.startMonth,
    months_worked: input.monthsWorked,
    organised: input.organised,
  }, LABOUR_ONCE);
}

export interface PurchaseInput {
  pairingId: number;
  year: number;
  product: string;
  amount: string;
  producerKind: ProducerKind;
  householdId?: number | null;
  producerName?: string | null;
  producerAreaCode?: string | null;
}

/**
 * Records a purchase (消费帮扶) of a product of the helped area: a household producer is a
 * registered household there (which only the helped side can name); a cooperative or enterprise
 * gives its name and the place it is in, which must be in the helped area.
 */
export async function recordPurchase(ctx: TuopinContext, input: PurchaseInput): Promise<number> {
  const product = optionalText(input.product);
  const producerName = optionalText(input.producerName);
  const household = input.producerKind === 'HOUSEHOLD';
  const issues = new IssueCollector();
  checkYear(issues, 'year', input.year, todayOf(ctx.settings));
  checkText(issues, 'product', product, 128, true);
  checkAmount(issues, 'amount', input.amount, false);
  if (household !== (input.householdId != null)) issues.add('householdId', '农户生产者须填写户，合作社和企业不填', 'A household producer names the household; a cooperative or enterprise does not');
  if (!household) {
    checkText(issues, 'producerName', producerName, 128, true);
    if (input.producerAreaCode == null) issues.add('producerAreaCode', '须填写合作社或企业所在地', 'Give the place of the cooperative or enterprise');
  }
  issues.throwIfAny();
  const pairing = await requireRecordablePairing(ctx, input.pairingId);
  let producerAreaCode: string;
  if (household) {
    const row = await householdLoader(ctx).load(input.householdId!);
    if (!row) throw notFound('householdId', '户', 'Household');
    if (!inHelpedArea(pairing, row.villageCode)) throw notFromHelpedArea('householdId', '该户', 'household');
    producerAreaCode = row.villageCode;
  } else {
    producerAreaCode = (await requireArea(ctx.em, input.producerAreaCode!, 'producerAreaCode')).code;
    if (!inHelpedArea(pairing, producerAreaCode)) throw notFromHelpedArea('producerAreaCode', '该生产者', 'producer');
  }
  return recordOnPairing(ctx, pairing, 'pairing_purchase', {
    year: input.year,
    product,
    amount: input.amount,
    producer_kind: input.producerKind,
    producer_name: household ? null : producerName,
    household_id: household ? input.householdId : null,
    producer_area_code: producerAreaCode,
  });
}

export interface InvestmentInput {
  pairingId: number;
  year: number;
  enterprise: string;
  amount: string;
  placeCode: string;
  jobsForRegistered: number;
  peopleLifted: number;
}

/** Records an enterprise of the helper investing in the helped area (产业合作). */
export async function recordInvestment(ctx: TuopinContext, input: InvestmentInput): Promise<number> {
  const enterprise = optionalText(input.enterprise);
  const issues = new IssueCollector();
  checkYear(issues, 'year', input.year, todayOf(ctx.settings));
  checkText(issues, 'enterprise', enterprise, 128, true);
  checkAmount(issues, 'amount', input.amount, false);
  checkCount(issues, 'jobsForRegistered', input.jobsForRegistered);
  checkCount(issues, 'peopleLifted', input.peopleLifted);
  issues.throwIfAny();
  const pairing = await requireRecordablePairing(ctx, input.pairingId);
  const place = await requireArea(ctx.em, input.placeCode, 'placeCode');
  if (!inHelpedArea(pairing, place.code)) throw new RuleViolationError('placeCode', '投资地点须在受援地', 'The investment must be in the helped area');
  return recordOnPairing(ctx, pairing, 'pairing_investment', {
    year: input.year,
    enterprise,
    amount: input.amount,
    place_code: place.code,
    jobs_for_registered: input.jobsForRegistered,
    people_lifted: input.peopleLifted,
  });
}

export interface VisitInput {
  pairingId: number;
  kind: VisitKind;
  direction: ExchangeDirection;
  heldOn: string;
  delegation: string;
  host: string;
  note?: string | null;
}

/** Records a visit or joint meeting, either way, within the pairing's years. */
export async function recordVisit(ctx: TuopinContext, input: VisitInput): Promise<number> {
  const delegation = optionalText(input.delegation);
  const host = optionalText(input.host);
  const note = optionalText(input.note);
  const issues = new IssueCollector();
  checkText(issues, 'delegation', delegation, 200, true);
  checkText(issues, 'host', host, 200, true);
  checkText(issues, 'note', note, 500, false);
  checkNotFuture(issues, 'heldOn', input.heldOn, todayOf(ctx.settings));
  issues.throwIfAny();
  const pairing = await requireRecordablePairing(ctx, input.pairingId);
  const years = new IssueCollector();
  checkWithinYears(years, 'heldOn', input.heldOn, pairing);
  years.throwIfAny();
  return recordOnPairing(ctx, pairing, 'pairing_visit', { kind: input.kind, direction: input.direction, held_on: input.heldOn, delegation, host, note });
}
