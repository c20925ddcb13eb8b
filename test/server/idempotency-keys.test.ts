import { randomUUID } from 'node:crypto';
import type { Principal } from '@tuopin/core';
import { DEFAULT_API_LIMITS } from '@tuopin/server';
import { createHttpTestServer, mustSucceed, TEST_REGISTRAR, type HttpTestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { registrationInput } from '../fixtures/households.js';
import { openCase } from '../fixtures/monitoring.js';
import { RegisterHousehold } from '../fixtures/operations.js';
import { CALLERS } from '../fixtures/principals.js';
import { AllocateFunds, createFund, fundInput, projectUnderConstruction, settingsWith, TestClock } from '../fixtures/projects.js';

/**
 * A form sent twice must not write twice: a mutation sent again with the `Idempotency-Key` it was
 * first sent with is answered from the first run, through the real gateway with real tokens. The
 * key, not the voucher, decides: the same voucher under a new key pays again, as it may (batches
 * share one, the demo reuses one after a reversal).
 */

const clock = new TestClock(new Date('2016-03-01T02:00:00Z'));
let server: HttpTestServer;
let allocationId = '';
let fundId = '';
const tokens = new Map<string, string>();

const ERROR_FIELDS = `... on Error { code field messageZh messageEn } ... on ValidationError { issues { field messageZh messageEn } }`;
const DISBURSE = `mutation($input: DisburseFundsInput!) { disburseFunds(input: $input) { __typename
  ... on DisburseFundsPayload { disbursement { id amount voucherNo } fund { disbursed } } ${ERROR_FIELDS} } }`;
const CREATE_FUND = `mutation($input: CreateFundInput!) { createFund(input: $input) { __typename ... on CreateFundPayload { fund { id name } } ${ERROR_FIELDS} } }`;
const CREATE_LENDER = `mutation($input: CreateLenderInput!) { createLender(input: $input) { __typename ... on CreateLenderPayload { lender { id name } } ${ERROR_FIELDS} } }`;
const TAKE_STEP = `mutation($input: TakeMonitoringStepInput!) { takeMonitoringStep(input: $input) { __typename
  ... on TakeMonitoringStepPayload { monitoringCase { id step version history { step } } } ${ERROR_FIELDS} } }`;

async function tokenOf(principal: Principal): Promise<string> {
  if (!tokens.has(principal.id)) tokens.set(principal.id, await server.token(principal));
  return tokens.get(principal.id)!;
}

/** POSTs one GraphQL request as a caller, with an Idempotency-Key when one is given. */
async function send(query: string, variables: Record<string, unknown>, key: string | null, principal: Principal = CALLERS.baojingOfficer) {
  const headers: Record<string, string> = { authorization: `Bearer ${await tokenOf(principal)}` };
  if (key !== null) headers['idempotency-key'] = key;
  const response = await server.post({ query, variables }, headers);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  expect(response.body.errors, JSON.stringify(response.body)).toBeUndefined();
  return response.body.data as Record<string, any>;
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await server.sql<{ n: string }>(sql, params);
  return Number(row!.n);
}

const disbursements = () => count(`select count(*) as n from ledger_entry where kind = 'DISBURSEMENT'`);
const auditRecords = () => count(`select count(*) as n from audit_log`);
const disburseInput = (voucherNo = '保扶报〔2016〕1号') => ({ allocationId, amount: '1000.00', voucherNo });

beforeAll(async () => {
  // Ten requests at once from one caller: more than the default four the gateway admits.
  server = await createHttpTestServer({ settings: settingsWith(clock), limits: { ...DEFAULT_API_LIMITS, concurrentRequests: 12 } });
  await insertAreas(server);
  const projectId = await projectUnderConstruction(server, clock);
  fundId = await createFund(server);
  allocationId = mustSucceed(await server.execute(AllocateFunds, { input: { fundId, projectId, amount: '500000.00' } })).allocation.id;
}, 60_000);
afterAll(() => server.close());

describe('a mutation sent again with its Idempotency-Key', () => {
  it('disburses once, and answers the second time as the first', async () => {
    const before = await disbursements();
    const key = randomUUID();
    const first = await send(DISBURSE, { input: disburseInput() }, key);
    expect(first.disburseFunds.__typename).toBe('DisburseFundsPayload');
    const second = await send(DISBURSE, { input: disburseInput() }, key);
    expect(second).toEqual(first);
    expect(await disbursements()).toBe(before + 1);
    const [{ disbursed }] = await server.sql<{ disbursed: string }>(`select sum(amount)::text as disbursed from ledger_entry where kind = 'DISBURSEMENT'`);
    expect(disbursed).toBe(`${(before + 1) * 1000}.00`);

    // The key decides, not the voucher: the same form under a new key pays again.
    const third = await send(DISBURSE, { input: disburseInput() }, randomUUID());
    expect(third.disburseFunds.__typename).toBe('DisburseFundsPayload');
    expect(third.disburseFunds.disbursement.id).not.toBe(first.disburseFunds.disbursement.id);
    expect(third.disburseFunds.fund.disbursed).not.toBe(first.disburseFunds.fund.disbursed);
    expect(await disbursements()).toBe(before + 2);
  });

  it('without a key runs every time, as it always did', async () => {
    const before = await disbursements();
    for (let i = 0; i < 2; i += 1) expect((await send(DISBURSE, { input: disburseInput() }, null)).disburseFunds.__typename).toBe('DisburseFundsPayload');
    expect(await disbursements()).toBe(before + 2);
  });

  it('costs a keyed write five statements more, and a replay writes none', async () => {
    const keyless = await server.countStatements(() => send(DISBURSE, { input: disburseInput() }, null));
    const key = randomUUID();
    const keyed = await server.countStatements(() => send(DISBURSE, { input: disburseInput() }, key));
    const replay = await server.countStatements(() => send(DISBURSE, { input: disburseInput() }, key));
    // The key's lookup, the advisory lock, the purge, the key row and its answer.
    expect(keyed.count, keyed.statements.join('\n')).toBe(keyless.count + 5);
    expect(replay.statements.filter((sql) => /^\s*(insert|update|delete)\b/i.test(sql)), replay.statements.join('\n')).toEqual([]);
    expect(replay.count).toBeLessThan(keyless.count);
  });

  it('sent ten times at once writes once, and every answer is the one write', async () => {
    const before = await disbursements();
    const [{ last }] = await server.sql<{ last: number }>(`select coalesce(max(id), 0) as last from audit_log`);
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 10 }, () => send(DISBURSE, { input: disburseInput('保扶报〔2016〕9号') }, key)));
    expect(await disbursements()).toBe(before + 1);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]!.disburseFunds.__typename).toBe('DisburseFundsPayload');
    // The entry and the rows it touched are audited under one request: the replays wrote nothing.
    const writers = await server.sql<{ request_id: string }>(`select distinct request_id from audit_log where id > ?`, [last]);
    expect(writers).toHaveLength(1);
  });

  it('registers a household once when sent five times at once under one key, and keeps no personal data with the answer', async () => {
    // A registration is one statement with no transaction of its own (kernel/one-statement-write);
    // under a key not yet claimed it runs in a transaction that claims the key with it.
    const REGISTER = `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { __typename
      ... on RegisterHouseholdPayload { household { id householdNo memberCount members { name idNumber } } } ${ERROR_FIELDS} } }`;
    const input = registrationInput();
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 5 }, () => send(REGISTER, { input }, key)));
    expect(answers[0]!.registerHousehold.__typename, JSON.stringify(answers[0])).toBe('RegisterHouseholdPayload');
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]!.registerHousehold.household.members.map((m: { idNumber: string }) => m.idNumber)).toEqual(input.members.map((m) => m.idNumber));
    expect(await count(`select count(*) as n from household where household_no = ?`, [input.householdNo])).toBe(1);
    const [stored] = await server.sql<{ answer: unknown }>(`select answer from idempotency_key where idempotency_key = ?`, [key]);
    expect(stored!.answer).toBeTruthy();
    const text = JSON.stringify(stored!.answer);
    for (const member of input.members) {
      expect(text).not.toContain(member.idNumber);
      expect(text).not.toContain(member.name);
    }

    // The key row and the registration commit together (a crash between the write and storing
    // the answer must not let the key run the write again).
    const keyed = await server.countStatements(() => send(REGISTER, { input: registrationInput() }, randomUUID()));
    const writes = keyed.statements.map((sql) => sql.trim().slice(0, 40).toLowerCase());
    const claim = writes.findIndex((sql) => sql.startsWith('insert into idempotency_key'));
    const registration = writes.findIndex((sql) => sql.startsWith('with stamp as'));
    const begin = writes.lastIndexOf('begin;', claim);
    expect(begin, keyed.statements.join('\n')).toBeGreaterThanOrEqual(0);
    expect(claim).toBeLessThan(registration);
    expect(writes.slice(begin, registration + 2).filter((sql) => sql === 'begin;' || sql === 'commit;')).toEqual(['begin;', 'commit;']);
    expect(writes[registration + 1]).toBe('commit;');
  });

  it('creates one fund, one plugin record and takes one workflow step; another caller\'s same key is its own', async () => {
    const funds = () => count(`select count(*) as n from fund`);
    const fundsBefore = await funds();
    const key = randomUUID();
    const input = fundInput({ name: '幂等测试资金' });
    const first = await send(CREATE_FUND, { input }, key);
    expect(first.createFund.__typename).toBe('CreateFundPayload');
    expect(await send(CREATE_FUND, { input }, key)).toEqual(first);
    expect(await funds()).toBe(fundsBefore + 1);
    // The same key and request from another officer: independent, it creates that officer's fund.
    const other = await send(CREATE_FUND, { input }, key, CALLERS.hunanAdmin);
    expect(other.createFund.__typename).toBe('CreateFundPayload');
    expect(other.createFund.fund.id).not.toBe(first.createFund.fund.id);
    expect(await funds()).toBe(fundsBefore + 2);

    const lenders = () => count(`select count(*) as n from finance_lender`);
    const lendersBefore = await lenders();
    const lender = { input: { name: '保靖县农村信用合作联社', kind: 'RURAL_CREDIT_COOPERATIVE', areaCode: AREAS.baojing } };
    const lenderKey = randomUUID();
    const created = await send(CREATE_LENDER, lender, lenderKey, CALLERS.hunanAdmin);
    expect(created.createLender.__typename).toBe('CreateLenderPayload');
    expect(await send(CREATE_LENDER, lender, lenderKey, CALLERS.hunanAdmin)).toEqual(created);
    expect(await lenders()).toBe(lendersBefore + 1);

    clock.setToday('2021-03-01');
    const household = mustSucceed(
      await server.execute(RegisterHousehold, { input: registrationInput({ status: 'EXITED', exitYear: 2019 }) }, { principal: TEST_REGISTRAR }),
    ).household;
    const kase = await openCase(server, { category: 'UNSTABLE_EXITED', householdId: household.id, riskTypes: ['ILLNESS'], leadSource: 'CADRE_VISIT', leadDate: '2021-03-01', income12Months: '9000.00' });
    const step = { input: { caseId: kase.id, version: kase.version, step: 'HOME_CHECK', date: '2021-03-01' } };
    const stepKey = randomUUID();
    const taken = await send(TAKE_STEP, step, stepKey, CALLERS.villageAOfficer);
    expect(taken.takeMonitoringStep.__typename).toBe('TakeMonitoringStepPayload');
    // Without the key the second send would be refused as a stale version; with it, it is the same answer.
    expect(await send(TAKE_STEP, step, stepKey, CALLERS.villageAOfficer)).toEqual(taken);
    expect(taken.takeMonitoringStep.monitoringCase.history.filter((h: { step: string }) => h.step === 'HOME_CHECK')).toHaveLength(1);
    clock.setToday('2016-03-10');
  });

  it('does not keep a key shown once: createApiKey sent again creates no second key and does not show it again', async () => {
    const keys = () => count(`select count(*) as n from api_key`);
    const before = await keys();
    const query = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { __typename ... on CreateApiKeyPayload { key apiKey { id } } ${ERROR_FIELDS} } }`;
    const variables = { input: { name: '幂等测试合作机构', areaScopes: ['433125'] } };
    const key = randomUUID();
    const first = await send(query, variables, key, CALLERS.hunanAdmin);
    expect(first.createApiKey.__typename).toBe('CreateApiKeyPayload');
    const second = await send(query, variables, key, CALLERS.hunanAdmin);
    expect(second.createApiKey).toMatchObject({ __typename: 'ConflictError', field: 'Idempotency-Key' });
    expect(JSON.stringify(second)).not.toContain(first.createApiKey.key);
    expect(await keys()).toBe(before + 1);
    const [{ answers }] = await server.sql<{ answers: string }>(`select string_agg(answer::text, '') as answers from idempotency_key`);
    expect(answers).not.toContain(first.createApiKey.key);
  });

  it('with one key for several mutation fields, runs each field once', async () => {
    const funds = () => count(`select count(*) as n from fund`);
    const before = await funds();
    const query = `mutation($a: CreateFundInput!, $b: CreateFundInput!) {
      a: createFund(input: $a) { __typename ... on CreateFundPayload { fund { id name } } ${ERROR_FIELDS} }
      b: createFund(input: $b) { __typename ... on CreateFundPayload { fund { id name } } ${ERROR_FIELDS} } }`;
    const variables = { a: fundInput({ name: '幂等甲资金' }), b: fundInput({ name: '幂等乙资金' }) };
    const key = randomUUID();
    const first = await send(query, variables, key);
    expect([first.a.__typename, first.b.__typename]).toEqual(['CreateFundPayload', 'CreateFundPayload']);
    expect(first.a.fund.id).not.toBe(first.b.fund.id);
    expect(await send(query, variables, key)).toEqual(first);
    expect(await funds()).toBe(before + 2);
  });
});

describe('a key that does not fit', () => {
  it('refuses another request under a used key, naming the header, and writes nothing', async () => {
    const key = randomUUID();
    const first = await send(DISBURSE, { input: disburseInput() }, key);
    expect(first.disburseFunds.__typename).toBe('DisburseFundsPayload');
    const before = { disbursements: await disbursements(), audit: await auditRecords(), funds: await count(`select count(*) as n from fund`) };

    const otherAmount = await send(DISBURSE, { input: { ...disburseInput(), amount: '2000.00' } }, key);
    expect(otherAmount.disburseFunds).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT', field: 'Idempotency-Key' });
    expect(otherAmount.disburseFunds.messageZh).toMatch(/幂等键/);
    expect(otherAmount.disburseFunds.messageEn).toMatch(/Idempotency-Key/);
    const otherMutation = await send(CREATE_FUND, { input: fundInput() }, key);
    expect(otherMutation.createFund).toMatchObject({ __typename: 'ConflictError', field: 'Idempotency-Key' });

    expect({ disbursements: await disbursements(), audit: await auditRecords(), funds: await count(`select count(*) as n from fund`) }).toEqual(before);
  });

  it('lets only one of two different requests sent at once under one key write', async () => {
    const funds = () => count(`select count(*) as n from fund`);
    const before = await funds();
    const key = randomUUID();
    const as = (alias: string) => `mutation($input: CreateFundInput!) { ${alias}: createFund(input: $input) { __typename ... on CreateFundPayload { fund { id } } ${ERROR_FIELDS} } }`;
    const [a, b] = await Promise.all([send(as('a'), { input: fundInput({ name: '并发甲' }) }, key), send(as('b'), { input: fundInput({ name: '并发乙' }) }, key)]);
    expect([a.a.__typename, b.b.__typename].sort()).toEqual(['ConflictError', 'CreateFundPayload']);
    expect([a.a, b.b].find((answer) => answer.__typename === 'ConflictError')).toMatchObject({ field: 'Idempotency-Key' });
    expect(await funds()).toBe(before + 1);
  });

  it('refuses a malformed key with a typed error naming the header, and writes nothing; queries ignore it', async () => {
    const before = { disbursements: await disbursements(), audit: await auditRecords() };
    for (const bad of ['k'.repeat(129), 'has\ttab', 'has space', '""']) {
      const answer = await send(DISBURSE, { input: disburseInput() }, bad);
      expect(answer.disburseFunds, JSON.stringify(bad)).toMatchObject({ __typename: 'ValidationError', field: 'Idempotency-Key', issues: [{ field: 'Idempotency-Key' }] });
      expect(answer.disburseFunds.messageZh).toMatch(/Idempotency-Key/);
    }
    expect({ disbursements: await disbursements(), audit: await auditRecords() }).toEqual(before);
    // A quoted key (an sf-string, as the IETF draft writes it) and 128 characters are fine.
    const quoted = await send(DISBURSE, { input: disburseInput() }, `"${randomUUID()}"`);
    expect(quoted.disburseFunds.__typename).toBe('DisburseFundsPayload');
    expect((await send(DISBURSE, { input: disburseInput() }, 'k'.repeat(128))).disburseFunds.__typename).toBe('DisburseFundsPayload');
    const read = await send(`query($id: ID!) { node(id: $id) { id } }`, { id: fundId }, 'k'.repeat(500));
    expect(read.node).toEqual({ id: fundId });
  });

  it('expires after the retention: the key then runs again, and old keys are purged by later keyed writes', async () => {
    const key = randomUUID();
    expect((await send(DISBURSE, { input: disburseInput() }, key)).disburseFunds.__typename).toBe('DisburseFundsPayload');
    const before = await disbursements();
    const keyRows = () => count(`select count(*) as n from idempotency_key where created_at < ?`, [new Date(clock.now.getTime() - 24 * 3_600_000)]);

    // 23 hours on, the key still holds.
    clock.now = new Date(clock.now.getTime() + 23 * 3_600_000);
    expect((await send(DISBURSE, { input: disburseInput() }, key)).disburseFunds.__typename).toBe('DisburseFundsPayload');
    expect(await disbursements()).toBe(before);
    // Past 24 hours (the default retention), it is forgotten: the same request writes again.
    clock.now = new Date(clock.now.getTime() + 2 * 3_600_000);
    expect(await keyRows()).toBeGreaterThan(0);
    const again = await send(DISBURSE, { input: disburseInput() }, key);
    expect(again.disburseFunds.__typename).toBe('DisburseFundsPayload');
    expect(await disbursements()).toBe(before + 1);
    // That keyed write purged the expired rows (this key's and everyone else's), with no job to run.
    expect(await keyRows()).toBe(0);
    clock.setToday('2016-03-10');
  });
});
