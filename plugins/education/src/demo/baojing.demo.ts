import type { EntityManager } from '@mikro-orm/postgresql';
import { seedBaojingAid } from './baojing-aid.demo.js';
import { seedBaojingDropouts } from './baojing-dropout.demo.js';
import { seedBaojingTraining } from './baojing-training.demo.js';

/** 保靖县 (433125000000) and the township its county seat is in, 迁陵镇. */
export const BAOJING = { county: '433125000000', qianling: '433125100000', year: 2016 } as const;

/** "125万 for 304 poor university students" (篇6): how many (about 4,112 yuan each on average). */
export const UNIVERSITY_STUDENTS = 304;

/**
 * The county's two secondary schools in its seat (synthetic figures: the report gives none), and
 * the 304 university entrants of registered households enrolled in the autumn of 2016: members
 * aged 18 or 19 that year, drawn deterministically from their ID numbers. Their universities lie
 * outside the county, so they are named, not registered.
 */
export async function seedBaojingEducation(em: EntityManager): Promise<void> {
  await em.execute(
    `insert into education_school (name, kind, area_code, teachers_serving, teachers_retired, pupils_junior, pupils_senior, pupils_vocational, floor_area, unsafe_floor_area, created_by)
     values ('保靖县民族中学', 'MIDDLE', ?, 186, 42, 1210, 2380, 0, 46000.00, 0.00, 'demo'),
            ('保靖县职业中专学校', 'SECONDARY_VOCATIONAL', ?, 95, 18, 0, 0, 1560, 21000.00, 1200.00, 'demo')`,
    [BAOJING.qianling, BAOJING.qianling],
  );
  await em.execute(
    `create temporary table demo_entrants on commit drop as
     select m.id as member_id, m.household_id, m.village_code,
            row_number() over (order by md5(m.id_number || ':entrant')) as n
     from member m
     where m.village_code between '433125000000' and '433125999999'
       and m.birth_date between '1997-01-01' and '1998-12-31'
     order by md5(m.id_number || ':entrant')
     limit ?`,
    [UNIVERSITY_STUDENTS],
  );
  const [{ n }] = await em.execute<{ n: string }[]>('select count(*) as n from demo_entrants');
  if (Number(n) !== UNIVERSITY_STUDENTS) throw new Error(`education demo: 保靖县 has ${n} members aged 18–19 in 2016, not ${UNIVERSITY_STUDENTS}`);
  await em.execute(
    `insert into education_enrolment (member_id, household_id, village_code, school_id, school_name, stage, student_no, full_time, boarder, year, term, status, recorded_by)
     select d.member_id, d.household_id, d.village_code, null,
            (array['湖南师范大学', '吉首大学', '湖南农业大学', '中南大学', '湘潭大学'])[1 + d.n % 5],
            'UNDERGRADUATE', 'G' || lpad(d.n::text, 8, '0'), true, true, ?, 'AUTUMN', 'ENROLLED', 'demo'
     from demo_entrants d order by d.n`,
    [BAOJING.year],
  );
  await seedBaojingAid(em);
  await seedBaojingTraining(em);
  await seedBaojingDropouts(em);
}
