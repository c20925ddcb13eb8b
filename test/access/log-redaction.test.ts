import type { TuopinPlugin } from '@tuopin/core';
import { createHttpTestServer, type HttpTestServer, mustSucceed } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { registrationInput } from '../fixtures/households.js';
import { CALLERS } from '../fixtures/principals.js';

/**
 * No personal data in logs. An unexpected database error is logged with its kind, SQLSTATE,
 * constraint, table and the shape of its SQL, which operators need — never the parameters (ID
 * numbers, names) that the driver inlines into its message, nor PostgreSQL's detail.
 */
const REGISTER = `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) {
  __typename ... on RegisterHouseholdPayload { household { id } } } }`;

/** A careless plugin: writes a member row by hand, and its unique violation escapes as unexpected. */
const carelessPlugin: TuopinPlugin = {
  name: 'careless',
  title: '粗心 Careless (test fixture)',
  entities: [],
  migrations: [],
  registerSchema(builder) {
    builder.queryField('copyMember', (t) =>
      t.boolean({
        description: '复制成员 Copies a member by hand',
        args: { idNumber: t.arg.string({ required: true, description: '身份证号 ID number' }) },
        resolve: async (_root, args, ctx) => {
          await ctx.em.execute(
            `insert into member (household_id, village_code, name, id_number, sex, birth_date, relation_to_head)
             select household_id, village_code, name || '（副本）', id_number, sex, birth_date, 'OTHER' from member where id_number = ?`,
            [args.idNumber],
          );
          return true;
        },
      }),
    );
  },
};

const logged: Record<string, unknown>[] = [];
let server: HttpTestServer;

beforeAll(async () => {
  server = await createHttpTestServer({
    plugins: [carelessPlugin],
    log: { info: () => {}, warn: () => {}, error: (message, fields) => void logged.push({ message, ...fields }) },
  });
  await insertAreas(server);
});
afterAll(() => server.close());

describe('the JSON log of an unexpected database error', () => {
  it('keeps the SQL shape, the SQLSTATE and the constraint, and no ID number or name', async () => {
    const auth = { authorization: `Bearer ${await server.token(CALLERS.baojingOfficer)}` };
    const input = registrationInput({ villageCode: AREAS.villageA });
    const registered = await server.post({ query: REGISTER, variables: { input } }, auth);
    mustSucceed(registered);
    const { idNumber, name } = input.members[0];

    const response = await server.post({ query: 'query($id: String!) { copyMember(idNumber: $id) }', variables: { id: idNumber } }, auth);
    const [error] = response.body.errors;
    expect(error.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    const entry = logged.find((line) => line.correlationId === error.extensions.correlationId);
    expect(entry).toMatchObject({
      message: 'unexpected error',
      // The request's id, as echoed to the client: the access line of the same request has it too.
      requestId: response.headers.get('x-request-id'),
      errorType: 'UniqueConstraintViolationException',
      code: '23505',
      constraint: 'member_id_number_unique',
      table: 'member',
      sql: expect.stringMatching(/^insert into member \(household_id, village_code, name, id_number, .*\) select .* from member where id_number = \?$/s),
    });
    const text = JSON.stringify(entry);
    for (const personal of [idNumber, idNumber.slice(0, 14), name, '副本']) expect(text).not.toContain(personal);
    expect(entry!.detail).toBeUndefined();
    expect(String(entry!.stack)).toMatch(/^UniqueConstraintViolationException: duplicate key value violates unique constraint "member_id_number_unique"\n\s+at /);
  });
});
