import type pg from 'pg';

/**
 * Demo monitoring cases (防返贫监测), written as the workflow writes them:
 *
 * - 大老爷庙村 (篇1): the fire of 13 March as a sudden-hardship case (突发严重困难户), through all
 *   nine steps, with an objection to its village notice resolved before the township's review, and
 *   the county's decision ten days after the fire with its measure: 2万 of temporary relief.
 * - 保靖县: an exited household at risk of illness, its village notice running with an objection
 *   still open, so the demo shows a case waiting for its objection.
 *
 * The year (2021) is the first in which monitoring covered all rural people; the reports give the
 * day of the fire but not the year.
 */

interface CaseStep {
  step: string;
  on: string;
  by: string;
  role: string;
  note?: string;
}

interface DemoCase {
  householdId: number;
  villageCode: string;
  people: number;
  category: string;
  risks: string[];
  leadSource: string;
  income: string | null;
  spending: string | null;
  range: string | null;
  steps: CaseStep[];
  consentOn: string;
  notice?: { start: string; end: string; location: string; objection: { on: string; content: string; resolvedOn?: string; resolution?: string } };
  decision?: { decision: string; on: string };
}

const VILLAGE = (code: string) => `demo:village-officer:${code}`;
const TOWNSHIP = (code: string) => `demo:township-officer:${code.slice(0, 9)}`;
const COUNTY = (code: string) => `demo:county-officer:${code.slice(0, 6)}`;

async function writeCase(client: pg.ClientBase, c: DemoCase): Promise<number> {
  const last = c.steps[c.steps.length - 1];
  const state = c.decision && last.step === 'ENTERED' ? 'COMPLETED' : 'OPEN';
  const { rows } = await client.query<{ id: number }>(
    `insert into workflow_case (kind, household_id, village_code, step, state, version, opened_on, closed_on)
     values ('MONITORING', $1, $2, $3, $4, $5, $6, $7) returning id`,
    [c.householdId, c.villageCode, last.step, state, c.steps.length, c.steps[0].on, state === 'OPEN' ? null : last.on],
  );
  const id = rows[0].id;
  for (const s of c.steps) {
    await client.query(
      `insert into workflow_step (case_id, village_code, step, taken_on, taken_by, taken_role, note) values ($1, $2, $3, $4, $5, $6, $7)`,
      [id, c.villageCode, s.step, s.on, s.by, s.role, s.note ?? null],
    );
  }
  await client.query(
    `insert into monitoring_case (id, village_code, category, risk_types, lead_source, lead_date, people, income_12_months, compliant_spending, monitoring_range, consent_signed_on, decision, decided_on)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [id, c.villageCode, c.category, c.risks, c.leadSource, c.steps[0].on, c.people, c.income, c.spending, c.range, c.consentOn, c.decision?.decision ?? null, c.decision?.on ?? null],
  );
  if (c.notice) {
    const { rows: notices } = await client.query<{ id: number }>(
      `insert into workflow_notice (case_id, village_code, step, start_date, end_date, location, recorded_by) values ($1, $2, 'VILLAGE_NOTICE', $3, $4, $5, $6) returning id`,
      [id, c.villageCode, c.notice.start, c.notice.end, c.notice.location, VILLAGE(c.villageCode)],
    );
    const o = c.notice.objection;
    await client.query(
      `insert into workflow_objection (case_id, notice_id, village_code, raised_on, content, raised_by, resolved_on, resolution, resolved_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, notices[0].id, c.villageCode, o.on, o.content, VILLAGE(c.villageCode), o.resolvedOn ?? null, o.resolution ?? null, o.resolvedOn ? VILLAGE(c.villageCode) : null],
    );
  }
  return id;
}

/** The first household of a status in an area, by household number: the same one on every run. */
async function firstHousehold(client: pg.ClientBase, prefix: string, status: string) {
  const { rows } = await client.query<{ id: number; village_code: string; member_count: number }>(
    `select id, village_code, member_count from household where village_code like $1 and status = $2 order by household_no limit 1`,
    [`${prefix}%`, status],
  );
  if (!rows[0]) throw new Error(`the demo registry has no ${status} household under ${prefix}`);
  return rows[0];
}

/**
 * The fire case's risk eliminated (风险消除) in October, once the house was rebuilt: more than six
 * months after the decision, its relief carried out; village assessment and notice, township,
 * county.
 */
async function eliminateRisk(client: pg.ClientBase, monitoringCaseId: number, householdId: number, v: string): Promise<void> {
  const steps: CaseStep[] = [
    { step: 'VILLAGE_ASSESSMENT', on: '2021-10-08', by: VILLAGE(v), role: 'VILLAGE_OFFICER', note: '住房已重建，收入恢复' },
    { step: 'VILLAGE_NOTICE', on: '2021-10-08', by: VILLAGE(v), role: 'VILLAGE_OFFICER' },
    { step: 'TOWNSHIP_REVIEW', on: '2021-10-13', by: TOWNSHIP(v), role: 'TOWNSHIP_OFFICER' },
    { step: 'COUNTY_DECISION', on: '2021-10-15', by: COUNTY(v), role: 'COUNTY_OFFICER' },
  ];
  const { rows } = await client.query<{ id: number }>(
    `insert into workflow_case (kind, household_id, village_code, step, state, version, opened_on, closed_on)
     values ('RISK_ELIMINATION', $1, $2, 'COUNTY_DECISION', 'COMPLETED', 4, '2021-10-08', '2021-10-15') returning id`,
    [householdId, v],
  );
  const id = rows[0].id;
  for (const s of steps) {
    await client.query(`insert into workflow_step (case_id, village_code, step, taken_on, taken_by, taken_role, note) values ($1, $2, $3, $4, $5, $6, $7)`, [
      id, v, s.step, s.on, s.by, s.role, s.note ?? null,
    ]);
  }
  await client.query(`insert into workflow_notice (case_id, village_code, step, start_date, end_date, location, recorded_by) values ($1, $2, 'VILLAGE_NOTICE', '2021-10-08', '2021-10-12', '大老爷庙村村委会公示栏', $3)`, [id, v, VILLAGE(v)]);
  await client.query(`insert into monitoring_elimination (id, monitoring_case_id, village_code) values ($1, $2, $3)`, [id, monitoringCaseId, v]);
  await client.query(`update monitoring_case set eliminated_on = '2021-10-15' where id = $1`, [monitoringCaseId]);
}

/** Writes the demo monitoring cases; returns how many. Runs inside the caller's transaction. */
export async function seedMonitoringDemo(client: pg.ClientBase): Promise<number> {
  const burnt = await firstHousehold(client, '211382108201', 'EXITED');
  const v = burnt.village_code;
  const step = (name: string, on: string, by: string, role: string, note?: string): CaseStep => ({ step: name, on, by, role, note });
  const fire = await writeCase(client, {
    householdId: burnt.id,
    villageCode: v,
    people: burnt.member_count,
    category: 'SUDDEN_HARDSHIP',
    risks: ['DISASTER'],
    leadSource: 'SELF_REPORT',
    income: null,
    spending: null,
    range: null,
    consentOn: '2021-03-14',
    steps: [
      step('WARNING', '2021-03-13', VILLAGE(v), 'VILLAGE_OFFICER', '3月13日住房失火，房屋和粮食烧毁'),
      step('HOME_CHECK', '2021-03-13', VILLAGE(v), 'VILLAGE_OFFICER'),
      step('CONSENT', '2021-03-14', VILLAGE(v), 'VILLAGE_OFFICER'),
      step('CROSS_CHECK', '2021-03-15', COUNTY(v), 'COUNTY_OFFICER'),
      step('VILLAGE_ASSESSMENT', '2021-03-16', VILLAGE(v), 'VILLAGE_OFFICER'),
      step('VILLAGE_NOTICE', '2021-03-16', VILLAGE(v), 'VILLAGE_OFFICER'),
      step('TOWNSHIP_REVIEW', '2021-03-22', TOWNSHIP(v), 'TOWNSHIP_OFFICER'),
      step('COUNTY_DECISION', '2021-03-23', COUNTY(v), 'COUNTY_OFFICER', '确定为突发严重困难户；同日发放临时救助2万元'),
      step('ENTERED', '2021-03-23', COUNTY(v), 'COUNTY_OFFICER'),
    ],
    notice: {
      start: '2021-03-16',
      end: '2021-03-20',
      location: '大老爷庙村村委会公示栏',
      objection: { on: '2021-03-17', content: '询问该户是否已获保险理赔', resolvedOn: '2021-03-19', resolution: '经核实，该户房屋未参加保险' },
    },
    decision: { decision: 'IDENTIFIED', on: '2021-03-23' },
  });
  // "2万 of relief ten days later".
  await client.query(
    `insert into monitoring_measure (case_id, village_code, measure_type, description, amount, started_on, carried_out_on, recorded_by)
     values ($1, $2, 'TEMPORARY_RELIEF', '火灾临时救助', '20000.00', '2021-03-23', '2021-03-23', $3)`,
    [fire, v, COUNTY(v)],
  );

  await eliminateRisk(client, fire, burnt.id, v);

  const atRisk = await firstHousehold(client, '433125', 'EXITED');
  const b = atRisk.village_code;
  await writeCase(client, {
    householdId: atRisk.id,
    villageCode: b,
    people: atRisk.member_count,
    category: 'UNSTABLE_EXITED',
    risks: ['ILLNESS'],
    leadSource: 'CADRE_VISIT',
    income: (5_200 * atRisk.member_count).toFixed(2),
    spending: '3000.00',
    range: '6000.00',
    consentOn: '2021-05-11',
    steps: [
      step('WARNING', '2021-05-10', VILLAGE(b), 'VILLAGE_OFFICER'),
      step('HOME_CHECK', '2021-05-10', VILLAGE(b), 'VILLAGE_OFFICER'),
      step('CONSENT', '2021-05-11', VILLAGE(b), 'VILLAGE_OFFICER'),
      step('CROSS_CHECK', '2021-05-12', COUNTY(b), 'COUNTY_OFFICER'),
      step('VILLAGE_ASSESSMENT', '2021-05-13', VILLAGE(b), 'VILLAGE_OFFICER'),
      step('VILLAGE_NOTICE', '2021-05-14', VILLAGE(b), 'VILLAGE_OFFICER'),
    ],
    notice: { start: '2021-05-14', end: '2021-05-18', location: '村部公示栏', objection: { on: '2021-05-15', content: '反映该户子女在外务工收入较高' } },
  });
  await client.query(`select setval(pg_get_serial_sequence('workflow_case', 'id'), (select max(id) from workflow_case))`);
  return 2;
}
