import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedApplication, educationAllocation, enrolledStudent, Pay, payInput } from './aid-flow.js';
import { graphql } from './generated/index.js';
import { CODES, insertAreas, insertSchool, PRINCIPALS, settingsWith, TestClock } from './world.js';

const AidFigures = graphql(`
  query EducationAidFigures($code: String!) {
    region(code: $code) { stats { education { aidedStudents aidPayments aidPaid aidByScheme { students payments amount } } } }
  }
`);

const clock = new TestClock();
let server: TestServer;

/**
 * Three students each paid for the autumn and the spring term: six payments, which a partner may
 * see rounded, over three students, whom a partner may not count. The amount belongs to the
 * students: it is withheld with them, or amount ÷ the scheme's standard would count them.
 */
beforeAll(async () => {
  clock.setToday('2016-09-01');
  server = await createTestServer({ settings: settingsWith(clock) });
  await insertAreas(server);
  await insertSchool(server, '保靖县职业中专学校');
  const allocation = await educationAllocation(server, '100000.00');
  for (let i = 0; i < 3; i++) {
    clock.setToday('2016-09-01');
    const student = await enrolledStudent(server);
    const applicationId = await approvedApplication(server, student, '2016-09-01', '2016-09-05');
    clock.setToday('2016-09-10');
    for (const term of ['AUTUMN', 'SPRING'] as const) {
      const paid = await server.execute(Pay, { input: payInput(student, applicationId, allocation, { term, voucherNo: `S-${i}-${term}` }) }, { principal: PRINCIPALS.bureau });
      mustSucceed(paid);
    }
  }
});
afterAll(() => server.close());

describe('education aid amounts for partners', () => {
  it('withholds the amount paid wherever the students it was paid to are withheld, even when the payments are not', async () => {
    const exact = await server.execute(AidFigures, { code: CODES.baojing }, { principal: PRINCIPALS.baojingOfficer });
    expect(exact.errors).toBeUndefined();
    expect(exact.data!.region!.stats.education).toMatchObject({ aidedStudents: 3, aidPayments: 6, aidPaid: '9000.00' });
    const published = await server.execute(AidFigures, { code: CODES.baojing }, { principal: PRINCIPALS.ngo });
    expect(published.errors).toBeUndefined();
    expect(published.data!.region!.stats.education).toEqual({ aidedStudents: null, aidPayments: 5, aidPaid: null, aidByScheme: [] });
  });
});
