/**
 * The project and fund demo: 大老爷庙村's projects as its work team reported them, and 保靖县's
 * hundreds of projects and their funds as its report counts them, with allocations and payments
 * that respect the ledger's rules. Runs after the registry demo (it links registered households
 * and places projects in its villages). Deterministic: a seeded generator decides everything.
 */
import { performance } from 'node:perf_hooks';
import { formatMoney } from '@tuopin/core';
import pg from 'pg';
import { planBaojing } from './baojing.js';
import { slackOf } from './baojing-funds.js';
import { planDalaoyemiao } from './dalaoyemiao.js';
import { DemoBook } from './demo-book.js';
import { Random } from './random.js';
import { loadWorld } from './world.js';
import { writeBook, type WrittenCounts } from './write.js';
import { beginBulkLoad } from '../bulk-transaction.js';

/** The demo's seed; change it and every draw changes. */
export const PROJECT_DEMO_SEED = 20_160_729;

export interface ProjectDemoSummary extends WrittenCounts {
  /** 保靖县's projects of 2016 and their budget: 729 and 204560000.00 after the report. */
  baojingProjects2016: number;
  baojingBudget2016: string;
  foundationProjects: number;
  foundationBudget: string;
  elapsedMs: number;
}

export const PROJECT_TABLES = 'project, project_status_change, project_notice, project_output, project_beneficiary, fund, ledger_entry';

/**
 * Seeds projects, funds and the ledger into a database that holds the registry demo (areas and
 * households) and no projects or funds yet. Runs BEGIN … COMMIT on `client` itself (ROLLBACK on
 * any failure, so a failed seed writes nothing): pass a client with no transaction open.
 */
export async function seedProjectDemo(client: pg.ClientBase, options: { log?: (line: string) => void } = {}): Promise<ProjectDemoSummary> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  await beginBulkLoad(client);
  try {
    await client.query(`lock table ${PROJECT_TABLES} in share row exclusive mode`);
    const { rows } = await client.query<{ taken: boolean }>('select exists (select 1 from project) or exists (select 1 from fund) as taken');
    if (rows[0].taken) throw new Error('seedProjectDemo needs empty project and fund tables; seed a fresh database');
    const world = await loadWorld(client);

    const rng = new Random(PROJECT_DEMO_SEED);
    const book = new DemoBook();
    planDalaoyemiao(book, new Random(PROJECT_DEMO_SEED + 1), world);
    const baojing = planBaojing(book, rng, world);
    book.sizeOpenFunds(slackOf);
    log(`planned ${book.projects.length} projects, ${book.funds.length} funds, ${book.entries.length} ledger entries`);

    const counts = await writeBook(client, book, new Random(PROJECT_DEMO_SEED + 2));
    await client.query('commit');
    await client.query(`analyze ${PROJECT_TABLES}`);
    const summary: ProjectDemoSummary = {
      ...counts,
      baojingProjects2016: baojing.projects2016,
      baojingBudget2016: formatMoney(baojing.budget2016),
      foundationProjects: baojing.foundationProjects,
      foundationBudget: formatMoney(baojing.foundationBudget),
      elapsedMs: Math.round(performance.now() - started),
    };
    log(`project demo seeded in ${summary.elapsedMs} ms`);
    return summary;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  }
}
