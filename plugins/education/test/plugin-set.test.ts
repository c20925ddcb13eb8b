import { createTestServer, type TestServer } from '@tuopin/testing';
import { isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * With and without the plugin: core alone has no education table, trigger, type or field; with
 * education (this project's default set) every one of them is there.
 */
let withEducation: TestServer;
let coreAlone: TestServer;

beforeAll(async () => {
  withEducation = await createTestServer();
  coreAlone = await createTestServer({ plugins: [] });
});
afterAll(async () => {
  await withEducation.close();
  await coreAlone.close();
});

const tablesOf = async (server: TestServer) =>
  (await server.sql<{ tablename: string }>("select tablename from pg_tables where schemaname = 'public' order by 1")).map((row) => row.tablename);
const triggersOf = async (server: TestServer) =>
  (await server.sql<{ tgname: string }>("select tgname from pg_trigger where tgname like 'education%' order by 1")).map((row) => row.tgname);
const EDUCATION_TYPES = ['School', 'Enrolment', 'AidApplication', 'AidPayment', 'TrainingCourse', 'Trainee', 'DropoutCase', 'EducationStats'];

describe('TUOPIN_PLUGINS with and without education', () => {
  it('core alone has no education table, trigger, type or field', async () => {
    expect((await tablesOf(coreAlone)).filter((table) => table.startsWith('education_'))).toEqual([]);
    expect(await triggersOf(coreAlone)).toEqual([]);
    const schema = coreAlone.platform.schema;
    expect(EDUCATION_TYPES.filter((name) => schema.getType(name))).toEqual([]);
    const regionStats = schema.getType('RegionStats');
    expect(isObjectType(regionStats) && 'education' in regionStats.getFields()).toBe(false);
    expect(Object.keys(schema.getQueryType()!.getFields()).filter((name) => ['schools', 'enrolments', 'aidPayments', 'trainingCourses', 'dropoutCases'].includes(name))).toEqual([]);
  });

  it('with education every table, the ledger hook, every type and the statistics block are there, and nothing outside its namespace', async () => {
    const core = await tablesOf(coreAlone);
    const added = (await tablesOf(withEducation)).filter((table) => !core.includes(table));
    expect(added.sort()).toEqual([
      'education_aid_application',
      'education_aid_payment',
      'education_course',
      'education_dropout_case',
      'education_enrolment',
      'education_persuasion_visit',
      'education_school',
      'education_trainee',
    ]);
    // A reversal reaches the plugin through core's hook, not a trigger of its own on ledger_entry.
    expect(await triggersOf(withEducation)).toEqual([]);
    expect(withEducation.platform.plugins.find((plugin) => plugin.name === 'education')?.onLedgerEntriesReversed).toBeTypeOf('function');
    const schema = withEducation.platform.schema;
    expect(EDUCATION_TYPES.filter((name) => !schema.getType(name))).toEqual([]);
    const regionStats = schema.getType('RegionStats');
    expect(isObjectType(regionStats) && 'education' in regionStats.getFields()).toBe(true);
  });
});
