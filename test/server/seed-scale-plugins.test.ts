import { definePlugin, type ScaleSeedAreas, type TuopinPlugin } from '@tuopin/core';
import { financePlugin } from '@tuopin/plugin-finance';
import { loadConfig, silentLogger, type ServerConfig } from '@tuopin/server';
import { createTestDatabase } from '@tuopin/testing';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { seedCommand } from '../../packages/server/src/commands/maintenance.js';

/**
 * `seed --households N` calls each enabled plugin's `seedScale` once the synthetic province is
 * loaded (the plugin contract's hook for benchmark data), and no disabled plugin's. The finance
 * plugin's hook gives the province's counties their lending, the same on every run.
 */
const HOUSEHOLDS = 400;

interface Call {
  areas: ScaleSeedAreas;
  /** The synthetic households the hook could see when it ran. */
  households: number;
}

function recordingPlugin(calls: Call[]) {
  return definePlugin({
    name: 'scale-recorder',
    title: '规模数据记录 Scale-data recorder',
    entities: [],
    migrations: [],
    registerSchema() {},
    async seedScale(em: Parameters<NonNullable<TuopinPlugin['seedScale']>>[0], areas: ScaleSeedAreas) {
      const [row] = await em.execute<{ n: string }[]>('select count(*) as n from household where village_code between ? and ?', [areas.range.lo, areas.range.hi]);
      calls.push({ areas, households: Number(row.n) });
    },
  });
}

/** `seed --households` on a fresh, empty database with these plugins installed and these enabled. */
async function seedScaleWith(installed: ServerConfig['installedPlugins'], enabled: string[]): Promise<string> {
  const url = await createTestDatabase({ empty: true });
  const config = await loadConfig({ DATABASE_URL: url, TUOPIN_POOL_SIZE: '2', TUOPIN_JWT_SECRET: 'seed-scale-test-secret-0123456789abcdef' });
  await seedCommand({ ...config, installedPlugins: installed, pluginNames: enabled }, silentLogger, ['--households', String(HOUSEHOLDS)]);
  return url;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** The finance rows of the synthetic province, without ids or timestamps. */
async function financeDigest(url: string): Promise<{ digest: string; lenders: number; ratings: number; lines: number; loans: number; repayments: number }> {
  const [row] = await query<{ digest: string; lenders: string; ratings: string; lines: string; loans: string; repayments: string }>(
    url,
    `select md5(
       (select string_agg(concat_ws('|', name, area_code), ',' order by area_code, name) from finance_lender) ||
       (select string_agg(concat_ws('|', h.household_no, r.grade, r.score, r.rated_on), ',' order by h.household_no) from finance_credit_rating r join household h on h.id = r.household_id) ||
       (select string_agg(concat_ws('|', h.household_no, c.amount, c.valid_from), ',' order by h.household_no) from finance_credit_line c join household h on h.id = c.household_id) ||
       (select string_agg(concat_ws('|', h.household_no, l.principal, l.term_months, l.disbursed_on, l.industry), ',' order by h.household_no) from finance_loan l join household h on h.id = l.household_id) ||
       (select coalesce(string_agg(concat_ws('|', r.voucher_no, r.principal, r.interest, r.repaid_on), ',' order by r.voucher_no), '') from finance_repayment r)
     ) as digest,
     (select count(*) from finance_lender) as lenders, (select count(*) from finance_credit_rating) as ratings,
     (select count(*) from finance_credit_line) as lines, (select count(*) from finance_loan) as loans, (select count(*) from finance_repayment) as repayments`,
  );
  return { digest: row.digest, lenders: Number(row.lenders), ratings: Number(row.ratings), lines: Number(row.lines), loans: Number(row.loans), repayments: Number(row.repayments) };
}

describe('seed --households and the plugins', () => {
  it("calls an enabled plugin's seedScale once, after the province's households are in, with its counties", async () => {
    const calls: Call[] = [];
    const url = await seedScaleWith([recordingPlugin(calls)], ['scale-recorder']);
    const counties = await query<{ code: string }>(url, `select code from area where level = 'COUNTY' and code like '80%' order by code`);
    expect(counties.length).toBeGreaterThan(0);
    expect(calls).toHaveLength(1);
    expect(calls[0].households).toBe(HOUSEHOLDS);
    expect(calls[0].areas.provinceCode).toBe('800000000000');
    expect(calls[0].areas.countyCodes).toEqual(counties.map((county) => county.code));
  });

  it('does not call the hook of a plugin that is installed but not enabled', async () => {
    const calls: Call[] = [];
    const url = await seedScaleWith([recordingPlugin(calls)], []);
    const [{ n }] = await query<{ n: string }>(url, `select count(*) as n from household`);
    expect(Number(n)).toBe(HOUSEHOLDS);
    expect(calls).toEqual([]);
  });

  it("gives the province's counties the finance plugin's lending, the same rows on every run", async () => {
    const first = await financeDigest(await seedScaleWith([financePlugin], ['finance']));
    const second = await financeDigest(await seedScaleWith([financePlugin], ['finance']));
    expect(first.ratings).toBe(HOUSEHOLDS);
    expect(first.lenders).toBeGreaterThan(0);
    expect(first.lines).toBeGreaterThan(0);
    expect(first.loans).toBeGreaterThan(0);
    expect(first.repayments).toBeGreaterThan(0);
    expect(second).toEqual(first);
  });
});
