import { checkCharacter, readsOf, type Principal } from '@tuopin/core';
import { createHttpTestServer, documentOf, type HttpTestServer, mustSucceed } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { freshIdNumber, memberInput, registrationInput } from '../fixtures/households.js';
import { CALLERS } from '../fixtures/principals.js';
import { settingsWith, TestClock } from '../fixtures/projects.js';

/**
 * Masking is tested by reconstruction. For each role that sees personal data masked, the test
 * collects through HTTP everything that role can read about one person — every field of the
 * member, of the household and of what hangs off it (the finance plugin's loans, credit lines,
 * ratings: found by introspection, so a new plugin's fields are collected too), the audit records
 * of the person, the answers of the writes that check personal data, and the answers of writes
 * that enter the candidate ID number (registering it, adding it as a member, changing another
 * member's number to it: a unique number's "already registered" would single it out) — and then tries to
 * rebuild the ID number: it enumerates the hidden eight digits (the birth date), keeps the
 * candidates whose check character and every collected fact agree, and fails if one is left.
 *
 * The person is the hard case: an 18-year-old who borrowed three days after turning 18, born on
 * the third of January. A birth year shown beside the masked number would leave a handful of
 * candidates (the days of the year before the loan's 18th birthday), not the 32–35 of a year.
 */

const clock = new TestClock(new Date('2016-01-06T02:00:00Z'));
const BIRTH_DATE = '1998-01-03';
const ID_NUMBER = freshIdNumber({ birthDate: BIRTH_DATE, sex: 'MALE' });
const MASKED_ROLES: [string, Principal][] = [
  ['national administrator', CALLERS.nationalAdmin],
  ['province administrator', CALLERS.hunanAdmin],
];

let server: HttpTestServer;
let memberId = '';
let headId = '';
let householdId = '';

/** Runs a setup mutation as 保靖县's officer (its result goes through `mustSucceed`). */
function officer(source: string, variables: Record<string, unknown>) {
  return server.execute(documentOf(source), variables, { principal: CALLERS.baojingOfficer });
}

beforeAll(async () => {
  // The test asks for every field a role can read about the person in one request, which grows
  // with each installed plugin's fields on Household: the query limits are not what it tests.
  server = await createHttpTestServer({ settings: { ...settingsWith(clock), queryLimits: { depth: 12, breadth: 5_000, complexity: 1_000_000 } } });
  await insertAreas(server);
  const registered = mustSucceed(await officer(
    `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { __typename ... on RegisterHouseholdPayload { household { id members { id idNumber } } } } }`,
    { input: registrationInput({ bankAccount: '6230123456781234', members: [
      memberInput({ relationToHead: 'HEAD', name: '彭大山', idNumber: freshIdNumber({ birthDate: '1968-03-15', sex: 'MALE' }) }),
      memberInput({ relationToHead: 'SON', name: '彭小军', idNumber: ID_NUMBER, health: 'CHRONIC_ILLNESS', disabilityGrade: 3 }),
    ] }) }));
  householdId = registered.household.id;
  memberId = registered.household.members.find((m: { idNumber: string }) => m.idNumber === ID_NUMBER).id;
  headId = registered.household.members.find((m: { idNumber: string }) => m.idNumber !== ID_NUMBER).id;
  mustSucceed(await officer(`mutation($input: UpdateMemberInput!) { updateMember(input: $input) { __typename } }`,
    { input: { id: memberId, health: 'SERIOUS_ILLNESS', employmentMonths: 6 } }));

  const lender = mustSucceed(await officer(`mutation($input: CreateLenderInput!) { createLender(input: $input) { __typename ... on CreateLenderPayload { lender { id } } } }`,
    { input: { name: '保靖县农村信用合作联社', kind: 'RURAL_CREDIT_COOPERATIVE', areaCode: AREAS.baojing } }));
  mustSucceed(await officer(`mutation($input: SetRiskPoolInput!) { setRiskPool(input: $input) { __typename } }`, { input: { countyCode: AREAS.baojing, leverageMultiple: 10 } }));
  mustSucceed(await officer(`mutation($input: FundRiskPoolInput!) { fundRiskPool(input: $input) { __typename } }`, { input: { countyCode: AREAS.baojing, amount: '1000000.00', fundedOn: '2015-12-01' } }));
  mustSucceed(await officer(`mutation($input: RateHouseholdInput!) { rateHousehold(input: $input) { __typename } }`,
    { input: { householdId, score: 92, ratedOn: '2015-12-10', rater: '甲村评级小组' } }));
  mustSucceed(await officer(`mutation($input: GrantCreditLineInput!) { grantCreditLine(input: $input) { __typename } }`,
    { input: { householdId, lenderId: lender.lender.id, amount: '50000.00', validFrom: '2015-12-15', validUntil: '2018-12-14' } }));
  mustSucceed(await officer(`mutation($input: DisburseLoanInput!) { disburseLoan(input: $input) { __typename } }`,
    { input: { householdId, borrowerId: memberId, principal: '20000.00', termMonths: 12, purpose: '保靖黄金茶种植', industry: 'PLANTING', disbursedOn: '2016-01-05' } }));
}, 60_000);
afterAll(() => server.close());

async function post(caller: Principal, query: string, variables: Record<string, unknown> = {}) {
  const response = await server.post({ query, variables }, { authorization: `Bearer ${await server.token(caller)}` });
  expect(response.status).toBe(200);
  return response.body;
}

interface IntrospectedField {
  name: string;
  args: { type: { kind: string } }[];
  type: { kind: string; name: string | null; ofType: IntrospectedField['type'] | null };
}

/**
 * Every field without required arguments, `depth` object levels deep, from the caller's schema,
 * as selections small enough for the breadth limit however many fields plugins add: one per field
 * of the type, and one per field of each object it reaches directly.
 */
async function everythingSelection(caller: Principal, typeName: string, depth: number): Promise<string[]> {
  const body = await post(caller, `{ __schema { types { name kind fields { name args { type { kind } } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`);
  const types = new Map<string, { kind: string; fields: IntrospectedField[] | null }>(body.data.__schema.types.map((t: any) => [t.name, t]));
  const named = (type: IntrospectedField['type']): { kind: string; name: string } => (type.ofType ? named(type.ofType) : (type as { kind: string; name: string }));
  const parts = (name: string, level: number): string[] => {
    const fields = (types.get(name)?.fields ?? []).filter((field) => field.args.every((arg) => arg.type.kind !== 'NON_NULL'));
    const selected: string[] = [];
    for (const field of fields) {
      const target = named(field.type);
      if (target.kind === 'SCALAR' || target.kind === 'ENUM') selected.push(field.name);
      else if (target.kind === 'OBJECT' && level > 0 && !target.name.endsWith('Connection')) selected.push(`${field.name} { ${select(target.name, level - 1)} }`);
    }
    return selected;
  };
  const select = (name: string, level: number): string => parts(name, level).join(' ') || '__typename';
  // Two levels split: an object field of the type is asked for one of its own fields at a time.
  return (types.get(typeName)?.fields ?? [])
    .filter((field) => field.args.every((arg) => arg.type.kind !== 'NON_NULL'))
    .flatMap((field) => {
      const target = named(field.type);
      if (target.kind === 'SCALAR' || target.kind === 'ENUM') return [field.name];
      if (target.kind !== 'OBJECT' || depth === 0 || target.name.endsWith('Connection')) return [];
      const inner = parts(target.name, depth - 1);
      return inner.length ? inner.map((part) => `${field.name} { ${part} }`) : [`${field.name} { __typename }`];
    });
}

/** Merges the answers to the split selections back into one value (lists element by element). */
function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (Array.isArray(value) && Array.isArray(existing)) value.forEach((item, i) => (existing[i] = item && typeof item === 'object' ? mergeInto((existing[i] ?? {}) as Record<string, unknown>, item) : item));
    else if (value && typeof value === 'object' && !Array.isArray(value) && existing && typeof existing === 'object') mergeInto(existing as Record<string, unknown>, value as Record<string, unknown>);
    else target[key] = value;
  }
  return target;
}

/** Everything a caller can read about the person, as one JSON value. */
async function collect(caller: Principal): Promise<{ facts: unknown; messages: string[]; entries: { real: unknown[]; wrong: unknown[] } }> {
  const member = { data: { node: {} as Record<string, unknown> } };
  for (const selection of await everythingSelection(caller, 'Member', 3)) {
    const part = await post(caller, `query($id: ID!) { node(id: $id) { ... on Member { ${selection} } } }`, { id: memberId });
    expect(part.errors).toBeUndefined();
    mergeInto(member.data.node, part.data.node);
  }
  const audit = await post(caller, `query($filter: AuditLogFilter) { auditLog(first: 100, filter: $filter) { edges { node { action objectType objectId at before after } } } }`,
    { filter: { objectType: 'Member', objectId: String(Buffer.from(memberId, 'base64').toString().split(':')[1]) } });
  expect(audit.errors).toBeUndefined();
  expect(audit.data.auditLog.edges.length).toBeGreaterThan(0);
  // Writes whose rules check personal data: what they answer is read too.
  const probes = [
    await post(caller, `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { __typename ... on Error { messageZh messageEn } ... on ValidationError { issues { messageZh messageEn } } } }`,
      { input: { id: memberId, birthDate: '1900-01-01' } }),
    await post(caller, `mutation($input: DisburseLoanInput!) { disburseLoan(input: $input) { __typename ... on Error { messageZh messageEn } } }`,
      { input: { householdId, borrowerId: memberId, principal: '1000.00', termMonths: 12, purpose: '试探', industry: 'PLANTING', disbursedOn: '2016-01-02' } }),
  ];
  return { facts: { member: member.data, audit: audit.data }, messages: probes.map((probe) => JSON.stringify(probe)), entries: await enterCandidates(caller) };
}

/**
 * Writes that enter a candidate ID number, tried with the real one and with a wrong one (another
 * birth date): an attacker enumerating the candidates learns the real one if the answers differ.
 */
async function enterCandidates(caller: Principal): Promise<{ real: unknown[]; wrong: unknown[] }> {
  const errors = `__typename ... on Error { code field messageZh messageEn }`;
  const tries = async (idNumber: string) => [
    await post(caller, `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { ${errors} } }`,
      { input: registrationInput({ members: [memberInput({ relationToHead: 'HEAD', idNumber })] }) }),
    await post(caller, `mutation($input: AddMemberInput!) { addMember(input: $input) { ${errors} } }`,
      { input: { householdId, member: memberInput({ idNumber }) } }),
    await post(caller, `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { ${errors} } }`, { input: { id: headId, idNumber } }),
  ];
  return { real: await tries(ID_NUMBER), wrong: await tries(freshIdNumber({ birthDate: '1998-01-04', sex: 'MALE' })) };
}

const day = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const yearsBefore = (date: string, years: number) => `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4)}`;

/** Every string and number in a JSON value, with the key it was found under. */
function* leaves(value: unknown, key = ''): Generator<[string, unknown]> {
  if (Array.isArray(value)) for (const item of value) yield* leaves(item, key);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* leaves(v, k);
  else yield [key, value];
}

/**
 * The ID numbers consistent with everything collected. Known fact shapes: the masked number
 * (area, sequence, sex and check character), a full number anywhere, a birth date or birth year
 * under any key that says "birth", a loan to this person (18 to 65 years old on its disbursement
 * date), the time the person was registered, and an age or birth date in a write's answer.
 */
function candidates(facts: unknown, messages: string[]): string[] {
  const all = [...leaves(facts)];
  const strings = all.map(([, v]) => v).filter((v): v is string => typeof v === 'string');
  const member = (facts as { member: { node: any } }).member.node;
  const full = strings.filter((s) => /^\d{17}[\dX]$/.test(s));
  if (full.includes(member.idNumber)) return [member.idNumber];
  const masked: string | undefined = member.idNumber;
  expect(masked, 'the masked ID number is part of what the role reads').toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
  const area = masked!.slice(0, 6);
  const tail = masked!.slice(14);

  let lo = '1890-01-01';
  let hi = iso(Date.now());
  const exact = new Set<string>();
  for (const [key, value] of all) {
    if (!/birth/i.test(key)) continue;
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) exact.add(value);
    if (/year/i.test(key) && /^\d{4}$/.test(String(value))) {
      lo = [lo, `${value}-01-01`].sort()[1];
      hi = [hi, `${value}-12-31`].sort()[0];
    }
  }
  for (const message of messages) {
    for (const date of message.match(/\d{4}-\d{2}-\d{2}/g) ?? []) if (/出生|birth/i.test(message) && date !== '1900-01-01' && date !== '2016-01-02') exact.add(date);
    const age = /is (\d+)\)/.exec(message);
    if (age) { // aged N on 2016-01-02, the probe's date
      lo = [lo, iso(Date.parse(yearsBefore('2016-01-02', Number(age[1]) + 1)) + day)].sort()[1];
      hi = [hi, yearsBefore('2016-01-02', Number(age[1]))].sort()[0];
    }
  }
  // A loan to this person: 18 to 65 years old on the day it was disbursed.
  for (const loan of member.household?.loans ?? []) {
    if (loan.borrower?.idNumber !== masked && loan.borrower?.name !== member.name) continue;
    hi = [hi, yearsBefore(loan.disbursedOn, 18)].sort()[0];
    lo = [lo, iso(Date.parse(yearsBefore(loan.disbursedOn, 66)) + day)].sort()[1];
  }
  // Registered on the day of the earliest audit record of the person: born by then.
  for (const [key, value] of all) if (key === 'at' && typeof value === 'string') hi = [hi, value.slice(0, 10)].sort()[0];

  const found: string[] = [];
  for (let t = Date.parse(lo); t <= Date.parse(hi); t += day) {
    const date = iso(t);
    if (exact.size > 0 && !exact.has(date)) continue;
    const first17 = `${area}${date.replace(/-/g, '')}${tail.slice(0, 3)}`;
    if (checkCharacter(first17) === tail[3]) found.push(`${first17}${tail[3]}`);
  }
  return found;
}

describe('masked personal data cannot be put back together', () => {
  it.each(MASKED_ROLES)('by a %s, from everything the role can read about a person', async (_name, caller) => {
    const { facts, messages, entries } = await collect(caller);
    // The registration probe: refused before any lookup, the same for the real number and a wrong one.
    expect(entries.real).toEqual(entries.wrong);
    for (const answer of entries.real) expect(Object.values((answer as { data: object }).data)[0]).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    const found = candidates(facts, messages);
    expect(found, `candidates left for ${ID_NUMBER}`).not.toEqual([ID_NUMBER]);
    expect(found.length).toBeGreaterThan(1);
    expect(found).toContain(ID_NUMBER);
    const text = JSON.stringify(facts) + messages.join('') + JSON.stringify(entries);
    expect(text).not.toContain(ID_NUMBER);
    expect(text).not.toContain(BIRTH_DATE);
  });

  it('still lets an officer read the person in full (and records it)', async () => {
    const body = await post(CALLERS.baojingOfficer, `query($id: ID!) { node(id: $id) { ... on Member { idNumber birthDate health disabilityGrade } } }`, { id: memberId });
    expect(body.data.node).toEqual({ idNumber: ID_NUMBER, birthDate: BIRTH_DATE, health: 'SERIOUS_ILLNESS', disabilityGrade: 3 });
    const [read] = await server.sql<{ after: { reads: { objectType: string; fields: string[] }[] } }>(
      "select after from audit_log where action = 'READ' and actor = ? order by id desc limit 1", [CALLERS.baojingOfficer.id]);
    expect(readsOf(read.after)).toEqual([expect.objectContaining({ objectType: 'Member', fields: ['birthDate', 'disabilityGrade', 'health', 'idNumber'] })]);
  });
});
