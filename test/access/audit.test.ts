import { readsOf } from '@tuopin/core';
import path from 'node:path';
import { loadSettings, REPO_ROOT } from '@tuopin/server';
import { auditedTables, createTestServer, expectWholeAuditRecords, mustSucceed, mutationsAdded, runAuditSteps, type AuditWorld, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentOf } from '@tuopin/testing';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { freshIdNumber, memberInput, registrationInput } from '../fixtures/households.js';
import { RegisterHousehold } from '../fixtures/operations.js';
import { CALLERS } from '../fixtures/principals.js';
import { coreAuditSteps } from './core-audit-steps.js';
import { PREFECTURE_ACTOR } from './exit-audit-steps.js';

// Core's own mutations, on core alone. Each plugin proves its own in its suite; the contract
// sweeps (contract-sweeps.test.ts) check every installed plugin's tables and mutations for the trail.
const steps = coreAuditSteps;

let server: TestServer;

beforeAll(async () => {
  // The steps record a project notice that went up twelve days ago, then approve the project; a
  // monitoring case's notice of months ago, and eliminate its risk a month after its decision.
  server = await createTestServer({
    plugins: [],
    settings: { ...loadSettings(path.join(REPO_ROOT, 'tuopin.config.json')), noticeRecordingGraceDays: 90, riskEliminationMonths: 1 },
  });
  await insertAreas(server);
});
afterAll(() => server.close());

describe('the audit sweep', () => {
  it('has an audit step for every mutation of core', () => {
    const mutations = mutationsAdded(server.platform.schema);
    const covered = new Set(steps.map((step) => step.mutation));
    expect(mutations.filter((name) => !covered.has(name)), 'mutations without an audit test').toEqual([]);
  });

  it('records every mutation, in its own transaction, with who, what and which object', async () => {
    const world: AuditWorld = { server, officer: CALLERS.baojingOfficer, admin: CALLERS.nationalAdmin, actors: [CALLERS.villageAOfficer, CALLERS.qianlingOfficer, PREFECTURE_ACTOR], ids: {} };
    await runAuditSteps(world, steps);
  });
});

describe('audited tables', () => {
  it('keep before and after of every insert, update and delete, with masked fields masked whether NULL or not', async () => {
    // Runs after the sweep above, which wrote through every mutation of core.
    const tables = await auditedTables(server);
    expect(tables.map((t) => t.table)).toEqual(expect.arrayContaining(['household', 'member', 'api_key']));
    await expectWholeAuditRecords(server, tables);
  });
});

describe('audit records', () => {
  const UpdateMember = documentOf(`mutation($input: UpdateMemberInput!) { updateMember(input: $input) { __typename } }`);

  it('keep the changed fields before and after, with personal data masked', async () => {
    const input = registrationInput({ members: [memberInput({ relationToHead: 'HEAD' }), memberInput({ health: 'HEALTHY' })] });
    const member = mustSucceed(await server.execute(RegisterHousehold, { input }, { principal: CALLERS.baojingOfficer })).household.members[1];
    const newId = freshIdNumber({ birthDate: '1999-09-09' });
    mustSucceed(await server.execute(UpdateMember, { input: { id: member.id, idNumber: newId, health: 'SERIOUS_ILLNESS', name: '改名' } }, { principal: CALLERS.baojingOfficer }));
    const [record] = await server.sql<{ before: Record<string, unknown>; after: Record<string, unknown>; area_code: string; object_id: string }>(
      "select before, after, area_code, object_id from audit_log where operation = 'updateMember' and object_type = 'member' order by id desc limit 1",
    );
    const oldId = input.members[1].idNumber;
    expect(record.area_code).toBe(AREAS.villageA);
    expect(record.before).toMatchObject({ id_number: `${oldId.slice(0, 6)}********${oldId.slice(14)}`, health: '***', name: input.members[1].name });
    // The birth date is the hidden part of the ID number: shown beside the masked number, it would restore it.
    expect(record.after).toMatchObject({ id_number: `${newId.slice(0, 6)}********${newId.slice(14)}`, health: '***', name: '改名', birth_date: '***' });
    expect(JSON.stringify(record)).not.toContain(newId);
    expect(JSON.stringify(record)).not.toContain('1999');
    expect(Object.keys(record.after).sort()).toEqual(['birth_date', 'health', 'id_number', 'name'].sort());
  });

  it('are not written for a mutation that fails', async () => {
    const [before] = await server.sql<{ n: string }>('select count(*) as n from audit_log');
    const bad = registrationInput({ members: [memberInput({ relationToHead: 'SPOUSE' })] });
    const result = await server.execute(RegisterHousehold, { input: bad }, { principal: CALLERS.baojingOfficer });
    expect(result.data!.registerHousehold.__typename).toBe('ValidationError');
    const [after] = await server.sql<{ n: string }>('select count(*) as n from audit_log');
    expect(after.n).toBe(before.n);
  });

  it('cannot be changed or deleted, whoever asks', async () => {
    await expect(server.sql("update audit_log set actor = 'someone else'")).rejects.toThrow(/append-only/);
    await expect(server.sql('delete from audit_log')).rejects.toThrow(/append-only/);
    await expect(server.sql('truncate audit_log')).rejects.toThrow(/append-only/);
  });
});

describe('auditLog', () => {
  const AuditLog = documentOf(`query($filter: AuditLogFilter, $first: Int) {
    auditLog(filter: $filter, first: $first) { totalCount edges { node { actor operation action objectType areaCode before after } } } }`);

  it('is for auditors and administrators, within their area', async () => {
    mustSucceed(await server.execute(RegisterHousehold, { input: registrationInput({ villageCode: AREAS.dalaoyemiao, members: [memberInput({ relationToHead: 'HEAD' })] }) }, { principal: CALLERS.liaoningOfficer }));

    const auditor = await server.execute(AuditLog, { filter: { operation: 'registerHousehold' }, first: 100 }, { principal: { ...CALLERS.hunanAuditor, areaScopes: [''], provinceCode: null } });
    const areas = new Set(auditor.data.auditLog.edges.map((e: { node: { areaCode: string } }) => e.node.areaCode.slice(0, 2)));
    expect([...areas].sort()).toEqual(['21', '43']);

    const hunan = await server.execute(AuditLog, { filter: { operation: 'registerHousehold' }, first: 100 }, { principal: CALLERS.hunanAdmin });
    expect(hunan.data.auditLog.totalCount).toBeGreaterThan(0);
    expect(hunan.data.auditLog.edges.every((e: { node: { areaCode: string } }) => e.node.areaCode.startsWith('43'))).toBe(true);

    const officer = await server.execute(AuditLog, { first: 5 }, { principal: CALLERS.baojingOfficer });
    expect(officer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const ngo = await server.execute(AuditLog, { first: 5 }, { principal: CALLERS.baojingNgo });
    expect(ngo.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('records an auditor\'s queries and every unmasked read of personal data', async () => {
    const Read = documentOf(`query ReadPeople($code: String!) { village(code: $code) { households(last: 1) { edges { node { bankAccount members { idNumber } } } } } }`);
    const withAccount = registrationInput({ householdNo: `${AREAS.villageA}9999`, bankAccount: '6230111122223333', members: [memberInput({ relationToHead: 'HEAD' })] });
    mustSucceed(await server.execute(RegisterHousehold, { input: withAccount }, { principal: CALLERS.baojingOfficer }));
    const [before] = await server.sql<{ n: string }>("select count(*) as n from audit_log where action = 'READ'");
    // Masked: nothing to record. The read itself must work, or "nothing recorded" proves nothing.
    const masked = await server.execute(Read, { code: AREAS.villageA }, { principal: CALLERS.nationalAdmin });
    expect(masked.errors).toBeUndefined();
    expect(masked.data.village.households.edges[0].node.members[0].idNumber).toMatch(/\*{8}/);
    const [afterAdmin] = await server.sql<{ n: string }>("select count(*) as n from audit_log where action = 'READ'");
    expect(afterAdmin.n).toBe(before.n);
    expect((await server.execute(Read, { code: AREAS.villageA }, { principal: CALLERS.hunanAuditor })).errors).toBeUndefined();
    // One row for the request: the auditor's query and every object it read.
    const rows = await server.sql<{ object_type: string; operation: string; after: { reads: { objectType: string; fields: string[] }[] } }>(
      "select object_type, operation, after from audit_log where action = 'READ' and actor = ? and operation = 'query ReadPeople'",
      [CALLERS.hunanAuditor.id],
    );
    expect(rows, JSON.stringify(rows)).toHaveLength(1);
    expect(rows[0]).toMatchObject({ object_type: 'Query', operation: 'query ReadPeople' });
    const reads = readsOf(rows[0].after)!;
    expect(reads.some((r) => r.objectType === 'Member' && r.fields.includes('idNumber'))).toBe(true);
    expect(reads.some((r) => r.objectType === 'Household' && r.fields.includes('bankAccount'))).toBe(true);
  });
});
