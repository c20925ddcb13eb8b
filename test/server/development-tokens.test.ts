import { DEMO_PRINCIPALS, developmentTokens } from '@tuopin/server';
import { createHttpTestServer, TEST_JWT_SECRET, type HttpTestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The tokens `pnpm start` prints: one per demo caller, each accepted by the real gateway and
 * reaching its own areas — among them 示范县's county officer and 示范镇's township officer, where
 * the relocation and education demos live.
 */
let server: HttpTestServer;
const JWT = { issuer: 'tuopin', audience: 'tuopin' };
const SHIFAN_COUNTY = '809901000000';
const SHIFAN_TOWNSHIP = '809901101000';

beforeAll(async () => {
  server = await createHttpTestServer();
  await server.sql(
    `insert into area (code, name, level, parent_code) values ('800000000000', '合成省', 'PROVINCE', null),
       (?, '示范县', 'COUNTY', '800000000000'), (?, '示范镇', 'TOWNSHIP', ?)`,
    [SHIFAN_COUNTY, SHIFAN_TOWNSHIP, SHIFAN_COUNTY],
  );
  // A fund managed by the county and one by the township: who sees which shows the token's scope.
  await server.sql(
    `insert into fund (source_type, name, year, amount, area_code, created_by) values
       ('COUNTY_FISCAL', '示范县专项扶贫资金', 2016, 1000, ?, 'test'), ('TOWNSHIP_FISCAL', '示范镇扶贫资金', 2016, 500, ?, 'test')`,
    [SHIFAN_COUNTY, SHIFAN_TOWNSHIP],
  );
});

const fundNames = async (token: string) => {
  const response = await server.post({ query: '{ funds(first: 10) { edges { node { name } } } }' }, { authorization: `Bearer ${token}` });
  expect(response.status).toBe(200);
  expect(response.body.errors).toBeUndefined();
  return response.body.data.funds.edges.map((edge: { node: { name: string } }) => edge.node.name).sort();
};
afterAll(() => server.close());

const regionName = async (token: string, code: string) => {
  const response = await server.post({ query: 'query($code: String!) { region(code: $code) { name } }', variables: { code } }, { authorization: `Bearer ${token}` });
  expect(response.status).toBe(200);
  expect(response.body.errors).toBeUndefined();
  return response.body.data.region?.name ?? null;
};

describe('the development tokens', () => {
  it('are accepted by the gateway, one per demo caller', async () => {
    const tokens = await developmentTokens(TEST_JWT_SECRET, JWT);
    expect(tokens.map(({ principal }) => principal)).toEqual(DEMO_PRINCIPALS);
    for (const { token } of tokens) await regionName(token, SHIFAN_TOWNSHIP);
  });

  it('include 示范县\'s county officer and 示范镇\'s township officer, each in his own area', async () => {
    const tokens = await developmentTokens(TEST_JWT_SECRET, JWT);
    const tokenOf = (id: string) => tokens.find(({ principal }) => principal.id === id)!.token;
    const county = tokenOf('demo:shifan-county-officer');
    const township = tokenOf('demo:shifan-township-officer');
    expect(await regionName(county, SHIFAN_COUNTY)).toBe('示范县');
    expect(await fundNames(county)).toEqual(['示范县专项扶贫资金', '示范镇扶贫资金']);
    expect(await fundNames(township)).toEqual(['示范镇扶贫资金']);
    expect(tokens.find(({ principal }) => principal.id === 'demo:shifan-township-officer')!.principal).toMatchObject({ role: 'TOWNSHIP_OFFICER', areaScopes: ['809901101'] });
  });
});
