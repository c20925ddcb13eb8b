/**
 * 识别 vocabularies: the ten exclusions (十个不纳入) checked for every applicant, the exceptions the
 * rules allow to three of them, and how an application ended. Each value maps to its bilingual
 * description; the GraphQL enums and the database checks use the keys.
 */
import { enumOf } from '../kernel/enum-values.js';

export const IDENTIFICATION_EXCLUSIONS = {
  HOUSING: '（一）住房装修豪华或在城镇购买商品房 A well-decorated house, or a flat bought in town',
  DURABLES: '（二）拥有空调、电脑等高档耐用消费品 Air conditioners, computers or other high-end durables',
  VEHICLES: '（三）拥有大型车辆、轿车、船舶、机械 Large vehicles, cars, boats or machinery',
  PUBLIC_PAYROLL: '（四）父母或子女有财政供养人员（含村干部） A parent or child on the public payroll, village cadres included',
  BUSINESS: '（五）经营规模较大、雇佣他人的企业 A sizeable business that employs others',
  LABOURER_AWAY: '（六）主要劳动力外出一年以上 The main labourer away for more than a year',
  IDLE_LAND: '（七）承包土地撂荒 Contracted land left idle',
  UNWILLING_OR_LAWBREAKING: '（八）有劳动能力不愿劳动或有严重违法行为 Able to work but unwilling, or serious law-breaking',
  SPLIT_OR_NOMINAL: '（九）拆户拼户、空挂户、带帽户 Households split, merged or registered on paper only',
  NOT_VOLUNTARY: '（十）非自愿申请 Not a voluntary applicant',
} as const;
export type IdentificationExclusion = keyof typeof IDENTIFICATION_EXCLUSIONS;

export const EXCLUSION_EXCEPTIONS = {
  DISASTER_REBUILDING: '灾后重建住房 A house rebuilt after a disaster (exclusion 1)',
  RELOCATION_HOUSING: '易地扶贫搬迁安置房 Relocation housing (exclusion 1)',
  GIFT: '受赠所得 Received as a gift (exclusions 2 and 3)',
} as const;
export type ExclusionException = keyof typeof EXCLUSION_EXCEPTIONS;

/** The exceptions the rules allow, by exclusion; the others allow none. */
export const ALLOWED_EXCEPTIONS: Readonly<Partial<Record<IdentificationExclusion, readonly ExclusionException[]>>> = {
  HOUSING: ['DISASTER_REBUILDING', 'RELOCATION_HOUSING'],
  DURABLES: ['GIFT'],
  VEHICLES: ['GIFT'],
};

export const IDENTIFICATION_OUTCOMES = {
  OPEN: '办理中 Being processed',
  APPROVED: '已审批纳入 Approved: the household is registered as poor',
  REJECTED: '未通过 Rejected at a step',
} as const;
export type IdentificationOutcome = keyof typeof IDENTIFICATION_OUTCOMES;

export const IdentificationExclusionEnum = enumOf(IDENTIFICATION_EXCLUSIONS);
export const ExclusionExceptionEnum = enumOf(EXCLUSION_EXCEPTIONS);
export const IdentificationOutcomeEnum = enumOf(IDENTIFICATION_OUTCOMES);
