import { setHouseholdStatus } from '@tuopin/core';
import { createTestServer, mustSucceed, TEST_REGISTRAR, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAreas } from '../fixtures/areas.js';
import { registrationInput } from '../fixtures/households.js';
import { RegisterHousehold } from '../fixtures/operations.js';

/**
 * `setHouseholdStatus`, the one place that changes a registered household's status, as the exit
 * and return workflows call it inside their step's transaction (here: a transaction of its own).
 */
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
  await insertAreas(server);
});
afterAll(() => server.close());

async function household(overrides = {}) {
  const { id } = mustSucceed(await server.execute(RegisterHousehold, { input: registrationInput({ yearIdentified: 2015, ...overrides }) }, { principal: TEST_REGISTRAR })).household;
  return Number(Buffer.from(id, 'base64').toString().split(':')[1]);
}

const read = (id: number) => server.sql<{ status: string; exit_year: number | null }>('select status, exit_year from household where id = ?', [id]);
const change = (id: number, status: 'POOR' | 'EXITED' | 'RETURNED', next: 'POOR' | 'EXITED' | 'RETURNED', year: number) =>
  server.orm.em.fork().transactional((em) => setHouseholdStatus(em, { id, status, yearIdentified: 2015 }, next, { year, reason: '退出 Exit' }));

describe('setHouseholdStatus', () => {
  it('exits a poor household with its year, returns it to poverty keeping that year, and exits it again', async () => {
    const id = await household();
    await change(id, 'POOR', 'EXITED', 2018);
    expect(await read(id)).toEqual([{ status: 'EXITED', exit_year: 2018 }]);
    await change(id, 'EXITED', 'RETURNED', 2020);
    expect(await read(id)).toEqual([{ status: 'RETURNED', exit_year: 2018 }]);
    await change(id, 'RETURNED', 'EXITED', 2021);
    expect(await read(id)).toEqual([{ status: 'EXITED', exit_year: 2021 }]);
  });

  it('refuses a transition the life cycle does not have, a year before identification, and a status changed since it was read', async () => {
    const id = await household();
    await expect(change(id, 'POOR', 'RETURNED', 2018)).rejects.toMatchObject({ code: 'RULE_VIOLATION', field: 'status', messageZh: expect.stringContaining('退出') });
    await expect(change(id, 'POOR', 'POOR', 2018)).rejects.toMatchObject({ code: 'RULE_VIOLATION', field: 'status' });
    await expect(change(id, 'POOR', 'EXITED', 2014)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'year' });
    // Read as EXITED by a step, but still POOR: the update names the status read.
    await expect(change(id, 'EXITED', 'RETURNED', 2018)).rejects.toMatchObject({ code: 'CONFLICT', field: 'status' });
    expect(await read(id)).toEqual([{ status: 'POOR', exit_year: null }]);
  });
});
