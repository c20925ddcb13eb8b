import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Apply, approvedApplication, educationAllocation, enrolledStudent, Pay, payInput, Review } from './aid-flow.js';
import { graphql } from './generated/index.js';
import { CODES, idOf, insertAreas, insertHousehold, PRINCIPALS, settingsWith, TestClock } from './world.js';

const Reverse = graphql(`
  mutation EducationReverse($input: ReverseLedgerEntryInput!) {
    reverseLedgerEntry(input: $input) { __typename ... on Error { code field messageEn } }
  }
`);

const clock = new TestClock();
let server: TestServer;
let allocation: string;

const count = async (table: string) => Number((await server.sql<{ n: string }>(`select count(*) as n from ${table}`))[0].n);
const disbursed = async () => (await server.sql<{ total: string }>(`select coalesce(sum(amount), 0)::text as total from ledger_entry where kind = 'DISBURSEMENT'`))[0].total;

beforeAll(async () => {
  clock.setToday('2016-09-01');
  server = await createTestServer({ settings: settingsWith(clock) });
  await insertAreas(server);
  allocation = await educationAllocation(server, '100000.00');
});
afterAll(() => server.close());

describe('the procedure', () => {
  it('goes village → township → county with its notice, and pays a term after the notice into the student\'s own account through the ledger', async () => {
    clock.setToday('2016-09-01');
    const student = await enrolledStudent(server);
    const applicationId = await approvedApplication(server, student, '2016-09-01', '2016-09-05');
    clock.setToday('2016-09-10');
    const { payment } = mustSucceed(await server.execute(Pay, { input: payInput(student, applicationId, allocation) }, { principal: PRINCIPALS.bureau }));
    expect(payment).toMatchObject({ amount: '1500.00', term: 'AUTUMN', isReversed: false, bankAccount: '6230901234567890123', accountHolder: student.name, disbursement: { amount: '1500.00' } });
    const [entry] = await server.sql<{ kind: string; memo: string }>('select kind, memo from ledger_entry where id = (select ledger_entry_id from education_aid_payment where id = ?)', [idOf(payment.id)]);
    expect(entry.kind).toBe('DISBURSEMENT');
    // What was paid, without the application's id: partners read ledger entries.
    expect(entry.memo).toBe('教育资助 Education aid: 2016 AUTUMN');
  });

  it('refuses a step by an officer of another level, naming the application, and changes nothing', async () => {
    clock.setToday('2016-09-01');
    const student = await enrolledStudent(server);
    const { application } = mustSucceed(await server.execute(Apply, { input: { memberId: student.memberId, enrolmentId: student.enrolmentId, scheme: 'YULU_VOCATIONAL' } }, { principal: PRINCIPALS.villageAOfficer }));
    const result = await server.execute(Review, { input: { applicationId: application.id, decision: 'APPROVE' } }, { principal: PRINCIPALS.baojingOfficer });
    expect(result.data?.reviewEducationAidApplication).toMatchObject({ __typename: 'ForbiddenError', field: 'applicationId', messageZh: expect.stringContaining('村级审核') });
    expect((await server.sql<{ status: string }>('select status from education_aid_application where id = ?', [idOf(application.id)]))[0].status).toBe('SUBMITTED');
  });

  it('refuses a county approval whose notice is shorter than five days, naming noticeUntil', async () => {
    clock.setToday('2016-09-01');
    const student = await enrolledStudent(server);
    const { application } = mustSucceed(await server.execute(Apply, { input: { memberId: student.memberId, enrolmentId: student.enrolmentId, scheme: 'YULU_VOCATIONAL' } }, { principal: PRINCIPALS.villageAOfficer }));
    mustSucceed(await server.execute(Review, { input: { applicationId: application.id, decision: 'APPROVE' } }, { principal: PRINCIPALS.villageAOfficer }));
    mustSucceed(await server.execute(Review, { input: { applicationId: application.id, decision: 'APPROVE' } }, { principal: PRINCIPALS.qianlingOfficer }));
    const result = await server.execute(Review, { input: { applicationId: application.id, decision: 'APPROVE', noticeFrom: '2016-09-01', noticeUntil: '2016-09-04' } }, { principal: PRINCIPALS.bureau });
    expect(result.data?.reviewEducationAidApplication).toMatchObject({ __typename: 'ValidationError', issues: [{ field: 'noticeUntil', messageZh: '公示期不少于5天', messageEn: 'The public notice must run at least 5 days' }] });
    expect((await server.sql<{ status: string }>('select status from education_aid_application where id = ?', [idOf(application.id)]))[0].status).toBe('TOWNSHIP_CHECKED');
  });
});

describe('refusals of an application, each naming the field in Chinese and English, with nothing written', () => {
  const applyRefused = async (input: { memberId: string; enrolmentId: string; scheme: 'YULU_VOCATIONAL' | 'UNIVERSITY_ENTRANT_GRANT' }, principal = PRINCIPALS.villageAOfficer) => {
    const before = await count('education_aid_application');
    const result = await server.execute(Apply, { input }, { principal });
    expect(await count('education_aid_application')).toBe(before);
    return result.data?.applyForEducationAid;
  };

  it('rule 1: a household status the scheme does not admit that year (from 2021 only exited and monitored households)', async () => {
    clock.setToday('2021-09-01');
    const student = await enrolledStudent(server, { status: 'POOR', year: 2021 });
    expect(await applyRefused({ memberId: student.memberId, enrolmentId: student.enrolmentId, scheme: 'YULU_VOCATIONAL' })).toMatchObject({
      __typename: 'RuleViolationError',
      field: 'memberId',
      messageZh: '该生家庭（POOR）不属于本年度该资助项目的资助对象',
      messageEn: expect.stringContaining('is not among those the scheme aids in 2021'),
    });
    const exited = await enrolledStudent(server, { status: 'EXITED', year: 2021 });
    mustSucceed(await server.execute(Apply, { input: { memberId: exited.memberId, enrolmentId: exited.enrolmentId, scheme: 'YULU_VOCATIONAL' } }, { principal: PRINCIPALS.villageAOfficer }));
  });

  it('rule 1: a stage the scheme does not cover (雨露计划 for 本科)', async () => {
    clock.setToday('2016-09-01');
    const student = await enrolledStudent(server, { stage: 'UNDERGRADUATE' });
    expect(await applyRefused({ memberId: student.memberId, enrolmentId: student.enrolmentId, scheme: 'YULU_VOCATIONAL' })).toMatchObject({
      __typename: 'RuleViolationError',
      field: 'scheme',
      messageZh: '该资助项目本年度在本省不资助本科学生',
      messageEn: 'The scheme YULU_VOCATIONAL does not cover UNDERGRADUATE students in this province and year',
    });
  });

  it('rule 4: a suspended, dropped-out or military-leave enrolment, and a part-time student', async () => {
    clock.setToday('2016-09-01');
    for (const enrolmentStatus of ['SUSPENDED', 'DROPPED_OUT', 'MILITARY_LEAVE']) {
      const student = await enrolledStudent(server, { enrolmentStatus });
      expect(await applyRefused({ memberId: student.memberId, enrolmentId: student.enrolmentId, scheme: 'YULU_VOCATIONAL' })).toMatchObject({
        __typename: 'RuleViolationError',
        field: 'enrolmentId',
        messageEn: `An enrolment in status ${enrolmentStatus} gets no aid: only students in school do`,
      });
    }
    const partTime = await enrolledStudent(server, { fullTime: false });
    expect(await applyRefused({ memberId: partTime.memberId, enrolmentId: partTime.enrolmentId, scheme: 'YULU_VOCATIONAL' })).toMatchObject({
      __typename: 'RuleViolationError',
      field: 'enrolmentId',
      messageZh: '非全日制学生不能享受该资助',
      messageEn: 'Part-time students are not eligible for this scheme',
    });
  });

  it('a member of another area, as one that does not exist', async () => {
    clock.setToday('2016-09-01');
    const student = await enrolledStudent(server, { villageCode: CODES.villageC });
    expect(await applyRefused({ memberId: student.memberId, enrolmentId: student.enrolmentId, scheme: 'YULU_VOCATIONAL' })).toMatchObject({
      __typename: 'NotFoundError',
      field: 'memberId',
      messageZh: '学生不存在或不在您的权限范围内',
      messageEn: 'Student does not exist or is outside your scope',
    });
  });

  it('a second application for the same scheme and year', async () => {
    clock.setToday('2016-09-01');
    const student = await enrolledStudent(server);
    const input = { memberId: student.memberId, enrolmentId: student.enrolmentId, scheme: 'YULU_VOCATIONAL' as const };
    mustSucceed(await server.execute(Apply, { input }, { principal: PRINCIPALS.villageAOfficer }));
    expect(await applyRefused(input)).toMatchObject({ __typename: 'ConflictError', field: 'scheme', messageEn: 'This student has applied for this scheme in that year already' });
  });
});

describe('refusals of a payment, each naming the field, with nothing written to the plugin or the ledger', () => {
  const payRefused = async (input: ReturnType<typeof payInput>) => {
    const [payments, entries] = [await count('education_aid_payment'), await count('ledger_entry')];
    const result = await server.execute(Pay, { input }, { principal: PRINCIPALS.bureau });
    expect([await count('education_aid_payment'), await count('ledger_entry')]).toEqual([payments, entries]);
    return result.data?.payEducationAid;
  };

  it('rule 3: before the notice has ended, and to an account in another name', async () => {
    clock.setToday('2016-09-01');
    const student = await enrolledStudent(server);
    const applicationId = await approvedApplication(server, student, '2016-09-01', '2016-09-05');
    clock.setToday('2016-09-05');
    expect(await payRefused(payInput(student, applicationId, allocation))).toMatchObject({
      __typename: 'RuleViolationError',
      field: 'paidOn',
      messageZh: '公示期至2016-09-05，公示结束后才能发放',
      messageEn: 'The public notice runs until 2016-09-05; pay after it has ended',
    });
    clock.setToday('2016-09-06');
    expect(await payRefused(payInput(student, applicationId, allocation, { accountHolder: '向大山' }))).toMatchObject({
      __typename: 'RuleViolationError',
      field: 'accountHolder',
      messageZh: '资助须发放到学生本人名下的账户',
      messageEn: 'Aid is paid to an account in the student\'s own name',
    });
  });

  it('rule 2: a second payment of the same term, and a year\'s total above the scheme\'s amount', async () => {
    clock.setToday('2016-09-01');
    const student = await enrolledStudent(server);
    const applicationId = await approvedApplication(server, student, '2016-09-01', '2016-09-05');
    clock.setToday('2016-09-10');
    mustSucceed(await server.execute(Pay, { input: payInput(student, applicationId, allocation) }, { principal: PRINCIPALS.bureau }));
    expect(await payRefused(payInput(student, applicationId, allocation, { voucherNo: 'YL-002' }))).toMatchObject({
      __typename: 'ConflictError',
      field: 'term',
      messageEn: 'This student has been paid this scheme for that term already',
    });
    expect(await payRefused(payInput(student, applicationId, allocation, { term: 'SPRING', amount: '1500.01' }))).toMatchObject({
      __typename: 'RuleViolationError',
      field: 'amount',
      messageZh: '超出该资助项目的年度标准（3000.00元，已发放1500.00元）',
      messageEn: 'The year\'s total would exceed the scheme\'s amount of 3000.00 yuan (1500.00 paid)',
    });
  });

  it('rule 4: an enrolment suspended after the approval', async () => {
    clock.setToday('2016-09-01');
    const student = await enrolledStudent(server);
    const applicationId = await approvedApplication(server, student, '2016-09-01', '2016-09-05');
    await server.sql(`update education_enrolment set status = 'SUSPENDED' where id = ?`, [idOf(student.enrolmentId)]);
    clock.setToday('2016-09-10');
    expect(await payRefused(payInput(student, applicationId, allocation))).toMatchObject({ __typename: 'RuleViolationError', field: 'enrolmentId' });
  });

  it('a payment beyond the fund\'s allocation (core\'s ledger refuses it inside the payment\'s transaction)', async () => {
    clock.setToday('2016-09-01');
    const small = await educationAllocation(server, '1000.00');
    const student = await enrolledStudent(server);
    const applicationId = await approvedApplication(server, student, '2016-09-01', '2016-09-05');
    clock.setToday('2016-09-10');
    expect(await payRefused(payInput(student, applicationId, small))).toMatchObject({
      __typename: 'RuleViolationError',
      field: 'amount',
      messageEn: 'The amount exceeds what is left of the allocation (1000.00 yuan)',
    });
  });

  it('an allocation of a project that is not an education project', async () => {
    clock.setToday('2016-09-01');
    const roads = await educationAllocation(server, '100000.00', 'ROAD');
    const student = await enrolledStudent(server);
    const applicationId = await approvedApplication(server, student, '2016-09-01', '2016-09-05');
    clock.setToday('2016-09-10');
    expect(await payRefused(payInput(student, applicationId, roads))).toMatchObject({ __typename: 'RuleViolationError', field: 'allocationId' });
  });

  it('a role without the payment permission (a village officer, an administrator)', async () => {
    clock.setToday('2016-09-01');
    const student = await enrolledStudent(server);
    const applicationId = await approvedApplication(server, student, '2016-09-01', '2016-09-05');
    clock.setToday('2016-09-10');
    for (const principal of [PRINCIPALS.villageAOfficer, PRINCIPALS.admin]) {
      const [payments, entries] = [await count('education_aid_payment'), await count('ledger_entry')];
      const result = await server.execute(Pay, { input: payInput(student, applicationId, allocation) }, { principal });
      expect(result.data?.payEducationAid).toMatchObject({ __typename: 'ForbiddenError', field: 'applicationId', messageEn: 'Your role may not pay education aid' });
      expect([await count('education_aid_payment'), await count('ledger_entry')]).toEqual([payments, entries]);
    }
  });
});

describe('concurrency and corrections', () => {
  it('of two concurrent payments for one student and term exactly one succeeds, and the ledger holds one', async () => {
    clock.setToday('2016-09-01');
    const student = await enrolledStudent(server);
    const applicationId = await approvedApplication(server, student, '2016-09-01', '2016-09-05');
    clock.setToday('2016-09-10');
    const before = await disbursed();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => server.execute(Pay, { input: payInput(student, applicationId, allocation, { voucherNo: `YL-C${i}` }) }, { principal: PRINCIPALS.bureau })),
    );
    const outcomes = results.map((r) => r.data?.payEducationAid.__typename);
    expect(outcomes.filter((t) => t === 'PayEducationAidPayload')).toHaveLength(1);
    expect(outcomes.filter((t) => t === 'ConflictError')).toHaveLength(5);
    const [row] = await server.sql<{ n: string }>('select count(*) as n from education_aid_payment where application_id = ?', [idOf(applicationId)]);
    expect(row.n).toBe('1');
    expect(Number(await disbursed()) - Number(before)).toBe(1500);
  });

  it('a mistaken payment is reversed in the ledger: it no longer counts, its updatedAt moves, and the term may be paid again', async () => {
    clock.setToday('2016-09-01');
    const student = await enrolledStudent(server);
    const applicationId = await approvedApplication(server, student, '2016-09-01', '2016-09-05');
    clock.setToday('2016-09-10');
    const { payment } = mustSucceed(await server.execute(Pay, { input: payInput(student, applicationId, allocation) }, { principal: PRINCIPALS.bureau }));
    const [before] = await server.sql<{ updated_at: string }>('select updated_at::text from education_aid_payment where id = ?', [idOf(payment.id)]);
    mustSucceed(await server.execute(Reverse, { input: { entryId: payment.disbursement!.id, reason: '账号有误 Wrong account' } }, { principal: PRINCIPALS.bureau }));
    const [after] = await server.sql<{ updated_at: string; later: boolean }>('select updated_at::text, updated_at > ?::timestamptz as later from education_aid_payment where id = ?', [before.updated_at, idOf(payment.id)]);
    expect(after.later).toBe(true);
    const again = mustSucceed(await server.execute(Pay, { input: payInput(student, applicationId, allocation, { voucherNo: 'YL-R2', bankAccount: '6230901234567890999' }) }, { principal: PRINCIPALS.bureau }));
    expect(again.payment.isReversed).toBe(false);
  });
});

describe('reading payments', () => {
  const Payments = graphql(`
    query EducationPayments($updatedAfter: DateTime) {
      aidPayments(regionCode: "433125000000", updatedAfter: $updatedAfter, first: 100) { totalCount edges { node { countyCode scheme term amount isReversed } } }
    }
  `);
  const PaymentAccounts = graphql(`
    query EducationPaymentAccounts { aidPayments(regionCode: "433125000000", first: 1) { edges { node { bankAccount villageCode } } } }
  `);

  it('gives a partner the payments without the person, and refuses him the student\'s fields', async () => {
    const pulled = await server.execute(Payments, { updatedAfter: '2000-01-01T00:00:00Z' }, { principal: PRINCIPALS.ngo });
    expect(pulled.errors).toBeUndefined();
    expect(pulled.data?.aidPayments.totalCount).toBeGreaterThan(0);
    expect(pulled.data?.aidPayments.edges[0].node).toMatchObject({ countyCode: CODES.baojing, scheme: 'YULU_VOCATIONAL' });
    const personal = await server.execute(PaymentAccounts, {}, { principal: PRINCIPALS.ngo });
    expect(personal.errors?.length).toBeGreaterThan(0);
    expect(personal.data?.aidPayments.edges[0]?.node.bankAccount ?? null).toBeNull();
  });

  it('masks the account for an administrator and shows it to the county officer', async () => {
    const admin = await server.execute(PaymentAccounts, {}, { principal: PRINCIPALS.admin });
    expect(admin.data?.aidPayments.edges[0].node.bankAccount).toBe('6230***********0123');
    const officer = await server.execute(PaymentAccounts, {}, { principal: PRINCIPALS.baojingOfficer });
    expect(officer.data?.aidPayments.edges[0].node.bankAccount).toBe('6230901234567890123');
  });

  it('lists nothing to an officer of another province', async () => {
    const result = await server.execute(Payments, {}, { principal: PRINCIPALS.lingyuanOfficer });
    expect(result.data?.aidPayments.totalCount).toBe(0);
    expect((await insertHousehold(server)).id).toBeGreaterThan(0);
  });
});

describe('the education bureau\'s breadth', () => {
  const CreateFund = graphql(`
    mutation EducationBureauCreateFund($input: CreateFundInput!) { createFund(input: $input) { __typename ... on Error { code field } } }
  `);
  const UpdateProject = graphql(`
    mutation EducationBureauUpdateProject($input: UpdateProjectInput!) { updateProject(input: $input) { __typename ... on Error { code field } } }
  `);
  const Allocate = graphql(`
    mutation EducationBureauAllocate($input: AllocateFundsInput!) { allocateFunds(input: $input) { __typename ... on Error { code field } } }
  `);

  it('pays aid and corrects a payment with core.ledger.disburse, but creates no fund, changes no project and allocates nothing', async () => {
    clock.setToday('2016-09-01');
    const student = await enrolledStudent(server);
    const applicationId = await approvedApplication(server, student, '2016-09-01', '2016-09-05');
    clock.setToday('2016-09-10');
    const { payment } = mustSucceed(await server.execute(Pay, { input: payInput(student, applicationId, allocation, { voucherNo: 'YL-B1' }) }, { principal: PRINCIPALS.bureau }));
    mustSucceed(await server.execute(Reverse, { input: { entryId: payment.disbursement!.id, reason: '账号有误 Wrong account' } }, { principal: PRINCIPALS.bureau }));

    const [row] = await server.sql<{ project_id: number; fund_id: number }>('select project_id, fund_id from ledger_entry where id = ?', [idOf(allocation)]);
    const before = [await count('fund'), await count('ledger_entry'), (await server.sql<{ name: string }>('select name from project where id = ?', [row.project_id]))[0].name];
    const fund = await server.execute(
      CreateFund,
      { input: { sourceType: 'CENTRAL_FISCAL', name: '雨露计划资金', year: 2016, amount: '1000.00', areaCode: CODES.baojing } },
      { principal: PRINCIPALS.bureau },
    );
    expect(fund.data?.createFund).toEqual({ __typename: 'ForbiddenError', code: 'FORBIDDEN', field: 'areaCode' });
    const project = await server.execute(UpdateProject, { input: { id: Buffer.from(`Project:${row.project_id}`).toString('base64'), name: '改名' } }, { principal: PRINCIPALS.bureau });
    expect(project.data?.updateProject).toEqual({ __typename: 'ForbiddenError', code: 'FORBIDDEN', field: 'id' });
    const allocate = await server.execute(
      Allocate,
      { input: { fundId: Buffer.from(`Fund:${row.fund_id}`).toString('base64'), projectId: Buffer.from(`Project:${row.project_id}`).toString('base64'), amount: '1.00' } },
      { principal: PRINCIPALS.bureau },
    );
    expect(allocate.data?.allocateFunds).toEqual({ __typename: 'ForbiddenError', code: 'FORBIDDEN', field: 'fundId' });
    // Reversing the allocation itself is the fund manager's.
    const reverseAllocation = await server.execute(Reverse, { input: { entryId: allocation, reason: '撤回 Withdrawn' } }, { principal: PRINCIPALS.bureau });
    expect(reverseAllocation.data?.reverseLedgerEntry).toMatchObject({ __typename: 'ForbiddenError', field: 'entryId' });
    expect([await count('fund'), await count('ledger_entry'), (await server.sql<{ name: string }>('select name from project where id = ?', [row.project_id]))[0].name]).toEqual(before);
  });
});
