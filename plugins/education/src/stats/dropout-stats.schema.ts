import { loaderFields, RANGES_CTE, type TuopinBuilder } from '@tuopin/core';
import { blockLoader, statsKey } from './stats-source.js';

interface DropoutRow {
  code: string;
  open: string;
  closed: string;
}

// Cases placed by the child's village: open on the period's last day (today by the settings' clock when open-ended), and
// closed within the period.
const DROPOUT_SQL = `
  with ${RANGES_CTE},
  p as not materialized (select ?::date as from_day, ?::date as given_until, ?::date as today),
  q as not materialized (select from_day, coalesce(given_until, today) as until_day from p)
  select r.code,
         count(*) filter (where d.opened_on <= p.until_day and (d.closed_on is null or d.closed_on > p.until_day))::int8 as open,
         count(*) filter (where d.closed_on <= p.until_day and (p.from_day is null or d.closed_on >= p.from_day))::int8 as closed
  from r cross join q p join education_dropout_case d on d.village_code between r.lo and r.hi
  group by r.code`;

const dropoutStatsLoader = blockLoader<DropoutRow, { open: number; closed: number }>(DROPOUT_SQL, ([row]) => ({ open: Number(row?.open ?? 0), closed: Number(row?.closed ?? 0) }));

/** 控辍保学 figures of `EducationStats`: cases open at the period's end and closed within it. */
export function registerDropoutStats(builder: TuopinBuilder): void {
  builder.objectFields('EducationStats', (t) => {
    const dropouts = loaderFields(t, { loader: dropoutStatsLoader, key: statsKey });
    return {
      dropoutsOpen: dropouts.count('未结案的控辍保学记录（统计期末）', 'Dropout cases open on the last day of the period (today if open-ended)', (f) => f.open),
      dropoutsClosed: dropouts.count('统计期内结案（复学或送教上门）', 'Dropout cases closed in the period: returned to school or taught at home', (f) => f.closed),
    };
  });
}
