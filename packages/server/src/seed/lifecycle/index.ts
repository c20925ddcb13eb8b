import type pg from 'pg';
import { beginBulkLoad } from '../bulk-transaction.js';
import { seedIdentificationDemo } from './identification-demo.js';
import { seedExitDemo, type ExitDemoSummary } from './exit-demo.js';
import { seedMonitoringDemo } from './monitoring-demo.js';

export interface LifecycleDemoSummary extends ExitDemoSummary {
  monitoringCases: number;
  identificationApplications: number;
}

/**
 * Seeds the demo of the household's life cycle (identification, exit, monitoring) over the demo
 * registry, in one transaction of its own (nothing written on failure). Run after `seedDemo`.
 */
export async function seedLifecycleDemo(client: pg.ClientBase): Promise<LifecycleDemoSummary> {
  await beginBulkLoad(client);
  try {
    const monitoringCases = await seedMonitoringDemo(client);
    const identificationApplications = await seedIdentificationDemo(client);
    const exits = await seedExitDemo(client);
    await client.query('commit');
    return { monitoringCases, identificationApplications, ...exits };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  }
}
