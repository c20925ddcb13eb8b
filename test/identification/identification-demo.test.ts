import { describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import { useDemoServer } from '../fixtures/demo-server.js';
import { CALLERS } from '../fixtures/principals.js';

const SHIFAN = '809901101000';

const IdentificationFigures = graphql(`
  query DemoIdentificationFigures($code: String!, $year: Int) {
    region(code: $code) {
      name
      stats {
        households people
        identification(year: $year) {
          year households people applicationsOpen applicationsApproved applicationsRejected
          byClass { assistanceClass households people }
          byCategory { category households people }
          byCause { cause households }
        }
      }
    }
  }
`);

const DemoApplications = graphql(`
  query DemoIdentificationApplications($code: String!, $outcome: IdentificationOutcome) {
    identificationApplications(regionCode: $code, outcome: $outcome, first: 5) {
      totalCount
      edges { node {
        step state outcome people rejectedStep rejectionReason
        vote { representatives present votesFor votesAgainst abstentions votedOn }
        exclusions { exclusion applies }
        notices { step days }
        household { yearIdentified povertyStandard assistanceClass }
      } }
    }
  }
`);

const demo = useDemoServer();

describe('the identification demo', () => {
  it('has 示范镇\'s representatives\' vote choosing 175 households / 779 people of its 813 / 2,930, identified in 2014 for industry support', async () => {
    const result = await demo().execute(IdentificationFigures, { code: SHIFAN, year: 2014 }, { principal: CALLERS.nationalAdmin });
    expect(result.errors).toBeUndefined();
    const { stats } = result.data!.region!;
    expect(stats).toMatchObject({ households: 813, people: 2930 });
    const figures = stats.identification;
    expect(figures).toMatchObject({ year: 2014, applicationsApproved: 175, applicationsOpen: 0, applicationsRejected: 0 });
    expect(figures.byClass).toEqual([{ assistanceClass: 'PRODUCTION_EMPLOYMENT', households: 175, people: 779 }]);
    // The 175 are among the households the registry says were identified in 2014.
    expect(figures.households!).toBeGreaterThan(175);
    expect(figures.byCategory.reduce((sum, group) => sum + group.households!, 0)).toBe(figures.households);

    const every = (await demo().execute(IdentificationFigures, { code: SHIFAN }, { principal: CALLERS.nationalAdmin })).data!.region!.stats.identification;
    expect(every).toMatchObject({ year: null, households: 813, people: 2930, applicationsApproved: 175 });

    const approved = await demo().execute(DemoApplications, { code: SHIFAN, outcome: 'APPROVED' }, { principal: CALLERS.nationalAdmin });
    expect(approved.data!.identificationApplications.totalCount).toBe(175);
    const [first] = approved.data!.identificationApplications.edges.map((edge) => edge.node);
    expect(first).toMatchObject({ state: 'COMPLETED', step: 'COUNTY_APPROVAL', household: { yearIdentified: 2014, povertyStandard: 'NATIONAL', assistanceClass: 'PRODUCTION_EMPLOYMENT' } });
    expect(first.vote!.votesFor * 2).toBeGreaterThan(first.vote!.present);
    expect(first.vote!.votesFor + first.vote!.votesAgainst + first.vote!.abstentions).toBe(first.vote!.present);
    expect(first.exclusions).toHaveLength(10);
    expect(first.notices.map((n) => [n.step, n.days])).toEqual([['VILLAGE_REVIEW', 7], ['TOWNSHIP_REVIEW', 7], ['COUNTY_RECHECK', 7]]);
  });

  it('has 保靖县 applications open at three steps and one rejected by an exclusion', async () => {
    const result = await demo().execute(DemoApplications, { code: '433125000000' }, { principal: CALLERS.baojingOfficer });
    const nodes = result.data!.identificationApplications.edges.map((edge) => edge.node);
    expect(nodes.map((n) => [n.outcome, n.step])).toEqual([
      ['OPEN', 'APPLICATION'],
      ['OPEN', 'VILLAGE_REVIEW'],
      ['OPEN', 'TOWNSHIP_REVIEW'],
      ['REJECTED', 'REPRESENTATIVES_VOTE'],
    ]);
    expect(nodes[3]).toMatchObject({ state: 'CLOSED', rejectedStep: 'VILLAGE_REVIEW', exclusions: expect.arrayContaining([{ exclusion: 'VEHICLES', applies: true }]) });
  });
});
