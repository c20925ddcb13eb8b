import { inTransaction, IssueCollector, isDivisionCode, notFound, requireArea, type TuopinContext } from '@tuopin/core';
import { assertMayAt } from '../access/education-checks.js';
import { EDUCATION_PERMISSIONS } from '../access/education-access.js';
import { checkCount, checkText, optionalText } from '../shared/checks.js';
import type { SchoolKind, Stage } from '../shared/vocabulary.js';
import { SchoolSchema } from './school.entity.js';
import { schoolLoader } from './school.loaders.js';

export interface SchoolFields {
  name?: string | null;
  kind?: SchoolKind | null;
  teachersServing?: number | null;
  teachersRetired?: number | null;
  pupils?: readonly { stage: Stage; pupils: number }[] | null;
  floorArea?: number | null;
  unsafeFloorArea?: number | null;
}

/** The stages a school inventory counts pupils of, and the column each is kept in. */
const PUPIL_COLUMNS: Partial<Record<Stage, 'pupilsPreschool' | 'pupilsPrimary' | 'pupilsJunior' | 'pupilsSenior' | 'pupilsVocational'>> = {
  PRESCHOOL: 'pupilsPreschool',
  PRIMARY: 'pupilsPrimary',
  JUNIOR_SECONDARY: 'pupilsJunior',
  SENIOR_HIGH: 'pupilsSenior',
  SECONDARY_VOCATIONAL: 'pupilsVocational',
};

/** A floor area in m² with at most two decimals, as the numeric column holds it, or null when it is not one. */
function areaText(value: number): string | null {
  if (!Number.isFinite(value) || value < 0 || value > 10_000_000) return null;
  return value.toFixed(2);
}

/** Checks the fields given and returns the columns they set; throws every issue at once. */
function schoolColumns(fields: SchoolFields, current: { floorArea: string; unsafeFloorArea: string } | null) {
  const issues = new IssueCollector();
  const name = fields.name === undefined ? undefined : optionalText(fields.name);
  if (name !== undefined) checkText(issues, 'name', name, 200, true);
  checkCount(issues, 'teachersServing', fields.teachersServing);
  checkCount(issues, 'teachersRetired', fields.teachersRetired);
  const columns: Record<string, unknown> = {};
  for (const [i, entry] of (fields.pupils ?? []).entries()) {
    const column = PUPIL_COLUMNS[entry.stage];
    if (!column) issues.add(`pupils[${i}].stage`, '学校在校生只按学前、小学、初中、高中、中职统计', 'A school counts pupils of preschool, primary, junior, senior high and secondary vocational stages only');
    else if (column in columns) issues.add(`pupils[${i}].stage`, '同一学段只能填写一次', 'Each stage may be given once');
    else columns[column] = entry.pupils;
    checkCount(issues, `pupils[${i}].pupils`, entry.pupils);
  }
  const floorArea = fields.floorArea == null ? current?.floorArea : areaText(fields.floorArea);
  const unsafeFloorArea = fields.unsafeFloorArea == null ? current?.unsafeFloorArea : areaText(fields.unsafeFloorArea);
  if (floorArea === null) issues.add('floorArea', '面积须为不小于零的平方米数', 'The area must be square metres, not negative');
  if (unsafeFloorArea === null) issues.add('unsafeFloorArea', '面积须为不小于零的平方米数', 'The area must be square metres, not negative');
  if (floorArea && unsafeFloorArea && Number(unsafeFloorArea) > Number(floorArea)) {
    issues.add('unsafeFloorArea', 'D级危房面积不能大于校舍面积', 'The unsafe floor area cannot exceed the floor area');
  }
  issues.throwIfAny();
  return {
    ...columns,
    ...(name !== undefined ? { name } : {}),
    ...(fields.kind != null ? { kind: fields.kind } : {}),
    ...(fields.teachersServing != null ? { teachersServing: fields.teachersServing } : {}),
    ...(fields.teachersRetired != null ? { teachersRetired: fields.teachersRetired } : {}),
    ...(floorArea ? { floorArea } : {}),
    ...(unsafeFloorArea ? { unsafeFloorArea } : {}),
  };
}

/** Registers a school in a township or village of the caller's areas; returns its id. */
export async function createSchool(ctx: TuopinContext, input: SchoolFields & { areaCode: string; name: string; kind: SchoolKind; floorArea: number; unsafeFloorArea: number }): Promise<number> {
  if (!isDivisionCode(input.areaCode)) throw notFound('areaCode', `区划 ${input.areaCode} `, `Area ${input.areaCode}`);
  assertMayAt(ctx, EDUCATION_PERMISSIONS.manageSchools, input.areaCode, 'areaCode', '登记学校', 'register schools');
  const columns = schoolColumns(input, null);
  return inTransaction(ctx, {}, async (em) => {
    await requireArea(em, input.areaCode, 'areaCode', ['COUNTY', 'TOWNSHIP', 'VILLAGE']);
    const school = em.create(SchoolSchema, {
      teachersServing: 0,
      teachersRetired: 0,
      pupilsPreschool: 0,
      pupilsPrimary: 0,
      pupilsJunior: 0,
      pupilsSenior: 0,
      pupilsVocational: 0,
      ...columns,
      name: input.name.trim(),
      kind: input.kind,
      areaCode: input.areaCode,
      createdBy: ctx.principal.id,
    } as never);
    await em.flush();
    return (school as { id: number }).id;
  });
}

/** Changes a school's inventory (staff, pupils, floor area); only the fields given. */
export async function updateSchool(ctx: TuopinContext, input: SchoolFields & { schoolId: number }): Promise<number> {
  const school = await schoolLoader(ctx).load(input.schoolId);
  if (!school) throw notFound('schoolId', '学校', 'School');
  assertMayAt(ctx, EDUCATION_PERMISSIONS.manageSchools, school.areaCode, 'schoolId', '修改学校', 'change schools');
  const columns = schoolColumns(input, school);
  await inTransaction(ctx, {}, async (em) => {
    const row = await em.findOneOrFail(SchoolSchema, { id: school.id });
    em.assign(row, { ...columns, updatedAt: new Date() } as never);
    await em.flush();
  });
  // The payload reads the school again, as stored now.
  schoolLoader(ctx).clear(school.id);
  return school.id;
}
