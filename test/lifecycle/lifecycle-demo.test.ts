import { describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import { useDemoServer } from '../fixtures/demo-server.js';

const MonitoringCases = graphql(`
  query DemoMonitoringCases($code: String!) {
    monitoringCases(regionCode: $code, first: 10) {
      totalCount
      edges { node {
        category riskTypes leadSource leadDate state step decision decidedOn eliminatedOn daysToDecision decisionOverdue openObjections villageNotice
        measures { measureType amount startedOn carriedOutOn }
        notices { days objections { content resolvedOn } }
      } }
    }
  }
`);

const demo = useDemoServer();

describe('the life cycle demo', () => {
  it('has 大老爷庙村\'s fire of 13 March as a sudden hardship, with 2万 of relief ten days later', async () => {
    const result = await demo().execute(MonitoringCases, { code: '211382108201' });
    expect(result.errors).toBeUndefined();
    const { totalCount, edges } = result.data!.monitoringCases;
    const nodes = edges.map((edge) => edge.node);
    expect(totalCount).toBe(1);
    expect(nodes[0]).toMatchObject({
      category: 'SUDDEN_HARDSHIP',
      riskTypes: ['DISASTER'],
      leadDate: '2021-03-13',
      state: 'COMPLETED',
      decision: 'IDENTIFIED',
      decidedOn: '2021-03-23',
      eliminatedOn: '2021-10-15',
      daysToDecision: 10,
      decisionOverdue: false,
      openObjections: 0,
      measures: [{ measureType: 'TEMPORARY_RELIEF', amount: '20000.00', startedOn: '2021-03-23', carriedOutOn: '2021-03-23' }],
      notices: [{ days: 5, objections: [expect.objectContaining({ resolvedOn: '2021-03-19' })] }],
    });
    expect(nodes[0].villageNotice).toContain('大老爷庙村拟将1户');
  });

  it('has a 保靖县 case waiting on an objection to its village notice', async () => {
    const result = await demo().execute(MonitoringCases, { code: '433125000000' });
    expect(result.data!.monitoringCases.edges.map((edge) => edge.node)).toEqual([expect.objectContaining({ category: 'UNSTABLE_EXITED', state: 'OPEN', step: 'VILLAGE_NOTICE', openObjections: 1 })]);
  });
});
