import { RANGES_CTE } from '@tuopin/core';
import { blockLoader } from './stats-source.js';

export interface SchoolFigures {
  schools: number;
  teachersServing: number;
  teachersRetired: number;
  pupils: number;
  floorArea: number;
  unsafeFloorArea: number;
}

interface SchoolRow {
  code: string;
  schools: string;
  serving: string;
  retired: string;
  pupils: string;
  floor: string;
  unsafe: string;
}

// Schools placed in the area (the period does not apply: the inventory as it stands).
const SCHOOL_SQL = `
  with ${RANGES_CTE}, p as not materialized (select ?::date as from_day, ?::date as until_day, ?::date as today)
  select r.code, count(*)::int8 as schools, sum(s.teachers_serving)::int8 as serving, sum(s.teachers_retired)::int8 as retired,
         sum(s.pupils_preschool + s.pupils_primary + s.pupils_junior + s.pupils_senior + s.pupils_vocational)::int8 as pupils,
         sum(s.floor_area)::text as floor, sum(s.unsafe_floor_area)::text as unsafe
  from r cross join p join education_school s on s.area_code between r.lo and r.hi
  group by r.code`;

/** The schools of an area: how many, their staff, pupils and floor area; one statement per batch. */
export const schoolStatsLoader = blockLoader<SchoolRow, SchoolFigures>(SCHOOL_SQL, ([row]) => ({
  schools: Number(row?.schools ?? 0),
  teachersServing: Number(row?.serving ?? 0),
  teachersRetired: Number(row?.retired ?? 0),
  pupils: Number(row?.pupils ?? 0),
  floorArea: Number(row?.floor ?? 0),
  unsafeFloorArea: Number(row?.unsafe ?? 0),
}));
