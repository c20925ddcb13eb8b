import { mutate, type AuditStep, type AuditWorld } from '@tuopin/testing';
import type { Principal } from '@tuopin/core';
import { AREAS } from '../fixtures/areas.js';
import { freshIdNumber } from '../fixtures/households.js';
import { clearExclusions, PASSING_VOTE } from '../fixtures/identification.js';
import { CALLERS } from '../fixtures/principals.js';

/** A date `days` before today (UTC is close enough: the steps leave days of slack). */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

async function applyFor(world: AuditWorld, days: number): Promise<string> {
  const out = await mutate(world, `mutation($input: ApplyForIdentificationInput!) { applyForIdentification(input: $input) { __typename
    ... on ApplyForIdentificationPayload { application { id } } } }`,
    { input: { villageCode: AREAS.villageA, headName: '向德明', idNumber: freshIdNumber(), people: 3, primaryCause: 'ILLNESS', category: 'ORDINARY', appliedOn: daysAgo(days) } },
    'ApplyForIdentificationPayload', CALLERS.villageAOfficer);
  return out.application.id;
}

const take = (world: AuditWorld, caseId: string, version: number, principal: Principal, input: object) =>
  mutate(world, `mutation($input: TakeIdentificationStepInput!) { takeIdentificationStep(input: $input) { __typename } }`,
    { input: { caseId, version, ...input } }, 'TakeIdentificationStepPayload', principal);

const notice = (days: number) => ({ startDate: daysAgo(days), endDate: daysAgo(days - 6), location: '村委会公示栏' });

/** Identification's mutations: an application run through its seven steps (notices of weeks ago), and one rejected. */
export const identificationAuditSteps: AuditStep[] = [
  {
    mutation: 'applyForIdentification',
    table: 'identification_application',
    async run(world) {
      world.ids.identification = await applyFor(world, 60);
      world.ids.rejectedIdentification = await applyFor(world, 10);
    },
  },
  {
    mutation: 'takeIdentificationStep',
    table: 'identification_exclusion',
    async run(world) {
      const id = world.ids.identification;
      await take(world, id, 1, CALLERS.villageAOfficer, { step: 'GROUP_NOMINATION', date: daysAgo(60) });
      await take(world, id, 2, CALLERS.villageAOfficer, { step: 'REPRESENTATIVES_VOTE', date: daysAgo(60), votes: PASSING_VOTE, exclusions: clearExclusions() });
      await take(world, id, 3, CALLERS.villageAOfficer, { step: 'VILLAGE_REVIEW', date: daysAgo(60), notice: notice(60) });
      await take(world, id, 4, CALLERS.qianlingOfficer, { step: 'TOWNSHIP_REVIEW', date: daysAgo(53), notice: notice(53) });
      await take(world, id, 5, world.officer, { step: 'COUNTY_RECHECK', date: daysAgo(46), notice: notice(46) });
      await take(world, id, 6, world.officer, { step: 'COUNTY_APPROVAL', date: daysAgo(39), povertyStandard: 'NATIONAL', assistanceClass: 'SOCIAL_SECURITY' });
    },
  },
  {
    mutation: 'rejectIdentificationApplication',
    table: 'identification_application',
    run: (world) =>
      mutate(world, `mutation($input: RejectIdentificationApplicationInput!) { rejectIdentificationApplication(input: $input) { __typename } }`,
        { input: { caseId: world.ids.rejectedIdentification, version: 1, step: 'GROUP_NOMINATION', reason: '非自愿申请 Not a voluntary applicant' } },
        'RejectIdentificationApplicationPayload', CALLERS.villageAOfficer).then(() => {}),
  },
];
