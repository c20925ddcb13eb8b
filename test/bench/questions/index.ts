import type { Question } from './question.js';
import { q1 } from './q1-household-page.js';
import { q2 } from './q2-village-dashboard.js';
import { q3 } from './q3-poverty-incidence.js';
import { q4 } from './q4-project-feed.js';
import { q5 } from './q5-register-household.js';
import { q6a, q6b } from './q6-floors.js';
import { q7 } from './q7-household-search.js';
import { q8 } from './q8-finance-statistics.js';

export type { Question, Vars } from './question.js';

export const QUESTIONS: readonly Question[] = [q1, q2, q3, q4, q5, q6a, q6b, q7, q8];

export function questionById(id: string): Question {
  const question = QUESTIONS.find((q) => q.id.toLowerCase() === id.toLowerCase());
  if (!question) throw new Error(`no question ${id}; there are ${QUESTIONS.map((q) => q.id).join(', ')}`);
  return question;
}
