/**
 * Projects, funds and ledger entries for the synthetic province (800000000000), which the
 * server's `seed --households` loads without any. One project per village; per county, one fund
 * per source type and year; allocations (1–8 per approved project, so that "first 5 and their
 * count" pages are real), disbursements as the work went on, and a few reversals. Deterministic
 * (hashes of the codes), insert-only (the ledger is append-only), within every constraint.
 *
 * Bump SCALE_PROJECTS_VERSION when this changes: it is part of the seeded database's cache key.
 */
import type pg from 'pg';

export const SCALE_PROJECTS_VERSION = 2;
/**
 * The benchmark's own part of the synthetic province (SCALE_AREA_RANGE of the server's scale
 * seed): prefecture 8099 is core's demo (示范县), whose demo seeds bring projects of their own.
 */
const PROVINCE = { lo: '800100000000', hi: '809899999999' };

const CATEGORIES: [string, string][] = [
  ['ROAD', '通村道路硬化'],
  ['DRINKING_WATER', '安全饮水巩固提升'],
  ['WATER_CONSERVANCY', '山塘整治'],
  ['ELECTRICITY', '农网改造'],
  ['HOUSING', '危房改造'],
  ['INDUSTRY', '特色产业基地'],
  ['COLLECTIVE_ECONOMY', '村集体经济光伏电站'],
  ['EDUCATION', '村小学改扩建'],
  ['HEALTH', '村卫生室标准化建设'],
  ['CULTURE', '文化广场'],
  ['TRAINING', '劳动力技能培训'],
  ['OFFICE_BUILDING', '村级组织活动场所'],
];

const SOURCES: [string, string][] = [
  ['CENTRAL_FISCAL', '中央财政专项扶贫资金'],
  ['PROVINCIAL_FISCAL', '省级财政专项扶贫资金'],
  ['COUNTY_FISCAL', '县级财政专项扶贫资金'],
  ['INTEGRATED_AGRICULTURAL', '统筹整合涉农资金'],
  ['EAST_WEST_COOPERATION', '东西部扶贫协作资金'],
  ['SOCIAL_DONATION', '社会帮扶捐赠资金'],
];

const sqlArray = (values: string[]) => `array[${values.map((v) => `'${v}'`).join(',')}]`;

const STATEMENTS = [
  // A stable pseudo-random number in 0‥n-1 from a text.
  `create temporary table cat(i int, code text, label text)`,
  `insert into cat select i, (${sqlArray(CATEGORIES.map((c) => c[0]))})[i], (${sqlArray(CATEGORIES.map((c) => c[1]))})[i]
     from generate_series(1, ${CATEGORIES.length}) i`,
  `create temporary table src(i int, code text, label text)`,
  `insert into src select i, (${sqlArray(SOURCES.map((s) => s[0]))})[i], (${sqlArray(SOURCES.map((s) => s[1]))})[i]
     from generate_series(1, ${SOURCES.length}) i`,

  // One project per village.
  `insert into project (name, category, construction_type, place_code, responsible_unit, budget, year,
                        planned_start_date, planned_end_date, actual_start_date, actual_end_date,
                        performance_targets, poverty_link, status, created_by, created_at, updated_at)
   select v.name || c.label || '项目', c.code,
          (array['NEW','RENOVATION','REPAIR','PURCHASE'])[1 + (x.h / 16) % 4],
          v.code, t.name || '人民政府', ((x.h % 190) + 10) * 5000, x.year,
          make_date(x.year, 3, 1), make_date(x.year, 10, 31),
          case when x.status in ('UNDER_CONSTRUCTION','COMPLETED','ACCEPTED') then make_date(x.year, 4, 1) end,
          case when x.status in ('COMPLETED','ACCEPTED') then make_date(x.year, 11, 15) end,
          '受益建档立卡贫困户' || (10 + x.h % 90) || '户', '优先吸纳贫困户务工，收益用于村集体公益岗位', x.status, 'bench',
          make_timestamptz(x.year, 1, 15, 9, 0, 0, 'Asia/Shanghai'), make_timestamptz(x.year, 12, 20, 9, 0, 0, 'Asia/Shanghai')
   from area v
   join area t on t.code = v.parent_code
   cross join lateral (select abs(hashtext(v.code)) as h, abs(hashtext(v.code || 's')) % 100 as s) h0
   cross join lateral (select h0.h, 2016 + (h0.h / 7) % 5 as year,
                              case when h0.s < 8 then 'PLANNED' when h0.s < 20 then 'APPROVED' when h0.s < 45 then 'UNDER_CONSTRUCTION'
                                   when h0.s < 70 then 'COMPLETED' else 'ACCEPTED' end as status) x
   join cat c on c.i = 1 + x.h % ${CATEGORIES.length}
   where v.level = 'VILLAGE' and v.code between '${PROVINCE.lo}' and '${PROVINCE.hi}'
   order by v.code`,

  // Per county, one fund per source type and year; amounts are set once the allocations are known.
  `insert into fund (source_type, name, document_no, year, amount, area_code, provider, created_by, created_at, updated_at)
   select s.code, c.name || y || '年' || s.label, '财农〔' || y || '〕' || (10 + s.i) || '号', y, 1, c.code,
          case when s.code in ('EAST_WEST_COOPERATION','SOCIAL_DONATION') then '东部帮扶城市' end, 'bench',
          make_timestamptz(y, 1, 5, 9, 0, 0, 'Asia/Shanghai'), make_timestamptz(y, 1, 5, 9, 0, 0, 'Asia/Shanghai')
   from area c cross join src s cross join generate_series(2016, 2020) y
   where c.level = 'COUNTY' and c.code between '${PROVINCE.lo}' and '${PROVINCE.hi}'
   order by c.code, y, s.i`,

  // Allocations: 1–8 per approved (or later) project, 70–100 % of the budget in all.
  `insert into ledger_entry (kind, fund_id, project_id, amount, entry_date, voucher_no, recorded_by, recorded_at)
   select 'ALLOCATION', f.id, p.id, round(p.budget * (70 + a.h % 31) / 100.0 / a.k, 2),
          make_date(p.year, 4, 1) + n * 7, '资〔' || p.year || '〕' || p.id || '-' || n, 'bench',
          make_timestamptz(p.year, 4, 2, 9, 0, 0, 'Asia/Shanghai') + n * interval '7 days'
   from project p
   cross join lateral (select abs(hashtext(p.place_code || 'a')) as h) h0
   cross join lateral (select h0.h, 1 + h0.h % 8 as k) a
   cross join lateral generate_series(1, a.k) n
   join src s on s.i = 1 + (a.h + n) % ${SOURCES.length}
   join fund f on f.area_code = rpad(left(p.place_code, 6), 12, '0') and f.year = p.year and f.source_type = s.code
   where p.place_code between '${PROVINCE.lo}' and '${PROVINCE.hi}' and p.status <> 'PLANNED'
   order by p.id, n`,

  // Disbursements: half of each allocation once building started, all of it on completion.
  `insert into ledger_entry (kind, fund_id, project_id, allocation_id, amount, entry_date, voucher_no, recorded_by, recorded_at)
   select 'DISBURSEMENT', e.fund_id, e.project_id, e.id,
          case when p.status = 'UNDER_CONSTRUCTION' then round(e.amount / 2, 2) else e.amount end,
          e.entry_date + 60, '报〔' || p.year || '〕' || e.id, 'bench', e.recorded_at + interval '60 days'
   from ledger_entry e join project p on p.id = e.project_id
   where e.kind = 'ALLOCATION' and p.place_code between '${PROVINCE.lo}' and '${PROVINCE.hi}'
     and p.status in ('UNDER_CONSTRUCTION','COMPLETED','ACCEPTED')
   order by e.id`,

  // A few allocations of approved projects were booked in error and reversed.
  `insert into ledger_entry (kind, fund_id, project_id, reverses_id, amount, entry_date, memo, recorded_by, recorded_at)
   select 'REVERSAL', e.fund_id, e.project_id, e.id, e.amount, e.entry_date + 10, '错账冲销', 'bench', e.recorded_at + interval '10 days'
   from ledger_entry e join project p on p.id = e.project_id
   where e.kind = 'ALLOCATION' and p.place_code between '${PROVINCE.lo}' and '${PROVINCE.hi}'
     and p.status = 'APPROVED' and abs(hashtext(e.id::text)) % 10 = 0
   order by e.id`,

  // Each fund holds what was allocated from it and a quarter more.
  `update fund f set amount = greatest(100000, ceil(coalesce(a.total, 0) * 1.25))
   from (select f2.id, sum(e.amount) as total from fund f2 left join ledger_entry e on e.fund_id = f2.id and e.kind = 'ALLOCATION'
         where f2.area_code between '${PROVINCE.lo}' and '${PROVINCE.hi}' group by f2.id) a
   where a.id = f.id`,
];

export async function addScaleProjects(client: pg.ClientBase): Promise<Record<string, number>> {
  await client.query('begin');
  try {
    const { rows } = await client.query<{ n: string }>(`select count(*) as n from project where place_code between $1 and $2`, [PROVINCE.lo, PROVINCE.hi]);
    if (Number(rows[0].n) > 0) throw new Error('the synthetic province has projects already');
    for (const sql of STATEMENTS) await client.query(sql);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  }
  const { rows } = await client.query<Record<string, string>>(
    `select (select count(*) from project where place_code between $1 and $2) as projects,
            (select count(*) from fund where area_code between $1 and $2) as funds,
            (select count(*) from ledger_entry e join project p on p.id = e.project_id where p.place_code between $1 and $2) as ledger_entries`,
    [PROVINCE.lo, PROVINCE.hi],
  );
  return Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
}
