import type { Principal } from '@tuopin/core';
import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedApplication, educationAllocation, enrolledStudent, Pay, payInput } from './aid-flow.js';
import { graphql } from './generated/index.js';
import { CODES, insertAreas, PRINCIPALS, settingsWith, TestClock } from './world.js';

/**
 * A partner sees an aid payment as a county's expenditure: its county, scheme, term and amount,
 * never the student's village. So neither a pull's filter, nor its cursors, nor a partner token
 * scoped below a county may place payments in a township or a village: that would list a
 * village's aided students one by one, the count its statistics withhold.
 */
const PartnerPayments = graphql(`
  query EducationPartnerPayments($regionCode: String, $after: String) {
    aidPayments(regionCode: $regionCode, first: 1, after: $after) {
      totalCount
      pageInfo { endCursor }
      edges { cursor node { id countyCode amount } }
    }
  }
`);

const PaymentNode = graphql(`
  query EducationPaymentNode($id: ID!) { node(id: $id) { id } }
`);

const townshipPartner: Principal = { id: 'ngo-qianling', role: 'NGO_PARTNER', areaScopes: ['433125100'], provinceCode: '430000000000' };
const countyPartner: Principal = { id: 'ngo-baojing', role: 'NGO_PARTNER', areaScopes: ['433125'], provinceCode: '430000000000' };

const clock = new TestClock();
let server: TestServer;
let paymentIds: string[];

const decoded = (cursor: string) => Buffer.from(cursor, 'base64url').toString();

beforeAll(async () => {
  clock.setToday('2016-09-01');
  server = await createTestServer({ settings: settingsWith(clock) });
  await insertAreas(server);
  const allocation = await educationAllocation(server, '100000.00');
  const students = [await enrolledStudent(server), await enrolledStudent(server)];
  const applications = [];
  for (const student of students) applications.push(await approvedApplication(server, student, '2016-09-01', '2016-09-05'));
  clock.setToday('2016-09-10');
  paymentIds = [];
  for (const [i, student] of students.entries()) {
    const paid = mustSucceed(await server.execute(Pay, { input: payInput(student, applications[i], allocation, { voucherNo: `YL-P${i}` }) }, { principal: PRINCIPALS.bureau }));
    paymentIds.push(paid.payment.id);
  }
});
afterAll(() => server.close());

describe('a partner pulling aid payments', () => {
  it.each([
    ['a village', CODES.villageA],
    ['a township', CODES.qianling],
  ])('is refused a filter by %s, naming regionCode in both languages', async (_what, regionCode) => {
    const result = await server.execute(PartnerPayments, { regionCode }, { principal: PRINCIPALS.ngo });
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'regionCode',
      messageZh: expect.stringMatching(/县/),
      messageEn: expect.stringMatching(/county/),
    });
  });

  it('gets the county\'s payments with cursors that name no village', async () => {
    const first = await server.execute(PartnerPayments, { regionCode: CODES.baojing }, { principal: countyPartner });
    expect(first.errors).toBeUndefined();
    expect(first.data?.aidPayments.totalCount).toBe(2);
    const second = await server.execute(PartnerPayments, { regionCode: CODES.baojing, after: first.data!.aidPayments.pageInfo.endCursor }, { principal: countyPartner });
    expect(second.errors).toBeUndefined();
    const pages = [first.data!.aidPayments, second.data!.aidPayments];
    expect(pages.flatMap((page) => page.edges.map((edge) => edge.node.id)).sort()).toEqual([...paymentIds].sort());
    for (const cursor of pages.flatMap((page) => [page.pageInfo.endCursor, ...page.edges.map((edge) => edge.cursor)])) {
      expect(decoded(cursor!)).not.toContain(CODES.villageA.slice(0, 9));
    }
  });

  it('gets nothing with a token scoped to a township, neither listed nor by id', async () => {
    const listed = await server.execute(PartnerPayments, {}, { principal: townshipPartner });
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.aidPayments.totalCount).toBe(0);
    const byId = await server.execute(PaymentNode, { id: paymentIds[0] }, { principal: townshipPartner });
    expect(byId.errors).toBeUndefined();
    expect(byId.data?.node).toBeNull();
    // The county's partner reads the same payment.
    expect((await server.execute(PaymentNode, { id: paymentIds[0] }, { principal: countyPartner })).data?.node).toEqual({ id: paymentIds[0] });
  });

  it('leaves officers their village filter', async () => {
    const result = await server.execute(PartnerPayments, { regionCode: CODES.villageA }, { principal: PRINCIPALS.qianlingOfficer });
    expect(result.errors).toBeUndefined();
    expect(result.data?.aidPayments.totalCount).toBe(2);
  });
});
