import { checkCharacter } from '@tuopin/core';
import type pg from 'pg';
import { SHIFAN_CODE } from '../demo/shifan.js';
import { chooseExactly } from './choose-exactly.js';

/**
 * Demo identification (识别) applications, written as the workflow writes them:
 *
 * - 示范镇 (篇2): "the representatives' vote chose 175 households / 779 people" for industry
 *   support. They are 175 of the township's 813 registered households (2,930 people) identified
 *   in 2014, the first year of 建档立卡, with 779 people between them — the registry is left as
 *   it is (so every other demo figure stays), and each gets the application that put it there: the
 *   seven steps with its village representatives' vote, the ten exclusions checked, two notices and
 *   the announcement, approved under the national line as 发展生产和就业脱贫一批.
 * - 保靖县: applicants not (yet) registered — one waiting for its group's nomination, one in its
 *   village notice, one in the township's — and one rejected by the village committee because the
 *   household bought a car (exclusion 3, no gift), so every state is on record.
 */

export const SHIFAN_CHOSEN_HOUSEHOLDS = 175;
export const SHIFAN_CHOSEN_PEOPLE = 779;

const VILLAGE = (code: string) => `demo:village-officer:${code}`;
const TOWNSHIP = (code: string) => `demo:township-officer:${code.slice(0, 9)}`;
const COUNTY = (code: string) => `demo:county-officer:${code.slice(0, 6)}`;

const STEPS = ['APPLICATION', 'GROUP_NOMINATION', 'REPRESENTATIVES_VOTE', 'VILLAGE_REVIEW', 'TOWNSHIP_REVIEW', 'COUNTY_RECHECK', 'COUNTY_APPROVAL'] as const;
type Step = (typeof STEPS)[number];
const ACTOR: Record<Step, [(code: string) => string, string]> = {
  APPLICATION: [VILLAGE, 'VILLAGE_OFFICER'],
  GROUP_NOMINATION: [VILLAGE, 'VILLAGE_OFFICER'],
  REPRESENTATIVES_VOTE: [VILLAGE, 'VILLAGE_OFFICER'],
  VILLAGE_REVIEW: [VILLAGE, 'VILLAGE_OFFICER'],
  TOWNSHIP_REVIEW: [TOWNSHIP, 'TOWNSHIP_OFFICER'],
  COUNTY_RECHECK: [COUNTY, 'COUNTY_OFFICER'],
  COUNTY_APPROVAL: [COUNTY, 'COUNTY_OFFICER'],
};
const NOTICE_LOCATION: Partial<Record<Step, string>> = { VILLAGE_REVIEW: '村委会公示栏', TOWNSHIP_REVIEW: '乡镇政府公示栏', COUNTY_RECHECK: '县扶贫办公告栏' };
const EXCLUSIONS = ['HOUSING', 'DURABLES', 'VEHICLES', 'PUBLIC_PAYROLL', 'BUSINESS', 'LABOURER_AWAY', 'IDLE_LAND', 'UNWILLING_OR_LAWBREAKING', 'SPLIT_OR_NOMINAL', 'NOT_VOLUNTARY'];

/** 2014's calendar of 示范镇: every village the same week; notices of seven days back to back. */
const SHIFAN_DATES: Record<Step, string> = {
  APPLICATION: '2014-05-05',
  GROUP_NOMINATION: '2014-05-08',
  REPRESENTATIVES_VOTE: '2014-05-12',
  VILLAGE_REVIEW: '2014-05-13',
  TOWNSHIP_REVIEW: '2014-05-20',
  COUNTY_RECHECK: '2014-05-27',
  COUNTY_APPROVAL: '2014-06-05',
};
const NOTICE_END: Partial<Record<Step, string>> = { VILLAGE_REVIEW: '2014-05-19', TOWNSHIP_REVIEW: '2014-05-26', COUNTY_RECHECK: '2014-06-02' };

interface Applicant {
  householdId: number | null;
  villageCode: string;
  groupId: number | null;
  headName: string;
  idNumber: string;
  people: number;
  primaryCause: string;
  otherCauses: string[];
  category: string;
}

interface Vote {
  representatives: number;
  present: number;
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
}

/** Writes one application at `reached` (its dates from `dates`), with the vote and exclusions if it got that far. */
async function writeApplication(
  client: pg.ClientBase,
  a: Applicant,
  reached: Step,
  dates: Partial<Record<Step, string>>,
  noticeEnd: Partial<Record<Step, string>>,
  vote: Vote | null,
  outcome: 'OPEN' | 'APPROVED' | 'REJECTED',
  exclusions: { exclusion: string; applies: boolean; evidence: string }[],
  rejection?: { step: Step; on: string; reason: string },
): Promise<number> {
  const taken = STEPS.slice(0, STEPS.indexOf(reached) + 1);
  const state = outcome === 'APPROVED' ? 'COMPLETED' : outcome === 'REJECTED' ? 'CLOSED' : 'OPEN';
  const closedOn = outcome === 'APPROVED' ? dates.COUNTY_APPROVAL : rejection?.on ?? null;
  const { rows } = await client.query<{ id: number }>(
    `insert into workflow_case (kind, household_id, village_code, step, state, version, opened_on, closed_on, rejected_step, rejection_reason)
     values ('IDENTIFICATION', $1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [a.householdId, a.villageCode, reached, state, taken.length + (rejection ? 1 : 0), dates.APPLICATION, closedOn, rejection?.step ?? null, rejection?.reason ?? null],
  );
  const id = rows[0].id;
  const v = a.villageCode;
  for (const step of taken) {
    const [by, role] = ACTOR[step];
    await client.query(`insert into workflow_step (case_id, village_code, step, taken_on, taken_by, taken_role) values ($1, $2, $3, $4, $5, $6)`, [id, v, step, dates[step], by(v), role]);
    if (NOTICE_LOCATION[step]) {
      await client.query(`insert into workflow_notice (case_id, village_code, step, start_date, end_date, location, recorded_by) values ($1, $2, $3, $4, $5, $6, $7)`, [
        id, v, step, dates[step], noticeEnd[step], NOTICE_LOCATION[step], by(v),
      ]);
    }
  }
  const approved = outcome === 'APPROVED';
  await client.query(
    `insert into identification_application (id, village_code, group_id, head_name, id_number, people, primary_cause, other_causes, category, applied_on,
       representatives, present, votes_for, votes_against, abstentions, voted_on, poverty_standard, assistance_class, outcome)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
    [
      id, v, a.groupId, a.headName, a.idNumber, a.people, a.primaryCause, a.otherCauses, a.category, dates.APPLICATION,
      vote?.representatives ?? null, vote?.present ?? null, vote?.votesFor ?? null, vote?.votesAgainst ?? null, vote?.abstentions ?? null,
      vote ? dates.REPRESENTATIVES_VOTE : null, approved ? 'NATIONAL' : null, approved ? 'PRODUCTION_EMPLOYMENT' : null, outcome,
    ],
  );
  for (const e of exclusions) {
    await client.query(
      `insert into identification_exclusion (application_id, village_code, exclusion, applies, evidence, checked_step, checked_on) values ($1, $2, $3, $4, $5, 'REPRESENTATIVES_VOTE', $6)`,
      [id, v, e.exclusion, e.applies, e.evidence, dates.REPRESENTATIVES_VOTE],
    );
  }
  return id;
}

const noneApply = () => EXCLUSIONS.map((exclusion) => ({ exclusion, applies: false, evidence: '入户核查，经村民代表评议不存在该情形' }));

/** 示范镇's 175 households chosen by the representatives' vote, as approved applications. */
async function seedShifan(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<Applicant & { member_count: number }>(
    `select h.id as "householdId", h.village_code as "villageCode", h.group_id as "groupId", m.name as "headName", m.id_number as "idNumber",
            h.member_count as people, h.primary_cause as "primaryCause", h.other_causes as "otherCauses", h.category
     from household h join member m on m.household_id = h.id and m.relation_to_head = 'HEAD'
     where h.village_code like $1 and h.year_identified = 2014 and h.status = 'POOR'
     order by h.household_no`,
    [`${SHIFAN_CODE.slice(0, 9)}%`],
  );
  const chosen = chooseExactly(rows.map((r) => r.people), SHIFAN_CHOSEN_HOUSEHOLDS, SHIFAN_CHOSEN_PEOPLE).map((i) => rows[i]);
  // One representatives' assembly a village; a few against or abstaining, a majority for every one.
  const villages = [...new Set(chosen.map((a) => a.villageCode))].sort();
  for (const [n, a] of chosen.entries()) {
    const representatives = 27 + villages.indexOf(a.villageCode) * 2;
    const present = representatives - 2;
    const votesAgainst = n % 3;
    const abstentions = n % 2;
    const vote = { representatives, present, votesFor: present - votesAgainst - abstentions, votesAgainst, abstentions };
    await writeApplication(client, a, 'COUNTY_APPROVAL', SHIFAN_DATES, NOTICE_END, vote, 'APPROVED', noneApply());
  }
  await client.query(`update household set poverty_standard = 'NATIONAL', assistance_class = 'PRODUCTION_EMPLOYMENT' where id = any($1)`, [chosen.map((a) => a.householdId)]);
  return chosen.length;
}

/** A synthetic ID number of 保靖县 with a sequence far above the demo registry's (which counts up from 1 each day; odd is male). */
function applicantIdNumber(birth: string, sequence: number): string {
  const first17 = `433125${birth}${String(sequence).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/** 保靖县 applicants in every state but approved; nobody among them is registered. */
async function seedBaojing(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ code: string }>(`select code from area where level = 'VILLAGE' and code like '433125%' order by code limit 1`);
  const v = rows[0].code;
  const applicant = (headName: string, idNumber: string, people: number, primaryCause: string): Applicant => ({
    householdId: null, villageCode: v, groupId: null, headName, idNumber, people, primaryCause, otherCauses: [], category: 'ORDINARY',
  });
  const applicants = [
    applicant('龙秀英', applicantIdNumber('19650312', 982), 2, 'ILLNESS'),
    applicant('彭志刚', applicantIdNumber('19780827', 991), 4, 'EDUCATION'),
    applicant('向春花', applicantIdNumber('19830115', 984), 3, 'DISABILITY'),
    applicant('田大军', applicantIdNumber('19700704', 993), 5, 'LACK_OF_CAPITAL'),
  ];
  const { rows: clash } = await client.query(`select 1 from member where id_number = any($1)`, [applicants.map((a) => a.idNumber)]);
  if (clash.length > 0) throw new Error('a demo applicant\'s ID number is already registered');
  const vote = { representatives: 31, present: 26, votesFor: 22, votesAgainst: 2, abstentions: 2 };
  const dates: Partial<Record<Step, string>> = { APPLICATION: '2020-06-01', GROUP_NOMINATION: '2020-06-03', REPRESENTATIVES_VOTE: '2020-06-08', VILLAGE_REVIEW: '2020-06-09', TOWNSHIP_REVIEW: '2020-06-16' };
  const ends: Partial<Record<Step, string>> = { VILLAGE_REVIEW: '2020-06-15', TOWNSHIP_REVIEW: '2020-06-22' };
  await writeApplication(client, applicants[0], 'APPLICATION', dates, ends, null, 'OPEN', []);
  await writeApplication(client, applicants[1], 'VILLAGE_REVIEW', dates, ends, vote, 'OPEN', noneApply());
  await writeApplication(client, applicants[2], 'TOWNSHIP_REVIEW', dates, ends, vote, 'OPEN', noneApply());
  const car = noneApply().map((e) => (e.exclusion === 'VEHICLES' ? { ...e, applies: true, evidence: '2019年购买轿车一辆，非受赠' } : e));
  await writeApplication(client, applicants[3], 'REPRESENTATIVES_VOTE', dates, ends, vote, 'REJECTED', car, {
    step: 'VILLAGE_REVIEW',
    on: '2020-06-09',
    reason: '经村委会审查，该户购买轿车（第三项不纳入情形，非受赠），不予纳入 The household bought a car (exclusion 3, not a gift)',
  });
  return applicants.length;
}

/** Writes the demo applications; returns how many. Runs inside the caller's transaction. */
export async function seedIdentificationDemo(client: pg.ClientBase): Promise<number> {
  return (await seedShifan(client)) + (await seedBaojing(client));
}
