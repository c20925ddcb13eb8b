import { createTestServer, documentOf, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateHousehold } from './fixtures/operations.js';
import { CODES, insertAreas, insertHousehold, PRINCIPALS, settingsWith, TestClock, type TestHousehold } from './fixtures/world.js';

/**
 * `ratedHouseholds` is computed two ways: from the grades when `householdsByGrade` is selected
 * beside it, and by counting the rated households when it is not (no ranking of every household's
 * ratings by date; test/bench Q8). Both must count a household rated twice once, and neither may
 * count a rating after the day. 保靖县:
 *   甲村 H1 rated 2016-02-01 (92) and again 2016-05-01 (70)
 *   甲村 H2 rated 2016-08-01 (85)
 *   乙村 H3 rated 2016-02-01 (50);  甲村 H4 never rated
 */

const clock = new TestClock();
let server: TestServer;

async function rate(household: TestHousehold, score: number, ratedOn: string): Promise<void> {
  const result = await server.execute(RateHousehold, { input: { householdId: household.globalId, score, ratedOn, rater: '村评级小组' } });
  mustSucceed(result);
  expect(result.data!.rateHousehold.__typename).toBe('RateHouseholdPayload');
}

async function figures(selection: string, asOf: string): Promise<{ figures: Record<string, unknown>; statements: string[] }> {
  let figures: Record<string, unknown> = {};
  const { statements } = await server.countStatements(async () => {
    const result = await server.execute(
      documentOf(`query RatedHouseholds($code: String!, $asOf: Date) { region(code: $code) { stats { finance(asOf: $asOf) { ${selection} } } } }`),
      { code: CODES.baojing, asOf },
    );
    expect(result.errors).toBeUndefined();
    figures = result.data.region.stats.finance;
  });
  return { figures, statements: statements.filter((sql) => sql.includes('finance_credit_rating')) };
}

beforeAll(async () => {
  clock.setToday('2016-09-01');
  server = await createTestServer({ settings: settingsWith(clock), principal: PRINCIPALS.admin });
  await insertAreas(server);
  const h1 = await insertHousehold(server);
  const h2 = await insertHousehold(server);
  const h3 = await insertHousehold(server, { villageCode: CODES.villageB });
  await insertHousehold(server);
  await rate(h1, 92, '2016-02-01');
  await rate(h1, 70, '2016-05-01');
  await rate(h2, 85, '2016-08-01');
  await rate(h3, 50, '2016-02-01');
}, 60_000);
afterAll(() => server.close());

describe('ratedHouseholds', () => {
  it('counts a household rated twice once, and no rating after the day, when asked alone', async () => {
    const june = await figures('ratedHouseholds ratedRate', '2016-06-30');
    expect(june.figures).toEqual({ ratedHouseholds: 2, ratedRate: 0.5 });
    const september = await figures('ratedHouseholds', '2016-09-01');
    expect(september.figures).toEqual({ ratedHouseholds: 3 });
    // Counted without ranking: no `distinct on` over each household's ratings.
    expect(june.statements).toHaveLength(1);
    expect(june.statements[0]).toContain('count(distinct t.household_id)::int8 as n from finance_credit_rating');
    expect(june.statements[0]).not.toContain('distinct on');
  });

  it('gives the same count beside the grades, taken from them and counted once', async () => {
    const june = await figures('ratedHouseholds householdsByGrade { grade households }', '2016-06-30');
    expect(june.figures.ratedHouseholds).toBe(2);
    const byGrade = june.figures.householdsByGrade as { grade: string; households: number }[];
    expect(byGrade.reduce((total, g) => total + g.households, 0)).toBe(2);
    expect(june.statements).toHaveLength(1);
    expect(june.statements[0]).toContain('distinct on');
    expect(june.statements[0]).not.toContain('count(distinct t.household_id)::int8 as n from finance_credit_rating');
  });
});
