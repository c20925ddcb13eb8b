/**
 * 信用等级: the grade a household's credit score earns. The bands follow the common county
 * practice (AAA from 90 points, AA from 80, A from 70, B from 60); the migration keeps the stored
 * grade consistent with the stored score, so the bands are fixed here rather than configured.
 * What each grade may borrow is configured (`creditLimits` in the finance settings).
 */

import { enumOf } from '@tuopin/core';

export const CREDIT_GRADES = {
  AAA: '优秀（90分及以上） AAA: excellent, score 90 or more',
  AA: '良好（80–89分） AA: good, score 80–89',
  A: '较好（70–79分） A: fair, score 70–79',
  B: '一般（60–69分） B: weak, score 60–69',
  C: '较差（60分以下） C: poor, score below 60',
} as const;
export type CreditGrade = keyof typeof CREDIT_GRADES;
export const CreditGradeEnum = enumOf(CREDIT_GRADES);

const BANDS: readonly [minimum: number, grade: CreditGrade][] = [
  [90, 'AAA'],
  [80, 'AA'],
  [70, 'A'],
  [60, 'B'],
];

/** The grade of a score from 0 to 100. */
export function gradeOfScore(score: number): CreditGrade {
  return BANDS.find(([minimum]) => score >= minimum)?.[1] ?? 'C';
}
