import { loadDemoData, silentLogger } from '@tuopin/server';
import { createTestServer, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import { grantedOfficer, PRINCIPALS } from './world.js';

/**
 * The demo answers the reports' figures through `stats`: 岳阳市 → 保靖县 (537万 introduced, 17 medical
 * staff, 7 vice-principals, 17 teachers), the social partners, 大老爷庙村's designated unit; and the
 * 济南 → 湘西州 pairing with no figure at all.
 */
const CountyFigures = graphql(`
  query PairingDemoCounty($code: String!) {
    region(code: $code) {
      stats {
        pairing {
          pairings introduced socialDonationsReceived fiscalReceived inKindReceived received pledged projectsFunded allocated
          peopleExchanged exchangesByCategory { category direction people }
        }
      }
    }
  }
`);

const Pairings = graphql(`
  query PairingDemoPairings($code: String!) {
    pairings(regionCode: $code, first: 20) {
      edges { node { id kind helperName helpedName agreements { year pledgedAmount actual { received } } aid { kind amount goods quantity } visits { delegation direction } } }
    }
  }
`);

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
  await loadDemoData(server.orm, server.platform, server.databaseUrl, silentLogger);
}, 300_000);
afterAll(() => server.close());

describe('the pairing demo', () => {
  it('answers 保靖县: 5,370,000.00 introduced, 17 medical staff and 7 vice-principals', async () => {
    const result = await server.execute(CountyFigures, { code: '433125000000' }, { principal: PRINCIPALS.baojingOfficer });
    expect(result.errors).toBeUndefined();
    const figures = result.data!.region!.stats.pairing;
    expect(figures).toMatchObject({
      pairings: 4,
      introduced: '5370000.00',
      // 香港郭氏基金会's 7,500万 (the core demo's funds, linked) and 香港沃土发展社's 946.5万.
      socialDonationsReceived: '84465000.00',
      fiscalReceived: '0.00',
      inKindReceived: '0.00',
      received: '89835000.00',
      // 新加坡连氏集团's 180万 is pledged, not received.
      pledged: '1800000.00',
      peopleExchanged: 41,
    });
    expect(figures.exchangesByCategory).toEqual([
      { category: 'VICE_PRINCIPAL', direction: 'TO_HELPER', people: 7 },
      { category: 'TEACHER', direction: 'TO_HELPER', people: 17 },
      { category: 'MEDICAL', direction: 'TO_HELPER', people: 17 },
    ]);
  });

  it('funds the 岳阳小学 building (486万) from 岳阳市\'s aid, linked from core\'s ledger', async () => {
    const [school] = await server.sql<{ total: string }>(
      `select sum(e.amount)::text as total from ledger_entry e join project p on p.id = e.project_id join fund f on f.id = e.fund_id
       where e.kind = 'ALLOCATION' and p.name like '%岳阳小学教学楼' and f.document_no = '岳保协〔2016〕2号'`,
    );
    expect(school.total).toBe('4860000.00');
    const [copies] = await server.sql<{ n: string }>("select count(*) as n from fund where document_no = '岳保协〔2016〕2号'");
    expect(Number(copies.n)).toBe(1);
    const medical = await server.sql<{ subject: string }>("select distinct unnest(subjects) as subject from pairing_exchange where category = 'MEDICAL'");
    expect(medical).toHaveLength(11);
  });

  it('earmarks every aid fund for its helped area, and none pays for a project outside it', async () => {
    const funds = await server.sql<{ earmarked: boolean; outside: string }>(
      `select f.earmark_area_code is not distinct from a.area_code as earmarked,
              (select count(*) from ledger_entry e join project p on p.id = e.project_id
               where e.fund_id = f.id and e.kind = 'ALLOCATION' and left(p.place_code, length(rtrim(a.area_code, '0'))) <> rtrim(a.area_code, '0')) as outside
       from pairing_aid a join fund f on f.id = a.fund_id`,
    );
    expect(funds.length).toBeGreaterThan(10);
    expect(funds.every((fund) => fund.earmarked && Number(fund.outside) === 0)).toBe(true);
  });

  it('has 济南 → 湘西州 as the pairing alone, with no figure', async () => {
    const result = await server.execute(Pairings, { code: '433100000000' }, { principal: PRINCIPALS.hunanAdmin });
    const jinan = result.data!.pairings.edges.map((edge) => edge.node).find((node) => node.helperName === '济南市')!;
    expect(jinan).toMatchObject({ kind: 'EAST_WEST', helpedName: '湘西土家族苗族自治州', agreements: [], aid: [], visits: [] });
    // Its helper-side officer reads it through his grant, and nothing of 保靖县.
    const granted = await server.execute(CountyFigures, { code: '433125000000' }, { principal: grantedOfficer(jinan.id, ['pairing.records.manage']) });
    expect(granted.data!.region!.stats.pairing).toMatchObject({ pairings: 0, received: '0.00', peopleExchanged: 0 });
  });

  it('links 大老爷庙村\'s designated-unit money from core\'s demo funds, and lists the clothing apart', async () => {
    const result = await server.execute(Pairings, { code: '211382108201' }, { principal: PRINCIPALS.lingyuanOfficer });
    expect(result.errors).toBeUndefined();
    const [cppcc] = result.data!.pairings.edges.map((edge) => edge.node);
    expect(cppcc).toMatchObject({ kind: 'DESIGNATED_UNIT', helperName: '朝阳市政协', helpedName: '大老爷庙村' });
    expect(cppcc.aid).toEqual([
      { kind: 'FISCAL', amount: '100000.00', goods: null, quantity: null },
      { kind: 'IN_KIND', amount: '50000.00', goods: null, quantity: null },
      { kind: 'FISCAL', amount: '20000.00', goods: null, quantity: null },
      { kind: 'IN_KIND', amount: null, goods: '市政协机关职工捐赠衣物', quantity: 200 },
    ]);
  });

  it('shows the visit of a 岳阳 school the other way', async () => {
    const result = await server.execute(Pairings, { code: '433125000000' }, { principal: PRINCIPALS.baojingOfficer });
    const yueyang = result.data!.pairings.edges.map((edge) => edge.node).find((node) => node.helperName === '岳阳市')!;
    expect(yueyang.visits).toEqual([{ delegation: '岳阳市第十二中学', direction: 'TO_HELPED' }]);
    expect(yueyang.aid).toEqual([{ kind: 'INTRODUCED', amount: '5370000.00', goods: null, quantity: null }]);
  });
});
