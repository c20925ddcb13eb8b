import { AuditTrail, ReadAuditWriter, ReadLayer, readBlockOf, readsOf, type Principal, type ReadRecord, type RecordedReadGroup } from '@tuopin/core';
import { createHttpTestServer, type HttpTestServer, mustSucceed } from '@tuopin/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v8FullCollection } from '../../packages/server/src/idle-collection.js';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { globalId, registrationInput } from '../fixtures/households.js';
import { CALLERS } from '../fixtures/principals.js';

// Reads of personal data are recorded as one audit row per request, which still answers
// "who read this member", and shows each reader only the reads in his area.

let server: HttpTestServer;

async function post(caller: Principal, query: string, variables: Record<string, unknown> = {}) {
  const response = await server.post({ query, variables }, { authorization: `Bearer ${await server.token(caller)}` });
  expect(response.status).toBe(200);
  expect(response.body.errors, `${query}: ${JSON.stringify(response.body.errors)}`).toBeUndefined();
  return response.body.data;
}

const REGISTER = `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { __typename ... on RegisterHouseholdPayload { household { id } } } }`;
const PAGE = `query CountyPage { households(first: 20, regionCode: "433125000000") { edges { node { householdNo members { id name idNumber health } } } } }`;
const AUDIT = `query($filter: AuditLogFilter) { auditLog(first: 10, filter: $filter) { totalCount edges { node { action objectType operation areaCode after } } } }`;
const readRows = (actor: string) => server.sql<{ n: string }>("select count(*) as n from audit_log where action = 'READ' and actor = ?", [actor]);
const villageCOfficer: Principal = { id: 'test:village-c-officer', role: 'VILLAGE_OFFICER', areaScopes: [AREAS.villageC], provinceCode: '430000000000' };
const villageCAuditor: Principal = { id: 'test:village-c-auditor', role: 'AUDITOR', areaScopes: [AREAS.villageC], provinceCode: '430000000000' };

beforeAll(async () => {
  server = await createHttpTestServer();
  await insertAreas(server);
  // 20 households of three members, in two villages of 保靖县.
  for (let i = 0; i < 20; i++) {
    const village = i % 2 === 0 ? AREAS.villageA : AREAS.villageC;
    const input = registrationInput({ householdNo: `${village}${String(7000 + i)}`, villageCode: village });
    mustSucceed((await post(CALLERS.baojingOfficer, REGISTER, { input })).registerHousehold);
  }
});
afterAll(() => server.close());

describe('read audit', () => {
  it('writes one row for a page of 20 households with their members, listing every member read with its area', async () => {
    const [before] = await readRows(CALLERS.baojingOfficer.id);
    const data = await post(CALLERS.baojingOfficer, PAGE);
    const members = data.households.edges.flatMap((edge: { node: { members: { id: string; idNumber: string }[] } }) => edge.node.members);
    expect(data.households.edges).toHaveLength(20);
    expect(members).toHaveLength(60);
    expect(members[0].idNumber).not.toContain('*'); // a county officer reads in full: the read is recorded
    const [after] = await readRows(CALLERS.baojingOfficer.id);
    expect(Number(after.n) - Number(before.n)).toBe(1);

    const [row] = await server.sql<{ object_type: string; area_code: string | null; operation: string; after: { readGroups: RecordedReadGroup[] }; read_objects: string[]; read_blocks: string[] }>(
      "select object_type, area_code, operation, after, read_objects, read_blocks from audit_log where action = 'READ' and actor = ? order by id desc limit 1",
      [CALLERS.baojingOfficer.id],
    );
    expect(row).toMatchObject({ object_type: 'Query', area_code: '433125000000', operation: 'query CountyPage' });
    const reads = readsOf(row.after)!;
    expect(reads).toHaveLength(60);
    expect(new Set(reads.map((read) => read.areaCode))).toEqual(new Set([AREAS.villageA, AREAS.villageC]));
    expect(reads.every((read) => read.objectType === 'Member' && read.fields.includes('idNumber'))).toBe(true);
    expect(new Set(reads.map((read) => read.objectId)).size).toBe(60);
    // Stored grouped: the members of a village read with the same fields are one entry of their ids
    // (one per village and set of fields: a member with a health entry adds health).
    const places = row.after.readGroups.map((group) => `${group.areaCode} ${group.fields.join(',')}`);
    expect(new Set(places).size).toBe(places.length);
    expect(row.after.readGroups.length).toBeLessThanOrEqual(4);
    expect(row.after.readGroups.reduce((sum, group) => sum + group.objectIds.length, 0)).toBe(60);
    expect(row.read_objects.sort()).toEqual(reads.map((read) => `Member:${read.objectId}`).sort());
    // The row is indexed by the blocks of the members, each once: the 60 members registered together fall into one or two.
    const blocks = [...new Set(reads.map((read) => `Member/${read.objectId.slice(0, -2)}`))].sort();
    expect(row.read_blocks.sort()).toEqual(blocks);
    expect(blocks.length).toBeLessThanOrEqual(2);
  });

  it("is found by the member it read, and shows a reader of one village only that village's reads", async () => {
    const data = await post(CALLERS.baojingOfficer, PAGE);
    const edges = data.households.edges as { node: { householdNo: string; members: { id: string }[] } }[];
    const inC = edges.find((edge) => edge.node.householdNo.startsWith(AREAS.villageC))!.node.members[0];
    const memberId = Buffer.from(inC.id, 'base64').toString().split(':')[1];

    const found = await post(CALLERS.hunanAuditor, AUDIT, { filter: { objectType: 'Member', objectId: memberId, action: 'READ' } });
    expect(found.auditLog.totalCount).toBe(2); // the two page reads of this file
    expect(found.auditLog.edges[0].node).toMatchObject({ action: 'READ', objectType: 'Query', operation: 'query CountyPage' });
    expect(found.auditLog.edges[0].node.after.reads).toContainEqual({ objectType: 'Member', objectId: memberId, areaCode: AREAS.villageC, fields: expect.arrayContaining(['idNumber']) });

    const local = await post(villageCAuditor, AUDIT, { filter: { objectType: 'Member', objectId: memberId, actor: CALLERS.baojingOfficer.id, action: 'READ' } });
    expect(local.auditLog.totalCount).toBe(2);
    const reads = local.auditLog.edges[0].node.after.reads as { areaCode: string }[];
    expect(reads).toHaveLength(30);
    expect(reads.every((read) => read.areaCode === AREAS.villageC)).toBe(true);

    // Nor does a reader of village C find those rows by a member of village A they also list:
    // that would tell him the member exists outside his area, and who read it.
    const inA = edges.find((edge) => edge.node.householdNo.startsWith(AREAS.villageA))!.node.members[0];
    const memberInA = Buffer.from(inA.id, 'base64').toString().split(':')[1];
    expect((await post(CALLERS.hunanAuditor, AUDIT, { filter: { objectType: 'Member', objectId: memberInA, action: 'READ' } })).auditLog.totalCount).toBe(2);
    for (const filter of [{ objectType: 'Member', objectId: memberInA }, { objectId: memberInA }]) {
      const outside = await post(villageCAuditor, AUDIT, { filter: { ...filter, actor: CALLERS.baojingOfficer.id, action: 'READ' } });
      expect(outside.auditLog, JSON.stringify(filter)).toEqual({ totalCount: 0, edges: [] });
    }
    // By type alone it still finds the rows, through the reads in village C.
    expect((await post(villageCAuditor, AUDIT, { filter: { objectType: 'Member', actor: CALLERS.baojingOfficer.id, action: 'READ' } })).auditLog.totalCount).toBe(2);

    // A village officer's own read has one place: the row's area is that village.
    await post(villageCOfficer, `{ households(first: 5) { edges { node { members { idNumber } } } } }`);
    const [own] = await server.sql<{ area_code: string }>("select area_code from audit_log where action = 'READ' and actor = ?", [villageCOfficer.id]);
    expect(own.area_code).toBe(AREAS.villageC);
  });
});

describe('read records found by block', () => {
  it("is found by a member it read, not by another member of the member's block, nor by a block's prefix", async () => {
    const writer = new ReadAuditWriter(new ReadLayer(server.orm.em));
    const actor = 'test:block-reader';
    await writer.record(memberRead(actor, '515151', 'block-1'));
    const [row] = await server.sql<{ read_objects: string[]; read_blocks: string[] }>('select read_objects, read_blocks from audit_log where actor = ?', [actor]);
    expect(row).toEqual({ read_objects: ['Member:515151'], read_blocks: ['Member/5151'] });
    expect(readBlockOf('Member', '515151')).toBe('Member/5151');
    // A national caller's lookup has no check of the read's place after the index; a province's has.
    for (const caller of [CALLERS.nationalAdmin, CALLERS.hunanAuditor]) {
      const found = async (objectType: string, objectId: string) =>
        (await post(caller, AUDIT, { filter: { objectType, objectId, actor, action: 'READ' } })).auditLog.totalCount;
      expect(await found('Member', '515151'), caller.id).toBe(1);
      // 515150 is in the same block: the index finds the row, its objects do not list the member.
      expect(await found('Member', '515150'), caller.id).toBe(0);
      expect(await found('Member', '5151'), caller.id).toBe(0);
      expect(await found('Member', '51'), caller.id).toBe(0);
      expect(await found('Household', '515151'), caller.id).toBe(0);
    }
  });

  it('gives ids of one or two characters a block of their own', async () => {
    expect(readBlockOf('Member', '7')).toBe('Member/');
    expect(readBlockOf('Member', '42')).toBe('Member/');
    expect(readBlockOf('Member', '142')).toBe('Member/1');
    const writer = new ReadAuditWriter(new ReadLayer(server.orm.em));
    const actor = 'test:short-id-reader';
    await writer.record(memberRead(actor, '7', 'short-1'));
    const found = async (objectId: string) => (await post(CALLERS.hunanAuditor, AUDIT, { filter: { objectType: 'Member', objectId, actor } })).auditLog.totalCount;
    expect(await found('7')).toBe(1);
    expect(await found('42')).toBe(0);
  });
});

describe('read records written before the grouped form', () => {
  it('are found by the member they list and show a reader only the reads in his area', async () => {
    // As session 26 wrote them: one entry per object in after.reads.
    const old = [
      { objectType: 'Member', objectId: '900001', areaCode: AREAS.villageC, fields: ['idNumber'] },
      { objectType: 'Member', objectId: '900002', areaCode: AREAS.villageA, fields: ['health', 'idNumber'] },
    ];
    await server.sql(
      `insert into audit_log (actor, actor_role, operation, request_id, action, object_type, area_code, after, read_objects, read_areas)
       values ('test:old-reader', 'COUNTY_OFFICER', 'query OldPage', 'old-1', 'READ', 'Query', ?, ?::jsonb, ?::text[], ?::varchar(12)[])`,
      [AREAS.qianling, JSON.stringify({ reads: old }), '{Member:900001,Member:900002}', `{${AREAS.villageC},${AREAS.villageA}}`],
    );
    const filter = (objectId: string) => ({ filter: { objectType: 'Member', objectId, actor: 'test:old-reader' } });
    const national = await post(CALLERS.hunanAuditor, AUDIT, filter('900002'));
    expect(national.auditLog.totalCount).toBe(1);
    expect(national.auditLog.edges[0].node.after.reads).toEqual(old);
    const local = await post(villageCAuditor, AUDIT, filter('900001'));
    expect(local.auditLog.totalCount).toBe(1);
    expect(local.auditLog.edges[0].node.after).toEqual({ reads: [old[0]] });
    expect((await post(villageCAuditor, AUDIT, filter('900002'))).auditLog).toEqual({ totalCount: 0, edges: [] });
  });
});

/** A request's record of one member read, as the read-audit plugin hands it to the writer. */
function memberRead(actor: string, memberId: string, requestId: string): ReadRecord {
  const trail = new AuditTrail();
  trail.recordPersonalRead('Member', memberId, AREAS.villageA, 'idNumber');
  return { principal: { ...CALLERS.baojingOfficer, id: actor }, requestId, operation: 'query Test', personalReads: trail.takePersonalReads(), recordQuery: false };
}

describe("read audit of what a request entered itself", () => {
  const REGISTER_AND_READ_BACK = `mutation Register($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { __typename ... on RegisterHouseholdPayload { household { id bankAccount members { id idNumber health } } } } }`;
  const insertsBy = (actor: string) =>
    server.sql<{ object_type: string; object_id: string; operation: string }>("select object_type, object_id, operation from audit_log where actor = ? and action = 'INSERT' order by id", [actor]);

  it("records no read for a registration's payload, whose personal data the caller just sent; its writes name every row", async () => {
    const officer = { ...CALLERS.baojingOfficer, id: 'test:registering-officer' };
    const input = registrationInput({ householdNo: `${AREAS.villageA}7900`, villageCode: AREAS.villageA, bankAccount: '6230123456789012' });
    const registered = mustSucceed((await post(officer, REGISTER_AND_READ_BACK, { input })).registerHousehold);
    expect(registered.household.bankAccount).toBe('6230123456789012'); // unmasked: a county officer
    expect(registered.household.members).toHaveLength(input.members.length);
    expect(registered.household.members.map((member: { idNumber: string }) => member.idNumber)).toEqual(input.members.map((member: { idNumber: string }) => member.idNumber));
    expect(Number((await readRows(officer.id))[0].n)).toBe(0);
    // The write's own records, in its transaction, name the household and each member and who wrote them.
    const inserts = await insertsBy(officer.id);
    expect(inserts.every((insert) => insert.operation === 'registerHousehold')).toBe(true);
    const written = new Set(inserts.map((insert) => globalId(insert.object_type === 'household' ? 'Household' : 'Member', insert.object_id)));
    expect(written).toEqual(new Set([registered.household.id, ...registered.household.members.map((member: { id: string }) => member.id)]));

    // Read again in a later request, the same members are reads like any other.
    await post(officer, `query Again($id: ID!) { node(id: $id) { ... on Member { idNumber } } }`, { id: registered.household.members[0].id });
    const [row] = await server.sql<{ after: unknown; operation: string }>("select after, operation from audit_log where action = 'READ' and actor = ?", [officer.id]);
    expect(row.operation).toBe('query Again');
    expect(readsOf(row.after)).toEqual([expect.objectContaining({ objectType: 'Member', fields: ['idNumber'] })]);
  });

  it('still records, in the same request, the reads of people the request did not enter', async () => {
    const officer = { ...CALLERS.baojingOfficer, id: 'test:registering-and-updating-officer' };
    const existing = await post(CALLERS.baojingOfficer, `{ households(first: 1, regionCode: "${AREAS.villageC}") { edges { node { members { id } } } } }`);
    const existingMember = existing.households.edges[0].node.members[0].id;
    const input = registrationInput({ householdNo: `${AREAS.villageA}7901`, villageCode: AREAS.villageA });
    const both = await post(
      officer,
      `mutation Both($input: RegisterHouseholdInput!, $update: UpdateMemberInput!) {
        registerHousehold(input: $input) { __typename ... on RegisterHouseholdPayload { household { members { idNumber } } } }
        updateMember(input: $update) { __typename ... on UpdateMemberPayload { member { id idNumber } } }
      }`,
      { input, update: { id: existingMember, employmentMonths: 5 } },
    );
    mustSucceed(both.registerHousehold);
    expect(mustSucceed(both.updateMember).member.id).toBe(existingMember);
    const rows = await server.sql<{ after: unknown; operation: string }>("select after, operation from audit_log where action = 'READ' and actor = ?", [officer.id]);
    expect(rows).toHaveLength(1);
    const reads = readsOf(rows[0].after)!;
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ objectType: 'Member', fields: ['idNumber'] });
    expect(globalId('Member', reads[0].objectId)).toBe(existingMember);
  });
});

// Inserts on their way are those PostgreSQL holds at the lock another session keeps on the table.
async function inserting(): Promise<number> {
  const [row] = await server.sql<{ n: string }>(
    "select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like 'insert into audit_log%'",
  );
  return Number(row.n);
}

async function untilInserting(wanted: number): Promise<void> {
  for (let tries = 0; tries < 200 && (await inserting()) !== wanted; tries++) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(await inserting()).toBe(wanted);
}

/** A session holding `lock table audit_log in share mode`: every insert into the log waits until `release`. */
async function lockAuditLog(): Promise<{ release(): Promise<void> }> {
  const locker = new pg.Client({ connectionString: server.databaseUrl });
  await locker.connect();
  await locker.query('begin');
  await locker.query('lock table audit_log in share mode');
  return {
    async release() {
      await locker.query('rollback');
      await locker.end();
    },
  };
}

describe('read audit by group commit', () => {
  it('writes the records of concurrent requests in shared inserts, one row each, every response after its own row', async () => {
    // Twelve officers (one request each: a caller's own concurrent requests are limited).
    const officers = Array.from({ length: 12 }, (_, i): Principal => ({ ...CALLERS.baojingOfficer, id: `test:concurrent-officer-${i}` }));
    const pages = await Promise.all(officers.map((officer) => post(officer, PAGE)));
    for (const page of pages) expect(page.households.edges).toHaveLength(20);
    // Each response was sent after its own record was committed: all twelve are there now.
    const rows = await server.sql<{ request_id: string; reads: number; tx: string }>(
      "select request_id, cardinality(read_objects) as reads, xmin::text as tx from audit_log where action = 'READ' and actor like 'test:concurrent-officer-%'",
    );
    expect(rows).toHaveLength(12);
    expect(new Set(rows.map((row) => row.request_id)).size).toBe(12);
    expect(rows.every((row) => row.reads === 60)).toBe(true);
    // Twelve requests at once on a pool of four: some records waited for an insert on its way and shared the next one.
    expect(new Set(rows.map((row) => row.tx)).size).toBeLessThan(12);
  });

  it('keeps one insert on its way at a time, and sends the records that waited meanwhile together', async () => {
    const writer = new ReadAuditWriter(new ReadLayer(server.orm.em));
    const read = (requestId: string) => memberRead('test:in-flight-writer', '434343', requestId);
    const lock = await lockAuditLog();
    let settled: Promise<void[]> | undefined;
    try {
      // With nothing on its way, the first record goes out at once.
      const first = writer.record(read('in-flight-1'));
      await untilInserting(1);
      // The next three wait for it, not on connections of their own.
      const rest = [writer.record(read('in-flight-2')), writer.record(read('in-flight-3')), writer.record(read('in-flight-4'))];
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await inserting()).toBe(1);
      settled = Promise.all([first, ...rest]);
    } finally {
      await lock.release();
    }
    await settled;
    const rows = await server.sql<{ request_id: string; tx: string }>("select request_id, xmin::text as tx from audit_log where actor = 'test:in-flight-writer' order by request_id");
    expect(rows.map((row) => row.request_id)).toEqual(['in-flight-1', 'in-flight-2', 'in-flight-3', 'in-flight-4']);
    const [one, two, three, four] = rows.map((row) => row.tx);
    expect(one).not.toBe(two);
    expect(new Set([two, three, four]).size).toBe(1);
  });

  it("writes the others of a group when the database refuses one record, and fails only that one's request", async () => {
    const writer = new ReadAuditWriter(new ReadLayer(server.orm.em));
    const read = (requestId: string) => memberRead('test:group-writer', '424242', requestId);
    // PostgreSQL's jsonb refuses the NUL character, so this record cannot be written.
    const results = await Promise.allSettled([read('group-1'), read('group-2'), read('group-\u0000'), read('group-4')].map((record) => writer.record(record)));
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const rows = await server.sql<{ request_id: string; read_objects: string[] }>("select request_id, read_objects from audit_log where actor = 'test:group-writer' order by request_id");
    expect(rows).toEqual([
      { request_id: 'group-1', read_objects: ['Member:424242'] },
      { request_id: 'group-2', read_objects: ['Member:424242'] },
      { request_id: 'group-4', read_objects: ['Member:424242'] },
    ]);
  });
});

describe('a response waiting for its read record', () => {
  it('waits holding its text only: the request context, with its loaders and rows, is let go while the record is written', async () => {
    const collect = v8FullCollection();
    // The request's audit trail hangs on its context (app.ts), and nothing else keeps it once its reads are taken.
    const trails: WeakRef<AuditTrail>[] = [];
    // Wrapped by hand: vitest's spies keep every `this` they were called on (`mock.instances`).
    const takePersonalReads = AuditTrail.prototype.takePersonalReads;
    AuditTrail.prototype.takePersonalReads = function (this: AuditTrail) {
      trails.push(new WeakRef(this));
      return takePersonalReads.call(this);
    };
    const officer: Principal = { ...CALLERS.baojingOfficer, id: 'test:waiting-officer' };
    const lock = await lockAuditLog();
    let answered = false;
    let page: Promise<any> | undefined;
    try {
      page = post(officer, PAGE).finally(() => (answered = true));
      await untilInserting(1);
      expect(trails).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 50));
      collect();
      await new Promise((resolve) => setTimeout(resolve, 0));
      collect();
      // The record is not written yet, so the response has not gone out; but the execution's state is gone.
      expect(answered).toBe(false);
      expect(trails[0].deref()).toBeUndefined();
    } finally {
      AuditTrail.prototype.takePersonalReads = takePersonalReads;
      await lock.release();
    }
    const data = await page;
    expect(data.households.edges).toHaveLength(20);
    expect(data.households.edges[0].node.members[0].idNumber).not.toContain('*'); // read in full, so recorded
    expect(Number((await readRows(officer.id))[0].n)).toBe(1);
  });
});

describe('a read record that cannot be written', () => {
  it('fails its request: the response carries none of the personal data read', async () => {
    // PostgreSQL's jsonb refuses the NUL character, so no record of this caller's reads can be written.
    const officer: Principal = { ...CALLERS.baojingOfficer, id: 'test:unrecordable-\u0000-officer' };
    const failedRecords = async () => (await server.metrics.registry.getSingleMetric('tuopin_read_audit_failures_total')!.get()).values[0]?.value ?? 0;
    const failedBefore = await failedRecords();
    const response = await server.post({ query: PAGE }, { authorization: `Bearer ${await server.token(officer)}` });
    // The query ran once: a failed record is the request's answer, not a reason to run it again (a mutation would be run twice).
    expect(await failedRecords()).toBe(failedBefore + 1);
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors.map((error: { extensions: { code: string } }) => error.extensions.code)).toEqual(['INTERNAL_SERVER_ERROR']);
    // Nothing of the page: not a household number of the county, not a member's ID number.
    const [someone] = await server.sql<{ id_number: string; household_no: string }>(
      "select m.id_number, h.household_no from member m join household h on h.id = m.household_id where h.village_code like '433125%' limit 1",
    );
    expect(JSON.stringify(response.body)).not.toContain(someone.household_no);
    expect(JSON.stringify(response.body)).not.toContain(someone.id_number);
    const [rows] = await server.sql<{ n: string }>("select count(*) as n from audit_log where action = 'READ' and actor like 'test:unrecordable-%'");
    expect(Number(rows.n)).toBe(0);
  });
});
