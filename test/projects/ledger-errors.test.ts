import type { Principal } from '@tuopin/core';
import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { AllocateFundsInput, CreateFundInput, DisburseFundsInput, ReverseLedgerEntryInput } from '../../schema/generated/graphql.js';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import {
  AllocateFunds,
  ChangeProjectStatus,
  CreateFund,
  createFund,
  createProject,
  DisburseFunds,
  expectRefused,
  fundInput,
  PRINCIPALS,
  projectUnderConstruction,
  ReverseLedgerEntry,
  settingsWith,
  TestClock,
} from '../fixtures/projects.js';

/** Every typed error of the fund mutations, each leaving every project and fund table as it was. */
const clock = new TestClock(new Date('2016-03-01T02:00:00Z'));
let server: TestServer;
let projectId: string;
let fundId: string;
let allocationId: string;
let disbursementId: string;

const gid = (type: string, id: number | string) => Buffer.from(`${type}:${id}`).toString('base64');
const as = (principal?: Principal) => (principal ? { principal } : undefined);

const fund = (input: Partial<CreateFundInput>, principal?: Principal) =>
  server.execute(CreateFund, { input: fundInput(input) }, as(principal)).then((r) => r.data!.createFund);
const allocate = (input: Partial<AllocateFundsInput>, principal?: Principal) =>
  server.execute(AllocateFunds, { input: { fundId, projectId, amount: '1000.00', ...input } }, as(principal)).then((r) => r.data!.allocateFunds);
const disburse = (input: Partial<DisburseFundsInput>, principal?: Principal) =>
  server
    .execute(DisburseFunds, { input: { allocationId, amount: '100.00', voucherNo: 'BZ-1', ...input } }, as(principal))
    .then((r) => r.data!.disburseFunds);
const reverse = (input: Partial<ReverseLedgerEntryInput>, principal?: Principal) =>
  server.execute(ReverseLedgerEntry, { input: { entryId: disbursementId, reason: '录入错误', ...input } }, as(principal)).then((r) => r.data!.reverseLedgerEntry);

beforeAll(async () => {
  server = await createTestServer({ settings: settingsWith(clock) });
  await insertAreas(server);
  projectId = await projectUnderConstruction(server, clock);
  fundId = await createFund(server, { amount: '50000.00' });
  allocationId = mustSucceed(await allocate({ amount: '20000.00' })).allocation.id;
  disbursementId = mustSucceed(await disburse({ amount: '5000.00' })).disbursement.id;
});
afterAll(() => server.close());

describe('createFund refuses', () => {
  it('bad input, an unknown area, and callers without the role or the scope', async () => {
    await expectRefused(server, () => fund({ amount: '0' }), 'ValidationError', 'amount');
    await expectRefused(server, () => fund({ name: '' }), 'ValidationError', 'name');
    await expectRefused(server, () => fund({ year: 1999 }), 'ValidationError', 'year');
    await expectRefused(server, () => fund({ areaCode: '4331' }), 'ValidationError', 'areaCode');
    await expectRefused(server, () => fund({ sourceType: 'IN_KIND_DONATION' }), 'ValidationError', 'inKindDescription');
    await expectRefused(server, () => fund({ inKindDescription: '健身器材' }), 'ValidationError', 'inKindDescription');
    await expectRefused(server, () => fund({ areaCode: '433125199000' }), 'NotFoundError', 'areaCode');
    await expectRefused(server, () => fund({}, PRINCIPALS.ngo), 'ForbiddenError', 'areaCode');
    await expectRefused(server, () => fund({}, PRINCIPALS.auditor), 'ForbiddenError', 'areaCode');
    await expectRefused(server, () => fund({ areaCode: AREAS.lingyuan }, PRINCIPALS.baojingOfficer), 'ForbiddenError', 'areaCode');
  });
});

describe('allocateFunds refuses', () => {
  it('bad amounts and dates, unknown or mistyped ids', async () => {
    await expectRefused(server, () => allocate({ amount: '0.00' }), 'ValidationError', 'amount');
    await expectRefused(server, () => allocate({ amount: '-5.00' }), 'ValidationError', 'amount');
    await expectRefused(server, () => allocate({ date: '2016-03-11' }), 'ValidationError', 'date');
    await expectRefused(server, () => allocate({ fundId: gid('Fund', 999999) }), 'NotFoundError', 'fundId');
    await expectRefused(server, () => allocate({ projectId: gid('Project', 999999) }), 'NotFoundError', 'projectId');
    await expectRefused(server, () => allocate({ fundId: projectId }), 'ValidationError', 'fundId');
  });

  it('more than the fund has left, and projects not approved, suspended or cancelled', async () => {
    await expectRefused(server, () => allocate({ amount: '30000.01' }), 'RuleViolationError', 'amount');
    const planned = await createProject(server);
    await expectRefused(server, () => allocate({ projectId: planned }), 'RuleViolationError', 'projectId');
    mustSucceed(await server.execute(ChangeProjectStatus, { input: { projectId: planned, status: 'CANCELLED' } }));
    await expectRefused(server, () => allocate({ projectId: planned }), 'RuleViolationError', 'projectId');
  });

  it('callers without the role, or with the fund or the project outside their scope', async () => {
    await expectRefused(server, () => allocate({}, PRINCIPALS.ngo), 'ForbiddenError', 'fundId');
    await expectRefused(server, () => allocate({}, PRINCIPALS.auditor), 'ForbiddenError', 'fundId');
    await expectRefused(server, () => allocate({}, PRINCIPALS.lingyuanOfficer), 'NotFoundError', 'fundId');
    const township: Principal = { id: 'officer-yezhuping', role: 'TOWNSHIP_OFFICER', areaScopes: ['433125101'], provinceCode: '430000000000' };
    await expectRefused(server, () => allocate({}, township), 'NotFoundError', 'fundId');
  });
});

describe('disburseFunds refuses', () => {
  it('bad input, unknown or mistyped allocations, and dates before the allocation', async () => {
    await expectRefused(server, () => disburse({ voucherNo: ' ' }), 'ValidationError', 'voucherNo');
    await expectRefused(server, () => disburse({ amount: '0.00' }), 'ValidationError', 'amount');
    await expectRefused(server, () => disburse({ date: '2016-03-09' }), 'ValidationError', 'date');
    await expectRefused(server, () => disburse({ allocationId: gid('Allocation', 999999) }), 'NotFoundError', 'allocationId');
    await expectRefused(server, () => disburse({ allocationId: disbursementId }), 'ValidationError', 'allocationId');
  });

  it('more than the allocation has left, and payments for a project not started', async () => {
    await expectRefused(server, () => disburse({ amount: '15000.01' }), 'RuleViolationError', 'amount');
    mustSucceed(await server.execute(ChangeProjectStatus, { input: { projectId, status: 'SUSPENDED' } }));
    await expectRefused(server, () => disburse({}), 'RuleViolationError', 'allocationId');
    mustSucceed(await server.execute(ChangeProjectStatus, { input: { projectId, status: 'UNDER_CONSTRUCTION' } }));
  });

  it('callers without the role or the scope', async () => {
    await expectRefused(server, () => disburse({}, PRINCIPALS.ngo), 'ForbiddenError', 'allocationId');
    // Entries outside the caller's scope look like entries that do not exist.
    await expectRefused(server, () => disburse({}, PRINCIPALS.lingyuanOfficer), 'NotFoundError', 'allocationId');
  });
});

describe('reverseLedgerEntry refuses', () => {
  it('a missing reason, an entry that is not an allocation or disbursement, and unknown entries', async () => {
    await expectRefused(server, () => reverse({ reason: '  ' }), 'ValidationError', 'reason');
    await expectRefused(server, () => reverse({ entryId: fundId }), 'ValidationError', 'entryId');
    await expectRefused(server, () => reverse({ entryId: gid('Disbursement', 999999) }), 'NotFoundError', 'entryId');
    await expectRefused(server, () => reverse({ entryId: gid('Allocation', Buffer.from(disbursementId, 'base64').toString().split(':')[1]) }), 'NotFoundError', 'entryId');
    await expectRefused(server, () => reverse({ date: '2016-03-09' }), 'ValidationError', 'date');
  });

  it('an allocation with live payments, a second reversal, and callers without the role or the scope', async () => {
    await expectRefused(server, () => reverse({ entryId: allocationId }), 'RuleViolationError', 'entryId');
    await expectRefused(server, () => reverse({}, PRINCIPALS.auditor), 'ForbiddenError', 'entryId');
    await expectRefused(server, () => reverse({}, PRINCIPALS.lingyuanOfficer), 'NotFoundError', 'entryId');
    mustSucceed(await reverse({}));
    await expectRefused(server, () => reverse({}), 'ConflictError', 'entryId');
  });
});
