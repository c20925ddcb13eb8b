import type { EntityManager } from '@mikro-orm/postgresql';

const ORDER = ['PLANNED', 'APPROVED', 'UNDER_CONSTRUCTION', 'COMPLETED', 'ACCEPTED'] as const;

/**
 * A core project of category RELOCATION for the demo, as the project service would leave it: its
 * plan notice, and its status history from PLANNED to `status` (dated through 2016). Returns its id.
 */
export async function insertDemoProject(
  em: EntityManager,
  project: { name: string; constructionType: string; placeCode: string; budget: string; status: (typeof ORDER)[number] },
): Promise<number> {
  const [row] = await em.execute<{ id: number }[]>(
    `insert into project (name, category, construction_type, place_code, responsible_unit, budget, year, planned_start_date, planned_end_date,
                          actual_start_date, performance_targets, poverty_link, status, created_by, created_at)
     values (?, 'RELOCATION', ?, ?, '示范县发展和改革局', ?, 2016, '2016-05-01', '2017-09-30', '2016-05-10',
             '94户456人搬迁，集中安置30户135人', '一方水土养不起一方人的贫困户搬迁，住房不超过人均25平方米', ?, 'demo', '2016-04-01') returning id`,
    [project.name, project.constructionType, project.placeCode, project.budget, project.status],
  );
  await em.execute(
    `insert into project_notice (project_id, notice_type, start_date, end_date, location, recorded_by) values (?, 'PROJECT_PLAN', '2016-04-05', '2016-04-11', '示范镇政府公示栏', 'demo')`,
    [row.id],
  );
  const steps = ORDER.slice(0, ORDER.indexOf(project.status) + 1);
  const dates = ['2016-04-01', '2016-04-20', '2016-05-10', '2017-08-01', '2017-09-20'];
  for (const [i, status] of steps.entries()) {
    await em.execute(
      `insert into project_status_change (project_id, from_status, to_status, effective_date, reason, changed_by) values (?, ?, ?, ?, ?, 'demo')`,
      [row.id, i === 0 ? null : steps[i - 1], status, dates[i], i === 0 ? '入库 Entered in the project library' : status === 'APPROVED' ? '示发改〔2016〕8号' : '按计划推进'],
    );
  }
  return row.id;
}
