import type { Principal } from '@tuopin/core';
import { loadDemoData, silentLogger } from '@tuopin/server';
import { createHttpTestServer, type HttpTestServer } from '@tuopin/testing';
import { isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl, edgesInto, type CrawlResult } from './scope-sweep/crawl.js';

/**
 * The scope sweep, behaviour (issue 10, §1): the demo data of core and of every enabled plugin
 * (each plugin seeds its part through `seedDemo`, so nothing here is per plugin), callers of every
 * kind, and each caller's walk through everything the schema lets him reach (scope-sweep/crawl.ts).
 * No caller may be shown an object that `nodes(ids:)` would not return to him, and every field
 * that can return an area-scoped object must have been resolved on some caller's object.
 * The structure (every type classified, every such field guarded) is checked in scope-structure.test.ts.
 */

let server: HttpTestServer;
let callers: Record<string, Principal>;
let codes: string[];
const results = new Map<string, CrawlResult>();

const HUNAN = '430000000000';
const LIAONING = '210000000000';
const DALAOYEMIAO = '211382108201';

beforeAll(async () => {
  server = await createHttpTestServer();
  await loadDemoData(server.orm, server.platform, server.databaseUrl, silentLogger);
  // A 保靖县 village whose project is paid from a fund that also pays other villages' projects.
  const [{ village, township }] = await server.sql<{ village: string; township: string }>(`
    select p.place_code as village, a.parent_code as township
    from project p join area a on a.code = p.place_code and a.level = 'VILLAGE'
    join ledger_entry e on e.project_id = p.id and e.kind = 'ALLOCATION'
    where p.place_code like '433125%'
      and exists (select 1 from ledger_entry o join project q on q.id = o.project_id where o.fund_id = e.fund_id and q.place_code <> p.place_code)
    order by p.place_code limit 1`);
  const [{ sibling }] = await server.sql<{ sibling: string }>('select code as sibling from area where parent_code = ? and code <> ? order by code limit 1', [township, village]);
  const person = (id: string, role: Principal['role'], scope: string, province: string | null): Principal => ({ id: `sweep:${id}`, role, areaScopes: [scope], provinceCode: province });
  callers = {
    nationalAdmin: person('national-admin', 'NATIONAL_ADMIN', '', null),
    villageOfficer: person('village-officer', 'VILLAGE_OFFICER', village, HUNAN),
    townshipOfficer: person('township-officer', 'TOWNSHIP_OFFICER', township.slice(0, 9), HUNAN),
    countyOfficer: person('county-officer', 'COUNTY_OFFICER', '433125', HUNAN),
    ngoPartner: person('ngo-partner', 'NGO_PARTNER', '433125', HUNAN),
    hunanAuditor: person('hunan-auditor', 'AUDITOR', '43', HUNAN),
    otherProvinceVillageOfficer: person('dalaoyemiao-officer', 'VILLAGE_OFFICER', DALAOYEMIAO, LIAONING),
    otherProvinceAdmin: person('liaoning-admin', 'PROVINCE_ADMIN', '21', LIAONING),
  };
  codes = [village, sibling, township, '433125000000', HUNAN, DALAOYEMIAO, '211382000000', LIAONING];

  // The national administrator goes first: what he is shown gives everyone else ids to try.
  const admin = await crawl({ server, principal: callers.nationalAdmin, codes, idsByType: new Map(), perType: 12, year: 2016 });
  results.set('nationalAdmin', admin);
  const idsByType = new Map<string, string[]>();
  for (const ref of admin.seen.values()) {
    const list = idsByType.get(ref.typename) ?? [];
    if (list.length < 4) idsByType.set(ref.typename, [...list, ref.id]);
  }
  for (const [name, principal] of Object.entries(callers)) {
    if (name !== 'nationalAdmin') results.set(name, await crawl({ server, principal, codes, idsByType, perType: 12, year: 2016 }));
  }
}, 600_000);
afterAll(() => server.close());

describe('the scope sweep', () => {
  it('shows no caller an object that node(id:) would not show him, on any path', () => {
    const leaks = [...results].flatMap(([caller, result]) => result.leaks.map((ref) => `${caller}: ${ref.typename} ${ref.id} reached by ${ref.via}`));
    expect(leaks).toEqual([]);
  });

  it('meets no error but the typed refusals', () => {
    const errors = [...results].flatMap(([caller, result]) => result.unexpectedErrors.map((error) => `${caller}: ${error}`));
    expect(errors).toEqual([]);
  });

  it('resolves every field into an area-scoped type on some caller\'s object', () => {
    const schema = server.platform.schema;
    const areaTypes = new Set(
      Object.values(schema.getTypeMap())
        .filter((type) => isObjectType(type) && typeof (type.extensions?.pothosOptions as { scope?: unknown } | undefined)?.scope === 'object')
        .map((type) => type.name),
    );
    const required = edgesInto(schema, areaTypes);
    const exercised = new Set([...results.values()].flatMap((result) => [...result.exercised]));
    const summary = [...results].map(([caller, r]) => `${caller}: ${r.requests} requests, ${r.seen.size} objects, ${r.exercised.size} edges`);
    console.info(`scope sweep: ${exercised.size} (type, field) edges exercised with a non-empty parent; ${required.length} edges into area-scoped types\n  ${summary.join('\n  ')}`);
    expect(required.length).toBeGreaterThan(0);
    expect(required.filter((edge) => !exercised.has(edge))).toEqual([]);
  });
});
