import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAreas } from '../fixtures/areas.js';
import { ChangeProjectStatus, createProject, expectRefused, RecordProjectNotice, settingsWith, TestClock } from '../fixtures/projects.js';

/**
 * 公示: a project is approved only after a project-plan notice has run its full period. "Today"
 * comes from the settings' clock, which the tests move; the period is 7 days unless configured.
 */
const clock = new TestClock(new Date('2016-03-01T02:00:00Z'));
const tenDayClock = new TestClock(new Date('2016-03-01T02:00:00Z'));
let server: TestServer;
let tenDayServer: TestServer;

beforeAll(async () => {
  server = await createTestServer({ settings: settingsWith(clock) });
  tenDayServer = await createTestServer({ settings: settingsWith(tenDayClock, { projectNoticeDays: 10 }) });
  await insertAreas(server);
  await insertAreas(tenDayServer);
});
afterAll(async () => {
  await server.close();
  await tenDayServer.close();
});

const notice = (target: TestServer, projectId: string, input: { noticeType?: 'PROJECT_PLAN' | 'BENEFICIARY'; startDate: string; endDate: string; location?: string }) =>
  target
    .execute(RecordProjectNotice, { input: { projectId, noticeType: input.noticeType ?? 'PROJECT_PLAN', location: input.location ?? '村务公开栏', ...input } })
    .then((r) => r.data!.recordProjectNotice);
const approve = (target: TestServer, projectId: string, effectiveDate?: string) =>
  target.execute(ChangeProjectStatus, { input: { projectId, status: 'APPROVED', effectiveDate } }).then((r) => r.data!.changeProjectStatus);

describe('approval after the public notice', () => {
  it('refuses approval without a notice, and during the notice period', async () => {
    clock.setToday('2016-03-01');
    const id = await createProject(server);
    const none = await expectRefused(server, () => approve(server, id), 'RuleViolationError', 'status');
    expect(none).toMatchObject({ messageEn: expect.stringContaining('at least 7 days') });

    expect(await notice(server, id, { startDate: '2016-03-01', endDate: '2016-03-07' })).toMatchObject({
      __typename: 'RecordProjectNoticePayload',
      notice: { noticeType: 'PROJECT_PLAN', days: 7, location: '村务公开栏' },
    });
    for (const today of ['2016-03-01', '2016-03-04', '2016-03-06']) {
      clock.setToday(today);
      await expectRefused(server, () => approve(server, id), 'RuleViolationError', 'status');
    }
  });

  it('allows approval on the last day of the notice and after it', async () => {
    clock.setToday('2016-03-01');
    const lastDay = await createProject(server);
    mustSucceed(await notice(server, lastDay, { startDate: '2016-03-01', endDate: '2016-03-07' }));
    clock.setToday('2016-03-07');
    expect(await approve(server, lastDay)).toMatchObject({ project: { status: 'APPROVED' }, change: { effectiveDate: '2016-03-07' } });

    clock.setToday('2016-03-01');
    const later = await createProject(server);
    mustSucceed(await notice(server, later, { startDate: '2016-03-01', endDate: '2016-03-07' }));
    clock.setToday('2016-04-02');
    // Recorded on 2 April, signed on 20 March: backdating is allowed, but not before the notice ended.
    await expectRefused(server, () => approve(server, later, '2016-03-06'), 'RuleViolationError', 'status');
    expect(await approve(server, later, '2016-03-20')).toMatchObject({ change: { effectiveDate: '2016-03-20' } });
  });

  it('counts only project-plan notices of the full length', async () => {
    clock.setToday('2016-03-01');
    const id = await createProject(server);
    mustSucceed(await notice(server, id, { noticeType: 'BENEFICIARY', startDate: '2016-03-01', endDate: '2016-03-10' }));
    clock.setToday('2016-03-02');
    mustSucceed(await notice(server, id, { startDate: '2016-03-02', endDate: '2016-03-07' }));
    clock.setToday('2016-03-20');
    const outcome = await expectRefused(server, () => approve(server, id), 'RuleViolationError', 'status');
    expect(outcome).toMatchObject({ messageZh: expect.stringContaining('7天') });
    // Recorded on the 20th, a notice may have gone up two days before (the grace), not earlier.
    mustSucceed(await notice(server, id, { startDate: '2016-03-18', endDate: '2016-03-24' }));
    clock.setToday('2016-03-24');
    expect(await approve(server, id)).toMatchObject({ project: { status: 'APPROVED' } });
  });

  it('uses the configured period: 10 days where the deployment says so', async () => {
    tenDayClock.setToday('2016-03-01');
    const id = await createProject(tenDayServer);
    mustSucceed(await notice(tenDayServer, id, { startDate: '2016-03-01', endDate: '2016-03-07' }));
    tenDayClock.setToday('2016-03-30');
    const outcome = await expectRefused(tenDayServer, () => approve(tenDayServer, id), 'RuleViolationError', 'status');
    expect(outcome).toMatchObject({ messageEn: expect.stringContaining('at least 10 days') });
    mustSucceed(await notice(tenDayServer, id, { startDate: '2016-03-30', endDate: '2016-04-08' }));
    tenDayClock.setToday('2016-04-08');
    expect(await approve(tenDayServer, id)).toMatchObject({ project: { status: 'APPROVED' } });
  });
});

describe('recordProjectNotice', () => {
  it('refuses a period that ends before it starts, a missing place and an unknown project', async () => {
    clock.setToday('2016-01-01');
    const id = await createProject(server);
    await expectRefused(server, () => notice(server, id, { startDate: '2016-03-07', endDate: '2016-03-01' }), 'ValidationError', 'endDate');
    await expectRefused(server, () => notice(server, id, { startDate: '2016-03-01', endDate: '2016-03-07', location: '  ' }), 'ValidationError', 'location');
    await expectRefused(server, () => notice(server, id, { startDate: '2016-01-01', endDate: '2017-03-07' }), 'ValidationError', 'endDate');
    const missing = Buffer.from('Project:424242').toString('base64');
    await expectRefused(server, () => notice(server, missing, { startDate: '2016-03-01', endDate: '2016-03-07' }), 'NotFoundError', 'projectId');
  });
});
