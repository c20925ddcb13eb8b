import { createTestServer, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectStatus } from '../../schema/generated/graphql.js';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import {
  ChangeProjectStatus,
  CreateProject,
  createProject,
  expectRefused,
  moveProject,
  projectInput,
  recordPlanNotice,
  settingsWith,
  TestClock,
} from '../fixtures/projects.js';

const clock = new TestClock(new Date('2016-03-01T02:00:00Z'));
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({ settings: settingsWith(clock) });
  await insertAreas(server);
});
afterAll(() => server.close());

const change = async (projectId: string, status: ProjectStatus, extra: { reason?: string; effectiveDate?: string } = {}) =>
  (await server.execute(ChangeProjectStatus, { input: { projectId, status, ...extra } })).data!.changeProjectStatus;

/** A planned project whose 7-day notice has run (1–7 March); today is 10 March. */
async function noticedProject(): Promise<string> {
  clock.setToday('2016-03-01');
  const id = await createProject(server);
  await recordPlanNotice(server, id, '2016-03-01', '2016-03-07');
  clock.setToday('2016-03-10');
  return id;
}

describe('createProject', () => {
  it('enters a project as PLANNED with the first line of its history', async () => {
    clock.setToday('2016-03-01');
    const result = await server.execute(CreateProject, { input: projectInput({ budget: '342000', placeCode: AREAS.villageA }) });
    expect(result.data!.createProject).toMatchObject({
      __typename: 'CreateProjectPayload',
      project: {
        status: 'PLANNED',
        budget: '342000.00',
        place: { code: AREAS.villageA, name: '甲村' },
        statusHistory: [{ fromStatus: null, toStatus: 'PLANNED', effectiveDate: '2016-03-01' }],
      },
    });
  });

  it('refuses bad fields together, a place above the county, and an unknown place, writing nothing', async () => {
    const invalid = await expectRefused(
      server,
      async () => (await server.execute(CreateProject, { input: projectInput({ name: ' ', budget: '-1', plannedStartDate: '2016-05-01', plannedEndDate: '2016-04-01' }) })).data!.createProject,
      'ValidationError',
      'name',
    );
    expect(invalid).toMatchObject({ __typename: 'ValidationError' });
    await expectRefused(server, async () => (await server.execute(CreateProject, { input: projectInput({ placeCode: AREAS.xiangxi }) })).data!.createProject, 'ValidationError', 'placeCode');
    await expectRefused(server, async () => (await server.execute(CreateProject, { input: projectInput({ placeCode: '433125199999' }) })).data!.createProject, 'NotFoundError', 'placeCode');
  });
});

describe('changeProjectStatus', () => {
  it('walks the whole main line, filling in the actual dates and the history', async () => {
    const id = await noticedProject();
    const steps: [ProjectStatus, string][] = [
      ['APPROVED', '2016-03-10'],
      ['UNDER_CONSTRUCTION', '2016-04-01'],
      ['COMPLETED', '2016-09-30'],
      ['ACCEPTED', '2016-10-20'],
    ];
    for (const [status, date] of steps) {
      clock.setToday(date);
      const outcome = await change(id, status, { reason: `${status} 批复` });
      expect(outcome).toMatchObject({
        __typename: 'ChangeProjectStatusPayload',
        change: { toStatus: status, effectiveDate: date, changedBy: 'test:admin' },
        project: { status },
      });
    }
    const [row] = await server.sql<{ actual_start: string; actual_end: string; changes: string }>(
      `select to_char(actual_start_date, 'YYYY-MM-DD') as actual_start, to_char(actual_end_date, 'YYYY-MM-DD') as actual_end,
              (select count(*) from project_status_change c where c.project_id = p.id) as changes
       from project p where name = (select name from project order by id desc limit 1)`,
    );
    expect(row).toEqual({ actual_start: '2016-04-01', actual_end: '2016-09-30', changes: '5' });
  });

  it('suspends and resumes to the status the project was suspended from, and only there', async () => {
    const id = await noticedProject();
    await moveProject(server.execute.bind(server), id, 'APPROVED', 'UNDER_CONSTRUCTION');
    expect(await change(id, 'SUSPENDED', { reason: '雨季停工' })).toMatchObject({ project: { status: 'SUSPENDED', suspendedFrom: 'UNDER_CONSTRUCTION' } });
    await expectRefused(server, () => change(id, 'COMPLETED'), 'RuleViolationError', 'status');
    await expectRefused(server, () => change(id, 'APPROVED'), 'RuleViolationError', 'status');
    expect(await change(id, 'UNDER_CONSTRUCTION')).toMatchObject({ project: { status: 'UNDER_CONSTRUCTION', suspendedFrom: null } });
  });

  it('suspends from PLANNED and APPROVED too, and cancels from any status but ACCEPTED', async () => {
    for (const path of [[], ['APPROVED'], ['APPROVED', 'UNDER_CONSTRUCTION'], ['APPROVED', 'UNDER_CONSTRUCTION', 'COMPLETED'], ['SUSPENDED']] as ProjectStatus[][]) {
      const id = await noticedProject();
      await moveProject(server.execute.bind(server), id, ...(path as never[]));
      if (path.at(-1) !== 'COMPLETED' && path.at(-1) !== 'SUSPENDED') {
        expect(await change(id, 'SUSPENDED')).toMatchObject({ __typename: 'ChangeProjectStatusPayload' });
        expect(await change(id, path.at(-1) ?? 'PLANNED')).toMatchObject({ __typename: 'ChangeProjectStatusPayload' });
      }
      expect(await change(id, 'CANCELLED', { reason: '群众意见不一致' })).toMatchObject({ project: { status: 'CANCELLED' } });
      // Cancelled is final.
      await expectRefused(server, () => change(id, 'PLANNED'), 'RuleViolationError', 'status');
      await expectRefused(server, () => change(id, 'APPROVED'), 'RuleViolationError', 'status');
    }
  });

  it('refuses every forbidden move with a typed error and writes nothing', async () => {
    const planned = await noticedProject();
    for (const status of ['PLANNED', 'UNDER_CONSTRUCTION', 'COMPLETED', 'ACCEPTED'] as const) {
      await expectRefused(server, () => change(planned, status), 'RuleViolationError', 'status');
    }
    const accepted = await noticedProject();
    await moveProject(server.execute.bind(server), accepted, 'APPROVED', 'UNDER_CONSTRUCTION', 'COMPLETED', 'ACCEPTED');
    for (const status of ['PLANNED', 'APPROVED', 'UNDER_CONSTRUCTION', 'COMPLETED', 'ACCEPTED', 'SUSPENDED', 'CANCELLED'] as const) {
      const outcome = await expectRefused(server, () => change(accepted, status), 'RuleViolationError', 'status');
      expect(outcome).toMatchObject({ messageEn: expect.stringContaining('from ACCEPTED') });
    }
    const completed = await noticedProject();
    await moveProject(server.execute.bind(server), completed, 'APPROVED', 'UNDER_CONSTRUCTION', 'COMPLETED');
    await expectRefused(server, () => change(completed, 'SUSPENDED'), 'RuleViolationError', 'status');
    await expectRefused(server, () => change(completed, 'UNDER_CONSTRUCTION'), 'RuleViolationError', 'status');
  });

  it('refuses a future or out-of-order effective date, an unknown project and a bad id', async () => {
    const id = await noticedProject();
    await expectRefused(server, () => change(id, 'APPROVED', { effectiveDate: '2016-03-11' }), 'ValidationError', 'effectiveDate');
    await expectRefused(server, () => change(id, 'APPROVED', { effectiveDate: '2016-02-20' }), 'ValidationError', 'effectiveDate');
    const missing = Buffer.from('Project:999999').toString('base64');
    await expectRefused(server, () => change(missing, 'APPROVED'), 'NotFoundError', 'projectId');
    await expectRefused(server, () => change(Buffer.from('Fund:1').toString('base64'), 'APPROVED'), 'ValidationError', 'projectId');
  });
});
