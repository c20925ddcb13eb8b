import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * "100余人次 of leaders, large growers and village secretaries trained in 长沙 and 安江" with the
 * county's 190万 of 雨露计划 funds (篇6): three courses of 2016 whose costs add up to 1,900,000
 * yuan, 104 trainees drawn from the registered members aged 25 to 55, 98 of them completed, and
 * 56 employed or running their own business afterwards (synthetic: the report gives no split).
 */
export const BAOJING_TRAINEES = 104;
export const BAOJING_TRAINING_COST = '1900000.00';

const COURSES = [
  { name: '2016年保靖县致富带头人培训班', kind: 'LEADERS', venue: '长沙', provider: '湖南农业大学', start: '2016-04-11', end: '2016-04-25', cost: '800000.00', trainees: 40 },
  { name: '2016年保靖县产业大户培训班', kind: 'LARGE_GROWERS', venue: '安江', provider: '湖南省安江农业学校', start: '2016-05-09', end: '2016-05-20', cost: '600000.00', trainees: 36 },
  { name: '2016年保靖县村支部书记培训班', kind: 'VILLAGE_CADRES', venue: '长沙', provider: '湖南省委党校', start: '2016-06-06', end: '2016-06-15', cost: '500000.00', trainees: 28 },
] as const;

export async function seedBaojingTraining(em: EntityManager): Promise<void> {
  await em.execute(
    `create temporary table demo_trainees on commit drop as
     select m.id as member_id, m.household_id, m.village_code, row_number() over (order by md5(m.id_number || ':trainee')) as n
     from member m
     where m.village_code between '433125000000' and '433125999999' and m.birth_date between '1961-01-01' and '1991-12-31'
     order by md5(m.id_number || ':trainee') limit ?`,
    [BAOJING_TRAINEES],
  );
  let first = 1;
  for (const course of COURSES) {
    const [row] = await em.execute<{ id: number }[]>(
      `insert into education_course (name, kind, area_code, venue, provider, start_date, end_date, cost, created_by)
       values (?, ?, '433125000000', ?, ?, ?::date, ?::date, ?, 'demo') returning id`,
      [course.name, course.kind, course.venue, course.provider, course.start, course.end, course.cost],
    );
    // Each course's last two trainees did not complete; the others did, and those among the first
    // 58 drawn found work (or ran their business) from two weeks after the course.
    await em.execute(
      `insert into education_trainee (course_id, member_id, household_id, village_code, status, certificate_no, employed, employer, employed_from, created_by)
       select ?, d.member_id, d.household_id, d.village_code,
              case when d.n > ? - 2 then 'NOT_COMPLETED' else 'COMPLETED' end,
              case when d.n > ? - 2 then null else 'YL' || lpad(d.n::text, 6, '0') end,
              case when d.n > ? - 2 then null else d.n <= 58 end,
              case when d.n <= 58 and d.n <= ? - 2 then '保靖县' || (array['黄金茶合作社', '椪柑基地', '湘西黑猪养殖场'])[1 + d.n % 3] else null end,
              case when d.n <= 58 and d.n <= ? - 2 then ?::date + 15 else null end,
              'demo'
       from demo_trainees d where d.n between ? and ?`,
      [row.id, first + course.trainees - 1, first + course.trainees - 1, first + course.trainees - 1, first + course.trainees - 1, first + course.trainees - 1, course.end, first, first + course.trainees - 1],
    );
    first += course.trainees;
  }
}
