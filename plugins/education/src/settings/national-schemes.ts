import type { HouseholdStatus } from '@tuopin/core';
import type { AidScheme, Stage } from '../shared/vocabulary.js';

/**
 * The national rules of each aid scheme (shared/domain/education.md), the settings' defaults.
 * Where no reliable national figure was found the scheme covers no stage by default (`amounts`
 * empty): a province that runs it configures its own amounts, and until then it pays nothing.
 *
 * - 雨露计划 (国开办发〔2015〕19号): 3,000 yuan a school year in two payments, full-time 中职 and 高职
 *   students of registered households.
 * - 两免一补 living allowance: 1,000 primary, 1,250 junior secondary a year (boarders).
 * - 普通高中 grant: 2,000 a year; 中职 fee waiver: 2,000 a year.
 * - 生源地信用助学贷款: up to 16,000 a year (本专科 and postgraduate).
 * - Preschool aid and university-entrant grants (圆梦): no national amount found.
 */
const REGISTERED: HouseholdStatus[] = ['POOR', 'RETURNED', 'EXITED'];

export interface SchemeDefaults {
  amounts: Partial<Record<Stage, string>>;
  instalments: number;
  householdStatuses: HouseholdStatus[];
  fullTimeOnly: boolean;
}

export const NATIONAL_SCHEMES: Record<AidScheme, SchemeDefaults> = {
  YULU_VOCATIONAL: { amounts: { SECONDARY_VOCATIONAL: '3000.00', HIGHER_VOCATIONAL: '3000.00' }, instalments: 2, householdStatuses: [...REGISTERED], fullTimeOnly: true },
  LIVING_ALLOWANCE: { amounts: { PRIMARY: '1000.00', JUNIOR_SECONDARY: '1250.00' }, instalments: 2, householdStatuses: [...REGISTERED], fullTimeOnly: true },
  SENIOR_HIGH_GRANT: { amounts: { SENIOR_HIGH: '2000.00' }, instalments: 2, householdStatuses: [...REGISTERED], fullTimeOnly: true },
  FEE_WAIVER: { amounts: { SECONDARY_VOCATIONAL: '2000.00' }, instalments: 2, householdStatuses: [...REGISTERED], fullTimeOnly: true },
  PRESCHOOL_AID: { amounts: {}, instalments: 2, householdStatuses: [...REGISTERED], fullTimeOnly: false },
  UNIVERSITY_ENTRANT_GRANT: { amounts: {}, instalments: 1, householdStatuses: [...REGISTERED], fullTimeOnly: true },
  STUDENT_LOAN: {
    amounts: { HIGHER_VOCATIONAL: '16000.00', UNDERGRADUATE: '16000.00', POSTGRADUATE: '16000.00' },
    instalments: 1,
    householdStatuses: [...REGISTERED],
    fullTimeOnly: true,
  },
};

/**
 * From 2021 (国乡振发〔2022〕6号, the 雨露计划+ action) aid goes to 脱贫户 and 监测对象: households that
 * exited, and those back in poverty, which core records as RETURNED until it records monitoring.
 */
export const SCHEME_CHANGES_BY_YEAR: { fromYear: number; schemes: Partial<Record<AidScheme, Partial<SchemeDefaults>>> }[] = [
  {
    fromYear: 2021,
    schemes: Object.fromEntries(Object.keys(NATIONAL_SCHEMES).map((key) => [key, { householdStatuses: ['EXITED', 'RETURNED'] }])),
  },
];
