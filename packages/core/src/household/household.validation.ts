import { isDivisionCode, levelOfCode } from '../area/division-code.js';
import type { IssueCollector } from '../kernel/errors.js';
import type { HouseholdCategory, HouseholdStatus, HousingSafetyGrade, PovertyCause } from './household-enums.js';

/** The household's own fields as a complete state: what register sends, or update's merged result. */
export interface HouseholdState {
  householdNo: string;
  villageCode: string;
  groupId: number | null;
  category: HouseholdCategory;
  status: HouseholdStatus;
  yearIdentified: number;
  exitYear: number | null;
  primaryCause: PovertyCause;
  otherCauses: PovertyCause[];
  foodSecure: boolean;
  clothingSecure: boolean;
  compulsoryEducationSecure: boolean;
  basicMedicalSecure: boolean;
  housingSecure: boolean;
  housingArea: number | null;
  housingSafetyGrade: HousingSafetyGrade | null;
  safeDrinkingWater: boolean | null;
  arableLand: number | null;
  bankAccount: string | null;
}

const HOUSEHOLD_NO = /^[0-9A-Za-z-]{1,32}$/;
const BANK_ACCOUNT = /^\d{8,32}$/;
/** 建档立卡 began in 2014; earlier years allow for records migrated from older rolls. */
const FIRST_YEAR = 2000;

/** Checks a household's fields and how they fit together; adds every problem to `issues`. */
export function checkHouseholdState(issues: IssueCollector, state: HouseholdState, today = new Date()): void {
  const currentYear = today.getUTCFullYear();
  if (!HOUSEHOLD_NO.test(state.householdNo)) {
    issues.add('householdNo', '户编号须为1–32位字母、数字或连字符', 'A household number is 1–32 letters, digits or hyphens');
  }
  if (!isDivisionCode(state.villageCode) || levelOfCode(state.villageCode) !== 'VILLAGE') {
    issues.add('villageCode', '村代码须为12位行政村区划代码', 'villageCode must be the 12-digit code of an administrative village');
  }
  const yearField = (field: string, year: number) => {
    if (!Number.isInteger(year) || year < FIRST_YEAR || year > currentYear) {
      issues.add(field, `年度须在${FIRST_YEAR}至${currentYear}之间`, `The year must be between ${FIRST_YEAR} and ${currentYear}`);
    }
  };
  yearField('yearIdentified', state.yearIdentified);
  if (state.exitYear !== null) {
    yearField('exitYear', state.exitYear);
    if (state.exitYear < state.yearIdentified) {
      issues.add('exitYear', '脱贫年度不能早于识别年度', 'The exit year cannot be before the year identified');
    }
  }
  if (state.status === 'EXITED' && state.exitYear === null) {
    issues.add('exitYear', '已脱贫户须填写脱贫年度', 'An exited household needs its exit year');
  }
  if (state.status === 'POOR' && state.exitYear !== null) {
    issues.add('exitYear', '未脱贫户不能有脱贫年度（返贫请用“返贫”状态）', 'A household that never exited has no exit year (use RETURNED for a return to poverty)');
  }
  if (state.otherCauses.length > 2) {
    issues.add('otherCauses', '其他致贫原因最多两项', 'At most two other causes of poverty');
  }
  if (new Set(state.otherCauses).size !== state.otherCauses.length || state.otherCauses.includes(state.primaryCause)) {
    issues.add('otherCauses', '其他致贫原因不能重复，也不能与主要致贫原因相同', 'Other causes must differ from each other and from the main cause');
  }
  if (state.housingArea !== null && !(state.housingArea >= 0 && state.housingArea <= 10_000)) {
    issues.add('housing.area', '住房面积须在0至10000平方米之间', 'The floor area must be between 0 and 10,000 m²');
  }
  if (state.arableLand !== null && !(state.arableLand >= 0 && state.arableLand <= 100_000)) {
    issues.add('arableLand', '耕地面积须在0至100000亩之间', 'Arable land must be between 0 and 100,000 mu');
  }
  if (state.bankAccount !== null && !BANK_ACCOUNT.test(state.bankAccount)) {
    issues.add('bankAccount', '银行账号须为8–32位数字', 'A bank account number is 8–32 digits');
  }
}
