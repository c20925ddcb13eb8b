import { mutate, type AuditStep } from '@tuopin/testing';
import { AREAS } from '../fixtures/areas.js';

/** Core's work-team mutations, after the registry steps (they pair a registered household). */
export const workTeamAuditSteps: AuditStep[] = [
  {
    mutation: 'createDispatchUnit',
    table: 'dispatch_unit',
    async run(world) {
      const out = await mutate(world, `mutation($input: CreateDispatchUnitInput!) { createDispatchUnit(input: $input) { __typename ... on CreateDispatchUnitPayload { unit { id } } } }`,
        { input: { name: '保靖县审计测试单位', level: 'COUNTY', areaCode: AREAS.baojing } }, 'CreateDispatchUnitPayload');
      world.ids.unit = out.unit.id;
    },
  },
  {
    mutation: 'registerCadre',
    table: 'cadre',
    async run(world) {
      for (const [i, name] of ['审一', '审二', '审三', '审四'].entries()) {
        const out = await mutate(world, `mutation($input: RegisterCadreInput!) { registerCadre(input: $input) { __typename ... on RegisterCadrePayload { cadre { id } } } }`,
          { input: { name, phone: `1390000000${i}`, rank: 'STAFF', unitId: world.ids.unit, countyCode: AREAS.baojing } }, 'RegisterCadrePayload');
        world.ids[`cadre${i}`] = out.cadre.id;
      }
    },
  },
  {
    mutation: 'dispatchWorkTeam',
    table: 'work_team_membership',
    async run(world) {
      const members = [
        { cadreId: world.ids.cadre0, role: 'FIRST_SECRETARY', villageCode: AREAS.villageA },
        { cadreId: world.ids.cadre1, role: 'LEADER' },
        { cadreId: world.ids.cadre2, role: 'MEMBER' },
      ];
      const out = await mutate(world, `mutation($input: DispatchWorkTeamInput!) { dispatchWorkTeam(input: $input) { __typename ... on DispatchWorkTeamPayload { team { id members { id } } } } }`,
        { input: { name: '审计测试工作队', unitId: world.ids.unit, countyCode: AREAS.baojing, startsOn: '2015-04-01', endsOn: '2018-03-31', villages: [{ villageCode: AREAS.villageA, role: 'BUILD' }], members } },
        'DispatchWorkTeamPayload');
      world.ids.team = out.team.id;
      world.ids.membership = out.team.members[2].id;
    },
  },
  {
    mutation: 'recordTeamDays',
    table: 'work_team_days',
    run: (world) => mutate(world, `mutation($input: RecordTeamDaysInput!) { recordTeamDays(input: $input) { __typename } }`,
      { input: { teamId: world.ids.team, year: 2016, month: 1, days: 20 } }, 'RecordTeamDaysPayload').then(() => {}),
  },
  {
    mutation: 'recordCadreLeave',
    table: 'work_team_leave',
    run: (world) => mutate(world, `mutation($input: RecordCadreLeaveInput!) { recordCadreLeave(input: $input) { __typename } }`,
      { input: { membershipId: world.ids.membership, startsOn: '2016-05-03', endsOn: '2016-05-05', reason: '家中有事', approver: '乡镇党委书记' } }, 'RecordCadreLeavePayload').then(() => {}),
  },
  {
    mutation: 'assessCadre',
    table: 'work_team_assessment',
    run: (world) => mutate(world, `mutation($input: AssessCadreInput!) { assessCadre(input: $input) { __typename } }`,
      { input: { membershipId: world.ids.membership, year: 2015, grade: 'COMPETENT' } }, 'AssessCadrePayload').then(() => {}),
  },
  {
    mutation: 'recallCadre',
    table: 'work_team_membership',
    run: (world) => mutate(world, `mutation($input: RecallCadreInput!) { recallCadre(input: $input) { __typename } }`,
      { input: { membershipId: world.ids.membership, recalledOn: '2016-06-01', reason: '不胜任', replacementCadreId: world.ids.cadre3 } }, 'RecallCadrePayload').then(() => {}),
  },
  {
    mutation: 'pairHelper',
    table: 'helper_pairing',
    async run(world) {
      const out = await mutate(world, `mutation($input: PairHelperInput!) { pairHelper(input: $input) { __typename ... on PairHelperPayload { pairing { id } } } }`,
        { input: { cadreId: world.ids.cadre1, householdId: world.ids.household, startsOn: '2016-01-01' } }, 'PairHelperPayload');
      world.ids.pairing = out.pairing.id;
    },
  },
  {
    mutation: 'recordHelperVisit',
    table: 'helper_visit',
    run: (world) => mutate(world, `mutation($input: RecordHelperVisitInput!) { recordHelperVisit(input: $input) { __typename } }`,
      { input: { pairingId: world.ids.pairing, visitedOn: '2016-03-01', note: '了解春耕情况' } }, 'RecordHelperVisitPayload').then(() => {}),
  },
  {
    mutation: 'endHelperPairing',
    table: 'helper_pairing',
    run: (world) => mutate(world, `mutation($input: EndHelperPairingInput!) { endHelperPairing(input: $input) { __typename } }`,
      { input: { pairingId: world.ids.pairing, endedOn: '2016-12-31' } }, 'EndHelperPairingPayload').then(() => {}),
  },
];
