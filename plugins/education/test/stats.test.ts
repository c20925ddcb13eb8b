import { createTestServer, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { educationAllocation, paidStudents } from './aid-flow.js';
import { graphql } from './generated/index.js';
import { CODES, insertAreas, insertSchool, PRINCIPALS, settingsWith, TestClock } from './world.js';

const Stats = graphql(`
  query EducationStatsBlock($code: String!, $from: Date, $until: Date) {
    region(code: $code) {
      stats {
        education(from: $from, until: $until) {
          aidedStudents aidPayments aidPaid
          aidByScheme { scheme stage students payments amount }
          schools teachersServing pupils floorArea unsafeFloorArea
        }
      }
    }
  }
`);

const clock = new TestClock();
let server: TestServer;

beforeAll(async () => {
  clock.setToday('2016-09-01');
  server = await createTestServer({ settings: settingsWith(clock) });
  await insertAreas(server);
  await insertSchool(server, '保靖县职业中专学校');
  const allocation = await educationAllocation(server, '100000.00');
  // Three students of village A paid 1,500 each in September 2016.
  await paidStudents(server, clock, allocation, 3);
});
afterAll(() => server.close());

describe('RegionStats.education', () => {
  it('counts students, payments and amounts by scheme and stage for an officer, and the schools', async () => {
    const result = await server.execute(Stats, { code: CODES.baojing }, { principal: PRINCIPALS.baojingOfficer });
    expect(result.errors).toBeUndefined();
    expect(result.data!.region!.stats.education).toEqual({
      aidedStudents: 3,
      aidPayments: 3,
      aidPaid: '4500.00',
      aidByScheme: [{ scheme: 'YULU_VOCATIONAL', stage: 'SECONDARY_VOCATIONAL', students: 3, payments: 3, amount: '4500.00' }],
      schools: 1,
      teachersServing: 10,
      pupils: 0,
      floorArea: 1000,
      unsafeFloorArea: 0,
    });
  });

  it('counts only the days asked for', async () => {
    const result = await server.execute(Stats, { code: CODES.baojing, from: '2017-01-01', until: '2017-12-31' }, { principal: PRINCIPALS.baojingOfficer });
    expect(result.data!.region!.stats.education).toMatchObject({ aidedStudents: 0, aidPaid: '0.00', aidByScheme: [] });
  });

  it('withholds the small counts, their sums and their groups from a partner, and shows the school inventory', async () => {
    const result = await server.execute(Stats, { code: CODES.baojing }, { principal: PRINCIPALS.ngo });
    expect(result.errors).toBeUndefined();
    expect(result.data!.region!.stats.education).toMatchObject({ aidedStudents: null, aidPayments: null, aidPaid: null, aidByScheme: [], schools: 1, teachersServing: 10 });
  });

  it('shows an officer of another province nothing of 保靖县', async () => {
    const result = await server.execute(Stats, { code: CODES.baojing }, { principal: PRINCIPALS.lingyuanOfficer });
    expect(result.data!.region!.stats.education).toMatchObject({ aidedStudents: 0, schools: 0 });
  });
});
