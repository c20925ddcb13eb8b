import { createTestServer, mustSucceed, TEST_REGISTRAR, type TestServer } from '@tuopin/testing';
import type { Principal } from '@tuopin/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { registrationInput } from '../fixtures/households.js';
import { ACTORS } from '../fixtures/monitoring.js';
import { RegisterHousehold } from '../fixtures/operations.js';
import { CALLERS } from '../fixtures/principals.js';
import { settingsWith, TestClock } from '../fixtures/projects.js';
import { fullChecklist, PREFECTURE, ProposeCountyExit, ProposeVillageExit, SignReductionTarget, TakeCountyExitStep, TakeVillageExitStep } from './area-exit-operations.js';

const clock = new TestClock(new Date('2020-02-10T02:00:00Z'));
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({ settings: settingsWith(clock) });
  await insertAreas(server);
});
afterAll(() => server.close());

let nextNo = 9000;

/** Registers `count` poor households of three people in a village. */
async function poorHouseholds(villageCode: string, count: number) {
  for (let i = 0; i < count; i++) {
    const input = registrationInput({ villageCode, householdNo: `${villageCode}${nextNo++}` });
    mustSucceed(await server.execute(RegisterHousehold, { input }, { principal: TEST_REGISTRAR }));
  }
}

const snapshot = async () => [
  await server.sql('select * from workflow_case order by id'),
  await server.sql('select * from workflow_step order by id'),
  await server.sql('select * from workflow_notice order by id'),
  await server.sql('select * from village_exit order by id'),
  await server.sql('select * from county_exit order by id'),
  await server.sql('select * from reduction_target order by id'),
  await server.sql('select code, exit_year from area order by code'),
  await server.sql('select count(*)::int as n from audit_log'),
];

const notice = (startDate: string, endDate: string) => ({ startDate, endDate, location: '乡镇政府公示栏' });
const outcome = (result: { data?: Record<string, unknown> | null }) => Object.values(result.data!)[0] as Record<string, string>;

describe('village exit (贫困村出列)', () => {
  it('runs proposal, township check and notice, county approval: the village has its exit year', async () => {
    clock.setToday('2020-02-10');
    await poorHouseholds(AREAS.villageA, 2); // 6 of 1,000: 0.6 %, under 2 %
    const proposed = mustSucceed(await server.execute(ProposeVillageExit, { input: { villageCode: AREAS.villageA, exitYear: 2019, checklist: fullChecklist() } }, { principal: ACTORS.VILLAGE })).villageExit;
    expect(proposed).toMatchObject({ step: 'VILLAGE_PROPOSAL', poorPeople: 6, ruralPopulation: 1000, incidencePercent: 0.6, thresholdPercent: 2 });
    expect(proposed.checklist).toHaveLength(5);
    const take = async (step: 'TOWNSHIP_CHECK' | 'TOWNSHIP_NOTICE' | 'COUNTY_APPROVAL', version: number, principal = ACTORS.TOWNSHIP, extra = {}) =>
      mustSucceed(await server.execute(TakeVillageExitStep, { input: { caseId: proposed.id, version, step, ...extra } }, { principal })).villageExit;
    const checked = await take('TOWNSHIP_CHECK', 1);
    const noticed = await take('TOWNSHIP_NOTICE', checked.version, ACTORS.TOWNSHIP, { notice: notice('2020-02-10', '2020-02-16') });
    clock.setToday('2020-02-17');
    const approved = await take('COUNTY_APPROVAL', noticed.version, ACTORS.COUNTY);
    expect(approved).toMatchObject({ state: 'COMPLETED', village: { code: AREAS.villageA, exitYear: 2019 } });
    expect(approved.history.map((s) => s.takenRole)).toEqual(['VILLAGE_OFFICER', 'TOWNSHIP_OFFICER', 'TOWNSHIP_OFFICER', 'COUNTY_OFFICER']);
    const audited = await server.sql(`select 1 from audit_log where object_type = 'village_exit' and operation = 'proposeVillageExit'`);
    expect(audited).toHaveLength(1);
  });

  it('refuses incidence over the threshold (both named), an unmet checklist item, a village not poor, the wrong level; nothing written', async () => {
    clock.setToday('2020-02-10');
    await poorHouseholds(AREAS.villageC, 9); // 27 of 1,200: 2.25 %
    const before = await snapshot();
    const propose = (input: Record<string, unknown>, principal: Principal = { ...ACTORS.VILLAGE, id: 'test:village-c', areaScopes: [AREAS.villageC] }) =>
      server.execute(ProposeVillageExit, { input: { villageCode: AREAS.villageC, exitYear: 2019, checklist: fullChecklist(), ...input } as never }, { principal });
    const over = outcome(await propose({}));
    expect(over).toMatchObject({ __typename: 'RuleViolationError', field: 'villageCode' });
    expect(over.messageZh).toContain('贫困发生率2.25%（27÷1200）未低于退出标准2%');
    expect(over.messageEn).toContain('2.25 % (27 ÷ 1200) is not under the exit threshold of 2 %');
    const unmet = fullChecklist().map((entry) => (entry.item === 'WATER' ? { ...entry, met: false } : entry));
    expect(outcome(await propose({ checklist: unmet }))).toMatchObject({ __typename: 'ValidationError', field: 'checklist.WATER', messageZh: expect.stringContaining('安全饮水') });
    expect(outcome(await propose({ checklist: fullChecklist().slice(1) }))).toMatchObject({ __typename: 'ValidationError', field: 'checklist.ROADS' });
    expect(outcome(await propose({ villageCode: AREAS.villageB }, { ...ACTORS.VILLAGE, id: 'test:village-b', areaScopes: [AREAS.villageB] }))).toMatchObject({ __typename: 'RuleViolationError', field: 'villageCode', messageEn: expect.stringContaining('not a designated poverty village') });
    expect(outcome(await propose({}, ACTORS.TOWNSHIP))).toMatchObject({ __typename: 'ForbiddenError', field: 'villageCode' });
    expect(await snapshot()).toEqual(before);
  });
});

describe('county exit (贫困县摘帽)', () => {
  const rates = { wrongExitRate: 0.5, missedRate: 1.2, approvalRate: 95.5 };
  it('refuses a late application, a rate out of range and the incidence over the threshold, naming the field; nothing written', async () => {
    const before = await snapshot();
    const propose = (input: Record<string, unknown>, principal = CALLERS.baojingOfficer) =>
      server.execute(ProposeCountyExit, { input: { countyCode: AREAS.baojing, exitYear: 2020, ...rates, ...input } as never }, { principal });
    clock.setToday('2020-03-02');
    expect(outcome(await propose({}))).toMatchObject({ __typename: 'ValidationError', field: 'date', messageZh: expect.stringContaining('2020-02-29') });
    clock.setToday('2020-02-10');
    expect(outcome(await propose({ wrongExitRate: 2 }))).toMatchObject({ __typename: 'ValidationError', field: 'wrongExitRate', messageZh: expect.stringContaining('须低于2%') });
    expect(outcome(await propose({ missedRate: 3.1 }))).toMatchObject({ __typename: 'ValidationError', field: 'missedRate' });
    expect(outcome(await propose({ approvalRate: 90 }))).toMatchObject({ __typename: 'ValidationError', field: 'approvalRate', messageEn: expect.stringContaining('above 90 %') });
    expect(outcome(await propose({}, ACTORS.TOWNSHIP))).toMatchObject({ __typename: 'ForbiddenError', field: 'countyCode' });
    // 33 poor people of 3,000 (villages A, B, C) is 1.1 %; ten more households in B make it 2.1 %.
    await poorHouseholds(AREAS.villageB, 10);
    const beforeOver = await snapshot();
    const over = outcome(await propose({}));
    expect(over).toMatchObject({ __typename: 'RuleViolationError', field: 'countyCode', messageZh: expect.stringContaining('未低于退出标准2%') });
    expect(await snapshot()).toEqual(beforeOver);
    expect(before).not.toEqual(beforeOver);
    // Back under the threshold for the next test: B's households entered as exited (historical records, as an import writes them).
    await server.sql(`update household set status = 'EXITED', exit_year = 2019 where village_code = ?`, [AREAS.villageB]);
  });

  it('runs county proposal → prefecture → province check, notice and approval, each by its level', async () => {
    clock.setToday('2020-02-10');
    const proposed = mustSucceed(await server.execute(ProposeCountyExit, { input: { countyCode: AREAS.baojing, exitYear: 2020, ...rates } }, { principal: CALLERS.baojingOfficer })).countyExit;
    expect(proposed).toMatchObject({ step: 'COUNTY_PROPOSAL', ruralPopulation: 3000, thresholdPercent: 2, ...rates });
    const take = async (step: 'PREFECTURE_CHECK' | 'PROVINCE_CHECK' | 'PROVINCE_NOTICE' | 'PROVINCE_APPROVAL', version: number, principal: typeof PREFECTURE, extra = {}) =>
      server.execute(TakeCountyExitStep, { input: { caseId: proposed.id, version, step, ...extra } }, { principal });
    const before = await snapshot();
    expect(outcome(await take('PREFECTURE_CHECK', 1, CALLERS.baojingOfficer))).toMatchObject({ __typename: 'ForbiddenError', field: 'step', messageZh: expect.stringContaining('市州') });
    expect(outcome(await take('PREFECTURE_CHECK', 1, CALLERS.hunanAdmin))).toMatchObject({ __typename: 'ForbiddenError', field: 'step' });
    expect(await snapshot()).toEqual(before);
    const checked = mustSucceed(await take('PREFECTURE_CHECK', 1, PREFECTURE)).countyExit;
    const provinceChecked = mustSucceed(await take('PROVINCE_CHECK', checked.version, CALLERS.hunanAdmin)).countyExit;
    const noticed = mustSucceed(await take('PROVINCE_NOTICE', provinceChecked.version, CALLERS.hunanAdmin, { notice: notice('2020-02-10', '2020-02-16') })).countyExit;
    clock.setToday('2020-02-17');
    const approved = mustSucceed(await take('PROVINCE_APPROVAL', noticed.version, CALLERS.hunanAdmin)).countyExit;
    expect(approved).toMatchObject({ state: 'COMPLETED', approvedOn: '2020-02-17' });
    expect(approved.history.map((s) => s.takenRole)).toEqual(['COUNTY_OFFICER', 'PREFECTURE_OFFICER', 'PROVINCE_ADMIN', 'PROVINCE_ADMIN', 'PROVINCE_ADMIN']);
  });
});

describe('reduction targets (减贫责任书)', () => {
  it('signs one target per township and year with the county; refuses another county\'s area, a duplicate, a township officer', async () => {
    clock.setToday('2020-02-10');
    const sign = (input: Record<string, unknown>, principal = CALLERS.baojingOfficer) =>
      server.execute(SignReductionTarget, { input: { countyCode: AREAS.baojing, townshipCode: AREAS.qianling, year: 2019, targetPeople: 20, ...input } as never }, { principal });
    const signed = mustSucceed(await sign({ signedOn: '2019-01-15' })).reductionTarget;
    expect(signed).toMatchObject({ year: 2019, targetPeople: 20, signedOn: '2019-01-15', township: { code: AREAS.qianling, name: '迁陵镇' }, county: { code: AREAS.baojing } });
    const before = await snapshot();
    expect(outcome(await sign({}))).toMatchObject({ __typename: 'RuleViolationError', field: 'townshipCode', messageEn: expect.stringContaining('already signed') });
    expect(outcome(await sign({ townshipCode: AREAS.siguanyingzi }))).toMatchObject({ __typename: 'RuleViolationError', field: 'townshipCode', messageZh: expect.stringContaining('不是保靖县的乡镇') });
    expect(outcome(await sign({ townshipCode: AREAS.villageA }))).toMatchObject({ __typename: 'RuleViolationError', field: 'townshipCode' });
    expect(outcome(await sign({ targetPeople: 0 }))).toMatchObject({ __typename: 'ValidationError', field: 'targetPeople' });
    expect(outcome(await sign({ townshipCode: AREAS.yezhuping }, ACTORS.TOWNSHIP))).toMatchObject({ __typename: 'ForbiddenError', field: 'countyCode' });
    expect(await snapshot()).toEqual(before);
    const both = await Promise.all([1, 2].map(() => sign({ townshipCode: AREAS.yezhuping, year: 2020 })));
    expect(both.map((r) => outcome(r).__typename).sort()).toEqual(['RuleViolationError', 'SignReductionTargetPayload']);
  });
});
