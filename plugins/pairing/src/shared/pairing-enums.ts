/** The plugin's vocabularies, written once as `{ KEY: '中文 English' }` (see core's `enumOf`). */
import { enumOf } from '@tuopin/core';

export const PAIRING_KINDS = {
  EAST_WEST: '东西部扶贫协作 East–west cooperation: an eastern province or city helps a western one',
  WITHIN_PROVINCE: '省内对口帮扶 Paired assistance within a province',
  DESIGNATED_UNIT: '定点帮扶 A designated unit assigned to a county or village',
  TWINNING: '携手奔小康 Twinning below the pairings, at one of seven levels',
  SOCIAL: '社会帮扶 Social assistance by a foundation or company',
} as const;
export type PairingKind = keyof typeof PAIRING_KINDS;
export const PairingKindEnum = enumOf(PAIRING_KINDS);

export const TWINNING_LEVELS = {
  COUNTY_COUNTY: '县县结对 County with county',
  TOWNSHIP_TOWNSHIP: '乡镇结对 Township with township',
  VILLAGE_VILLAGE: '村村结对 Village with village',
  SCHOOL_SCHOOL: '学校结对 School with school',
  HOSPITAL_HOSPITAL: '医院结对 Hospital with hospital',
  ENTERPRISE_VILLAGE: '企业帮村 Enterprise with village',
  GROUP_VILLAGE: '社会组织帮村 Group with village',
} as const;
export type TwinningLevel = keyof typeof TWINNING_LEVELS;
export const TwinningLevelEnum = enumOf(TWINNING_LEVELS);

export const HELPER_KINDS = {
  AREA: '地区（省、市、县） An area: province, city or county',
  UNIT: '单位（机关、企事业单位） A unit: an office, institution or state enterprise',
  ORGANISATION: '社会组织或企业 A foundation, association or company',
} as const;
export type HelperKind = keyof typeof HELPER_KINDS;
export const HelperKindEnum = enumOf(HELPER_KINDS);

export const UNIT_LEVELS = {
  CENTRAL: '中央单位 Central',
  PROVINCIAL: '省级单位 Provincial',
  PREFECTURE: '市（州）级单位 Prefecture or city',
  COUNTY: '县级单位 County',
} as const;
export type UnitLevel = keyof typeof UNIT_LEVELS;
export const UnitLevelEnum = enumOf(UNIT_LEVELS);

export const HELPED_KINDS = {
  AREA: '地区（县、乡、村） An area: county, township or village',
  SCHOOL: '学校 A school',
  HOSPITAL: '医院 A hospital',
} as const;
export type HelpedKind = keyof typeof HELPED_KINDS;
export const HelpedKindEnum = enumOf(HELPED_KINDS);

export const PAIRING_STATUSES = {
  ACTIVE: '进行中 Active',
  ENDED: '已结束 Ended',
} as const;
export type PairingStatus = keyof typeof PAIRING_STATUSES;
export const PairingStatusEnum = enumOf(PAIRING_STATUSES);

export const AID_KINDS = {
  FISCAL: '财政援助 Fiscal aid',
  SOCIAL_DONATION: '社会帮扶捐赠 Social donation',
  IN_KIND: '实物（按申报价值） In kind, at its declared value',
  INTRODUCED: '引进资金 Money introduced',
} as const;
export type AidKind = keyof typeof AID_KINDS;
export const AidKindEnum = enumOf(AID_KINDS);

export const EXCHANGE_DIRECTIONS = {
  TO_HELPED: '派往受援地 To the helped area',
  TO_HELPER: '派往帮扶方 To the helper',
} as const;
export type ExchangeDirection = keyof typeof EXCHANGE_DIRECTIONS;
export const ExchangeDirectionEnum = enumOf(EXCHANGE_DIRECTIONS);

export const EXCHANGE_CATEGORIES = {
  CADRE: '挂职干部 Cadre on a temporary post',
  VICE_PRINCIPAL: '挂职副校长 Vice-principal on a temporary post',
  TEACHER: '教师 Teacher',
  MEDICAL: '医务人员 Medical staff',
  AGRICULTURAL_TECHNICIAN: '农业技术人员 Agricultural technician',
  OTHER: '其他专业人才 Other professional',
} as const;
export type ExchangeCategory = keyof typeof EXCHANGE_CATEGORIES;
export const ExchangeCategoryEnum = enumOf(EXCHANGE_CATEGORIES);

export const PRODUCER_KINDS = {
  HOUSEHOLD: '农户 A household',
  COOPERATIVE: '合作社 A cooperative',
  ENTERPRISE: '企业 An enterprise',
} as const;
export type ProducerKind = keyof typeof PRODUCER_KINDS;
export const ProducerKindEnum = enumOf(PRODUCER_KINDS);

export const VISIT_KINDS = {
  VISIT: '考察互访 A visit',
  JOINT_MEETING: '联席会议 A joint meeting',
} as const;
export type VisitKind = keyof typeof VISIT_KINDS;
export const VisitKindEnum = enumOf(VISIT_KINDS);

/** `check (column in ('A', 'B'))` for a vocabulary, in migrations. */
export function inVocabulary(column: string, vocabulary: Record<string, string>): string {
  return `${column} in (${Object.keys(vocabulary).map((key) => `'${key}'`).join(', ')})`;
}
