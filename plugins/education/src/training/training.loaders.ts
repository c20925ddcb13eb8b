import { createContextCache } from '@pothos/core';
import { appendCodeRanges, groupRows, pickRows, rowsWhereIn, scopedLoaderByCode, subtreeRange, type Conditions, type TuopinContext } from '@tuopin/core';
import DataLoader from 'dataloader';
import { CourseSchema, TraineeSchema, type Course, type Trainee } from './training.entity.js';

/** Courses by id: a course is a public notice (who runs it, where, when, at what cost), seen by anyone. */
export const courseLoader = createContextCache(
  (ctx: TuopinContext) => new DataLoader<number, Course | null>(async (ids) => pickRows(ids, await rowsWhereIn(ctx, CourseSchema, 'id', ids), (row) => row.id)),
);

/** Trainees by id within the caller's areas; others load as null. */
export const traineeLoader = scopedLoaderByCode(TraineeSchema, 'id', 'villageCode');

/** Each course's trainees; reached from a course the caller sees, each trainee guarded by the kernel. */
export const traineesByCourseLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, Trainee[]>(async (ids) => groupRows(ids, await rowsWhereIn(ctx, TraineeSchema, 'courseId', ids, { orderBy: [['courseId', 'asc'], ['id', 'asc']] }), (row) => row.courseId)),
);

/** Each member's trainings; reached from a Member the caller sees. */
export const traineesByMemberLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, Trainee[]>(async (ids) => groupRows(ids, await rowsWhereIn(ctx, TraineeSchema, 'memberId', ids, { orderBy: [['memberId', 'asc'], ['id', 'asc']] }), (row) => row.memberId)),
);

/** The courses `c` a list shows: run in the region (and under it), of a kind (`pullConnection` applies `updatedAfter`). */
export function courseConditions(filter: { regionCode: string | null; kind?: string | null }): Conditions {
  return (sql) => {
    if (filter.regionCode !== null) appendCodeRanges(sql, 'c.area_code', [subtreeRange(filter.regionCode)]);
    if (filter.kind) sql.append(' and c.kind = ?', filter.kind);
  };
}
