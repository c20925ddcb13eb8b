import { mustSucceed } from '@tuopin/testing';
import { describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import { AREAS } from '../fixtures/areas.js';
import { CALLERS } from '../fixtures/principals.js';
import { AssessCadre, RecallCadre, RecordLeave, RecordTeamDays, WorkTeamStats } from './operations.js';
import { cadre, cadres, county, expectRefused, firstSecretaryMembership, server, teamId, useWorkTeamWorld } from './world.js';

/**
 * A team's life in the village (days, leave, assessment, recall) and who sees it: masking of the
 * cadres' phones, the team's areas, partners' protected statistics, one statement per page, the audit.
 */

useWorkTeamWorld();

describe('days in the village, leave, assessment and recall', () => {
  it('records days by month and refuses more days than the month has', async () => {
    const township = { principal: CALLERS.qianlingOfficer };
    mustSucceed(await server.execute(RecordTeamDays, { input: { teamId, year: 2016, month: 1, days: 20 } }, township));
    const { team } = mustSucceed(await server.execute(RecordTeamDays, { input: { teamId, year: 2016, month: 2, days: 29 } }, township));
    expect(team.daysInVillage).toBe(49);
    await expectRefused(async () => (await server.execute(RecordTeamDays, { input: { teamId, year: 2015, month: 2, days: 29 } }, township)).data!.recordTeamDays, 'ValidationError', 'days');
    await expectRefused(async () => (await server.execute(RecordTeamDays, { input: { teamId, year: 2015, month: 1, days: 10 } }, township)).data!.recordTeamDays, 'RuleViolationError', 'month');
    // A village officer of 乙村 (no village of the team) does not see it.
    const other = { principal: { ...CALLERS.villageAOfficer, id: 'test:village-b', areaScopes: [AREAS.villageB] } };
    await expectRefused(async () => (await server.execute(RecordTeamDays, { input: { teamId, year: 2016, month: 3, days: 5 } }, other)).data!.recordTeamDays, 'NotFoundError', 'teamId');
    const stats = (await server.execute(WorkTeamStats, { code: AREAS.baojing, asOf: '2016-12-31' }, county)).data!.region!.stats.workTeams;
    expect(stats.daysInVillage).toBe(49);
  });

  it('records leave with its approver, and refuses leave that ends before it starts', async () => {
    const village = { principal: CALLERS.villageAOfficer };
    const { membership } = mustSucceed(
      await server.execute(RecordLeave, { input: { membershipId: firstSecretaryMembership, startsOn: '2016-05-03', endsOn: '2016-05-05', reason: '家中有事', approver: '迁陵镇党委书记' } }, village),
    );
    expect(membership.leaves).toEqual([{ startsOn: '2016-05-03', endsOn: '2016-05-05', approver: '迁陵镇党委书记' }]);
    await expectRefused(
      async () => (await server.execute(RecordLeave, { input: { membershipId: firstSecretaryMembership, startsOn: '2016-05-05', endsOn: '2016-05-03', reason: '事', approver: '书记' } }, village)).data!.recordCadreLeave,
      'ValidationError',
      'endsOn',
    );
  });

  it('refuses a leave reason or approver longer than its column holds, naming the field, rather than failing inside', async () => {
    const village = { principal: CALLERS.villageAOfficer };
    const leave = (reason: string, approver: string) => async () =>
      (await server.execute(RecordLeave, { input: { membershipId: firstSecretaryMembership, startsOn: '2016-05-10', endsOn: '2016-05-11', reason, approver } }, village)).data!.recordCadreLeave;
    await expectRefused(leave('病'.repeat(501), '书记'), 'ValidationError', 'reason');
    await expectRefused(leave('病假', '书'.repeat(129)), 'ValidationError', 'approver');
  });

  it('assesses once a year, by the county only', async () => {
    const { membership } = mustSucceed(await server.execute(AssessCadre, { input: { membershipId: firstSecretaryMembership, year: 2015, grade: 'EXCELLENT' } }, county));
    expect(membership.assessments).toEqual([{ year: 2015, grade: 'EXCELLENT' }]);
    await expectRefused(async () => (await server.execute(AssessCadre, { input: { membershipId: firstSecretaryMembership, year: 2015, grade: 'COMPETENT' } }, county)).data!.assessCadre, 'ConflictError', 'year');
    await expectRefused(async () => (await server.execute(AssessCadre, { input: { membershipId: firstSecretaryMembership, year: 2016, grade: 'COMPETENT' } }, { principal: CALLERS.qianlingOfficer })).data!.assessCadre, 'ForbiddenError', null as unknown as string);
  });

  it('recalls a cadre and replaces him from the next day; a second recall is a conflict', async () => {
    const members = ((await server.execute(graphql(`query WtTeamMembers($id: ID!) { node(id: $id) { ... on WorkTeam { members { id role } } } }`), { id: teamId }, county)).data!.node as { members: { id: string; role: string }[] }).members;
    const member = members.find((m) => m.role === 'MEMBER')!;
    const replacement = await cadre('接任队员');
    const recalled = mustSucceed(await server.execute(RecallCadre, { input: { membershipId: member.id, recalledOn: '2016-06-01', reason: '不胜任', replacementCadreId: replacement } }, county));
    expect(recalled.membership).toEqual({ recalledOn: '2016-06-01', recallReason: '不胜任' });
    expect(recalled.replacement).toMatchObject({ role: 'MEMBER', startsOn: '2016-06-02', endsOn: '2018-03-31', cadre: { name: '接任队员' }, replaces: { id: member.id } });
    await expectRefused(async () => (await server.execute(RecallCadre, { input: { membershipId: member.id, recalledOn: '2016-06-10', reason: '再次' } }, county)).data!.recallCadre, 'ConflictError', 'membershipId');
  });
});

describe('who sees what', () => {
  const TeamNode = graphql(`
    query WtTeamNode($id: ID!) { node(id: $id) { ... on WorkTeam { name members { cadre { name phone } } } } }
  `);

  it('masks cadres\' phone numbers for administrators and records officers\' reads', async () => {
    const masked = (await server.execute(TeamNode, { id: teamId }, { principal: CALLERS.nationalAdmin })).data!.node as { members: { cadre: { phone: string } }[] };
    expect(masked.members[0].cadre.phone).toMatch(/^139\*{4}\d{4}$/);
    const plain = (await server.execute(TeamNode, { id: teamId }, county)).data!.node as { members: { cadre: { phone: string } }[] };
    expect(plain.members[0].cadre.phone).toMatch(/^139\d{8}$/);
    const [read] = await server.sql<{ n: string }>(`select count(*) as n from audit_log where action = 'READ' and actor = ? and 'Cadre:' || ? = any(read_objects)`, [
      CALLERS.baojingOfficer.id,
      Buffer.from(cadres[0], 'base64').toString().split(':')[1],
    ]);
    expect(Number(read.n)).toBeGreaterThan(0);
  });

  it('shows a team only in its villages\' areas, and to partners not at all', async () => {
    expect((await server.execute(TeamNode, { id: teamId }, { principal: CALLERS.liaoningOfficer })).data!.node).toBeNull();
    expect((await server.execute(TeamNode, { id: teamId }, { principal: { ...CALLERS.villageAOfficer, id: 'test:b', areaScopes: [AREAS.villageB] } })).data!.node).toBeNull();
    expect((await server.execute(TeamNode, { id: teamId }, { principal: CALLERS.villageAOfficer })).data!.node).toMatchObject({ name: '县扶贫办驻甲村工作队' });
    const partner = await server.execute(TeamNode, { id: teamId }, { principal: CALLERS.baojingNgo });
    expect(partner.data?.node ?? null).toBeNull();
  });

  it('gives partners the statistics protected: fewer than five withheld, the rest rounded down, the day total withheld with the teams', async () => {
    const exact = (await server.execute(WorkTeamStats, { code: AREAS.baojing, asOf: '2016-12-31' }, county)).data!.region!.stats.workTeams;
    const partner = (await server.execute(WorkTeamStats, { code: AREAS.baojing, asOf: '2016-12-31' }, { principal: CALLERS.baojingNgo })).data!.region!.stats.workTeams;
    expect(exact).toMatchObject({ teams: 1, daysInVillage: 49 });
    for (const key of ['teams', 'cadres', 'firstSecretaries', 'povertyVillages', 'coveredPovertyVillages', 'households', 'pairedHouseholds', 'visits'] as const) {
      const value = exact[key]!;
      expect(partner[key], key).toBe(value < 5 ? null : value - (value % 5));
    }
    // 49 days of one team: shown as 45 beside a withheld team count, it would tell how many teams.
    expect(partner.daysInVillage).toBeNull();
    expect(partner.byUnitLevel).toEqual([]);
    expect(partner.villageCoverage).toBeNull();
  });

  it('computes the statistics of a page of areas in one statement, however many areas', async () => {
    const Page = graphql(`
      query WtVillagePage($code: String!, $first: Int!) {
        regions(parentCode: $code, level: VILLAGE, first: $first) { edges { node { code stats { workTeams(asOf: "2016-12-31") { teams cadres pairedHouseholds daysInVillage } } } } }
      }
    `);
    const one = await server.countStatements(async () => expect((await server.execute(Page, { code: AREAS.baojing, first: 1 }, county)).errors).toBeUndefined());
    const three = await server.countStatements(async () => expect((await server.execute(Page, { code: AREAS.baojing, first: 3 }, county)).errors).toBeUndefined());
    expect(three.count).toBe(one.count);
    expect(three.statements.filter((sql) => sql.includes('work_team_village'))).toHaveLength(1);
  });

  it('audits every step under its mutation, with the phone number masked', async () => {
    const rows = await server.sql<{ operation: string; object_type: string; phone: string | null }>(
      `select operation, object_type, after ->> 'phone' as phone from audit_log where action in ('INSERT', 'UPDATE') and object_type in
         ('dispatch_unit', 'cadre', 'work_team', 'work_team_village', 'work_team_membership', 'work_team_days', 'work_team_leave', 'work_team_assessment', 'helper_pairing', 'helper_visit')`,
    );
    const steps = new Set(rows.map((r) => `${r.operation}:${r.object_type}`));
    for (const step of [
      'createDispatchUnit:dispatch_unit',
      'registerCadre:cadre',
      'dispatchWorkTeam:work_team',
      'dispatchWorkTeam:work_team_village',
      'dispatchWorkTeam:work_team_membership',
      'recordTeamDays:work_team_days',
      'recordCadreLeave:work_team_leave',
      'assessCadre:work_team_assessment',
      'recallCadre:work_team_membership',
      // pairHelper and recordHelperVisit: helper-pairings.test.ts writes them, and the audit sweep
      // (test/access/work-team-audit-steps.ts) proves their records.
    ]) {
      expect(steps).toContain(step);
    }
    expect(rows.filter((r) => r.object_type === 'cadre').every((r) => r.phone === '***')).toBe(true);
  });

  it('places every membership\'s audit record where the team works, so a county\'s audit log finds them', async () => {
    // Auditors read the audit log; this one audits 保靖县. The team covers 甲村 and 丙村, of two townships: the county holds both.
    const countyAuditor = { ...CALLERS.hunanAuditor, id: 'test:baojing-auditor', areaScopes: ['433125'] };
    const log = async (objectType: string, principal = countyAuditor) => {
      const result = await server.execute(TeamAuditLog, { filter: { objectType }, first: 50 }, { principal });
      expect(result.errors).toBeUndefined();
      return result.data!.auditLog.edges.map((edge) => edge.node).filter((record) => record.action !== 'READ');
    };
    const memberships = await log('WorkTeamMembership');
    const dispatched = memberships.filter((record) => record.operation === 'dispatchWorkTeam');
    expect(dispatched.map((record) => record.areaCode).sort()).toEqual([AREAS.baojing, AREAS.baojing, AREAS.villageA]);
    expect(memberships.filter((record) => record.operation === 'recallCadre').length).toBeGreaterThan(0);
    for (const type of ['WorkTeamMonthDays', 'CadreLeave', 'CadreAssessment']) {
      expect((await log(type)).map((record) => record.areaCode)).toContain(AREAS.baojing);
    }
    // Another county's auditor finds none of them.
    expect(await log('WorkTeamMembership', { ...countyAuditor, areaScopes: ['433124'] })).toEqual([]);
  });
});

const TeamAuditLog = graphql(`
  query WtTeamAuditLog($filter: AuditLogFilter, $first: Int) {
    auditLog(filter: $filter, first: $first) { edges { node { action operation objectType areaCode } } }
  }
`);
