import { createHttpTestServer, type HttpTestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAreas } from '../fixtures/areas.js';
import { CALLERS } from '../fixtures/principals.js';
import { createProject, projectFundSnapshot, settingsWith, TestClock } from '../fixtures/projects.js';

/**
 * A notice cannot start before it is recorded, beyond a short grace (2 days unless configured):
 * otherwise a 7-day notice could be recorded and the project approved the same day, the notice
 * never seen. Dates lie between 1900 and 2100. Through the real gateway, with real tokens.
 */
const NOTICE = `mutation($input: RecordProjectNoticeInput!) { recordProjectNotice(input: $input) {
  __typename ... on RecordProjectNoticePayload { notice { startDate endDate days } } ... on Error { code field messageZh messageEn } } }`;
const APPROVE = `mutation($input: ChangeProjectStatusInput!) { changeProjectStatus(input: $input) {
  __typename ... on ChangeProjectStatusPayload { project { status } } ... on Error { code field } } }`;

const clock = new TestClock(new Date('2016-03-10T02:00:00Z'));
const strictClock = new TestClock(new Date('2016-03-10T02:00:00Z'));
let server: HttpTestServer;
let strict: HttpTestServer;

beforeAll(async () => {
  server = await createHttpTestServer({ settings: settingsWith(clock) });
  strict = await createHttpTestServer({ settings: settingsWith(strictClock, { noticeRecordingGraceDays: 0 }) });
  await insertAreas(server);
  await insertAreas(strict);
});
afterAll(async () => {
  await server.close();
  await strict.close();
});

async function post(target: HttpTestServer, query: string, input: unknown) {
  const response = await target.post({ query, variables: { input } }, { authorization: `Bearer ${await target.token(CALLERS.baojingOfficer)}` });
  return response.body;
}
const notice = (target: HttpTestServer, projectId: string, startDate: string, endDate: string) =>
  post(target, NOTICE, { projectId, noticeType: 'PROJECT_PLAN', startDate, endDate, location: '村务公开栏' });

describe('project notices', () => {
  it('cannot be recorded as having run already, so a project is never approved the day its notice is recorded', async () => {
    clock.setToday('2016-03-10');
    const id = await createProject(server);
    const before = await projectFundSnapshot(server);
    const backdated = await notice(server, id, '2016-03-03', '2016-03-09');
    expect(backdated.data.recordProjectNotice).toMatchObject({ __typename: 'ValidationError', field: 'startDate' });
    expect(backdated.data.recordProjectNotice.messageEn).toContain('2016-03-08');
    expect(await projectFundSnapshot(server)).toEqual(before);

    const sameDay = await post(server, APPROVE, { projectId: id, status: 'APPROVED' });
    expect(sameDay.data.changeProjectStatus).toMatchObject({ __typename: 'RuleViolationError', field: 'status' });
  });

  it('may have started within the grace, and then runs its full period before approval', async () => {
    clock.setToday('2016-03-10');
    const id = await createProject(server);
    const recorded = await notice(server, id, '2016-03-08', '2016-03-14');
    expect(recorded.data.recordProjectNotice).toMatchObject({ __typename: 'RecordProjectNoticePayload', notice: { days: 7 } });
    expect((await post(server, APPROVE, { projectId: id, status: 'APPROVED' })).data.changeProjectStatus.__typename).toBe('RuleViolationError');
    clock.setToday('2016-03-14');
    expect((await post(server, APPROVE, { projectId: id, status: 'APPROVED' })).data.changeProjectStatus).toMatchObject({ project: { status: 'APPROVED' } });
  });

  it('follow the configured grace (0: recorded the day they go up)', async () => {
    strictClock.setToday('2016-03-10');
    const id = await createProject(strict);
    expect((await notice(strict, id, '2016-03-09', '2016-03-15')).data.recordProjectNotice).toMatchObject({ __typename: 'ValidationError', field: 'startDate' });
    expect((await notice(strict, id, '2016-03-10', '2016-03-16')).data.recordProjectNotice.__typename).toBe('RecordProjectNoticePayload');
  });

  it('refuse dates no notice can have', async () => {
    const id = await createProject(server);
    const body = await notice(server, id, '0100-03-10', '0100-03-16');
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toMatch(/1900-01-01.*2100-12-31/);
  });
});
