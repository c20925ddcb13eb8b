import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * 控辍保学 in 保靖县 (synthetic: the report gives no figures): twelve children aged 12 to 15 in
 * 2016 found out of school, each visited by the village's cadres and a teacher; eight returned to
 * school, two are taught at home (送教上门), two cases are still open at the end of the year.
 */
export async function seedBaojingDropouts(em: EntityManager): Promise<void> {
  await em.execute(
    `insert into education_dropout_case (member_id, household_id, village_code, status, opened_on, closed_on, reason, created_by)
     select m.id, m.household_id, m.village_code,
            case when d.n <= 8 then 'RETURNED_TO_SCHOOL' when d.n <= 10 then 'HOME_TEACHING' else 'CONFIRMED' end,
            date '2016-03-01' + (d.n * 7)::int,
            case when d.n <= 10 then date '2016-03-01' + (d.n * 7 + 30)::int end,
            (array['外出务工', '厌学', '家庭困难', '残疾'])[1 + d.n % 4], 'demo'
     from (select id, row_number() over (order by md5(id_number || ':dropout')) as n from member
           where village_code between '433125000000' and '433125999999' and birth_date between '2001-01-01' and '2004-12-31'
           order by md5(id_number || ':dropout') limit 12) d
     join member m on m.id = d.id`,
  );
  await em.execute(
    `insert into education_persuasion_visit (case_id, village_code, visited_on, visitors, result, created_by)
     select c.id, c.village_code, c.opened_on + 3, '村支书、班主任', case when c.closed_on is null then '家长同意考虑，继续劝返' else '家长同意送回学校' end, 'demo'
     from education_dropout_case c order by c.id`,
  );
}
