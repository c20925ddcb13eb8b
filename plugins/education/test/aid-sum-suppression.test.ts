import { createTestServer, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { educationAllocation, paidStudents } from './aid-flow.js';
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
  await paidStudents(server, clock, allocation, 3, ['AUTUMN', 'SPRING']);
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
