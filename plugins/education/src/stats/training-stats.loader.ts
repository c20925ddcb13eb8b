import { RANGES_CTE } from '@tuopin/core';
import type { CourseKind } from '../shared/vocabulary.js';
import { blockLoader } from './stats-source.js';

export interface KindFigures {
  kind: CourseKind;
  trainees: number;
  completed: number;
  employed: number;
}

export interface TrainingFigures {
  trainees: number;
  completed: number;
  employed: number;
  byKind: KindFigures[];
}

interface TrainingRow {
  code: string;
  kind: CourseKind | null;
  trainees: string;
  completed: string;
  employed: string;
}

// Trainees placed by their village, of courses that started in the period, by kind and in total.
const TRAINING_SQL = `
  with ${RANGES_CTE}, p as not materialized (select ?::date as from_day, ?::date as until_day, ?::date as today)
  select r.code, c.kind, count(*)::int8 as trainees,
         count(*) filter (where t.status = 'COMPLETED')::int8 as completed,
         count(*) filter (where t.employed)::int8 as employed
  from r cross join p
  join education_trainee t on t.village_code between r.lo and r.hi
  join education_course c on c.id = t.course_id
   and (p.from_day is null or c.start_date >= p.from_day) and (p.until_day is null or c.start_date <= p.until_day)
  group by grouping sets ((r.code, c.kind), (r.code))`;

/** Trainees, completions and later employment of an area, by kind of course; one statement per batch. */
export const trainingStatsLoader = blockLoader<TrainingRow, TrainingFigures>(TRAINING_SQL, (rows) => {
  const figures = (row: TrainingRow | undefined) => ({ trainees: Number(row?.trainees ?? 0), completed: Number(row?.completed ?? 0), employed: Number(row?.employed ?? 0) });
  return {
    ...figures(rows.find((row) => row.kind === null)),
    byKind: rows.filter((row) => row.kind !== null).map((row) => ({ kind: row.kind!, ...figures(row) })).sort((a, b) => a.kind.localeCompare(b.kind)),
  };
});
