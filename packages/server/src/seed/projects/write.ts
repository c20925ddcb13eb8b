/**
 * Writes the demo book: one multi-row INSERT per table (`select * from unnest(…)` over one array
 * per column), with ids assigned here so that ledger entries can point at each other, then the
 * identity sequences moved past them. Only inserts: the ledger's append-only trigger never fires.
 */
import { formatMoney } from '@tuopin/core';
import type pg from 'pg';
import type { DemoBook } from './demo-book.js';
import { at, type Random } from './random.js';

type Column = [name: string, type: string, values: unknown[]];

async function insertColumns(client: pg.ClientBase, table: string, columns: Column[]): Promise<void> {
  if (columns[0][2].length === 0) return;
  const names = columns.map(([name]) => name).join(', ');
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  await client.query(`insert into ${table} (${names}) select * from unnest(${arrays})`, columns.map(([, , values]) => values));
}

async function firstFreeId(client: pg.ClientBase, table: string): Promise<number> {
  const { rows } = await client.query<{ next: number }>(`select coalesce(max(id), 0)::int + 1 as next from ${table}`);
  return rows[0].next;
}

async function syncIdentity(client: pg.ClientBase, table: string): Promise<void> {
  await client.query(`select setval(pg_get_serial_sequence('${table}', 'id'), greatest((select max(id) from ${table}), 1))`);
}

const RECORDER = 'seed:project-demo';

export interface WrittenCounts {
  projects: number;
  statusChanges: number;
  notices: number;
  outputs: number;
  beneficiaries: number;
  funds: number;
  ledgerEntries: number;
}

export async function writeBook(client: pg.ClientBase, book: DemoBook, rng: Random): Promise<WrittenCounts> {
  const projectBase = await firstFreeId(client, 'project');
  const fundBase = await firstFreeId(client, 'fund');
  const entryBase = await firstFreeId(client, 'ledger_entry');
  const projectId = new Map(book.projects.map((p, i) => [p, projectBase + i]));
  const fundId = new Map(book.funds.map((f, i) => [f, fundBase + i]));
  const entryId = (id: number) => entryBase + id - 1;
  const minute = () => rng.int(0, 59);

  const p = book.projects;
  await insertColumns(client, 'project', [
    ['id', 'int', p.map((x) => projectId.get(x))],
    ['name', 'text', p.map((x) => x.name)],
    ['category', 'text', p.map((x) => x.category)],
    ['construction_type', 'text', p.map((x) => x.constructionType)],
    ['place_code', 'text', p.map((x) => x.placeCode)],
    ['responsible_unit', 'text', p.map((x) => x.responsibleUnit)],
    ['budget', 'numeric', p.map((x) => formatMoney(x.budget))],
    ['year', 'int', p.map((x) => x.year)],
    ['planned_start_date', 'date', p.map((x) => x.plannedStartDate)],
    ['planned_end_date', 'date', p.map((x) => x.plannedEndDate)],
    ['actual_start_date', 'date', p.map((x) => x.actualStartDate)],
    ['actual_end_date', 'date', p.map((x) => x.actualEndDate)],
    ['performance_targets', 'text', p.map((x) => x.performanceTargets)],
    ['poverty_link', 'text', p.map((x) => x.povertyLink)],
    ['note', 'text', p.map((x) => x.note)],
    ['status', 'text', p.map((x) => x.status)],
    ['suspended_from', 'text', p.map((x) => x.suspendedFrom)],
    ['created_by', 'text', p.map(() => RECORDER)],
    ['created_at', 'timestamptz', p.map((x) => at(x.history[0].date, 9, minute()))],
    ['updated_at', 'timestamptz', p.map((x) => at(x.lastDate, 17, minute()))],
  ]);

  const changes = p.flatMap((x) => x.history.map((h) => ({ project: projectId.get(x), ...h })));
  await insertColumns(client, 'project_status_change', [
    ['project_id', 'int', changes.map((c) => c.project)],
    ['from_status', 'text', changes.map((c) => c.from)],
    ['to_status', 'text', changes.map((c) => c.to)],
    ['effective_date', 'date', changes.map((c) => c.date)],
    ['reason', 'text', changes.map((c) => c.reason)],
    ['changed_by', 'text', changes.map(() => RECORDER)],
    ['changed_at', 'timestamptz', changes.map((c) => at(c.date, 16, minute()))],
  ]);

  const notices = p.flatMap((x) => x.notices.map((n) => ({ project: projectId.get(x), ...n })));
  await insertColumns(client, 'project_notice', [
    ['project_id', 'int', notices.map((n) => n.project)],
    ['notice_type', 'text', notices.map((n) => n.type)],
    ['start_date', 'date', notices.map((n) => n.start)],
    ['end_date', 'date', notices.map((n) => n.end)],
    ['location', 'text', notices.map((n) => n.location)],
    ['content', 'text', notices.map((n) => n.content)],
    ['recorded_by', 'text', notices.map(() => RECORDER)],
    ['recorded_at', 'timestamptz', notices.map((n) => at(n.start, 11, minute()))],
  ]);

  const outputs = p.flatMap((x) => x.outputs.map((o, i) => ({ project: projectId.get(x), position: i + 1, ...o })));
  await insertColumns(client, 'project_output', [
    ['project_id', 'int', outputs.map((o) => o.project)],
    ['position', 'int', outputs.map((o) => o.position)],
    ['indicator', 'text', outputs.map((o) => o.indicator)],
    ['unit', 'text', outputs.map((o) => o.unit)],
    ['planned', 'numeric', outputs.map((o) => o.planned)],
    ['actual', 'numeric', outputs.map((o) => o.actual)],
  ]);

  const links = p.flatMap((x) => [...new Set(x.beneficiaries)].map((household) => ({ project: projectId.get(x), household, date: x.history[0].date })));
  await insertColumns(client, 'project_beneficiary', [
    ['project_id', 'int', links.map((l) => l.project)],
    ['household_id', 'int', links.map((l) => l.household)],
    ['linked_by', 'text', links.map(() => RECORDER)],
    ['linked_at', 'timestamptz', links.map((l) => at(l.date, 15))],
  ]);

  const f = book.funds;
  await insertColumns(client, 'fund', [
    ['id', 'int', f.map((x) => fundId.get(x))],
    ['source_type', 'text', f.map((x) => x.sourceType)],
    ['name', 'text', f.map((x) => x.name)],
    ['document_no', 'text', f.map((x) => x.documentNo)],
    ['year', 'int', f.map((x) => x.year)],
    ['amount', 'numeric', f.map((x) => formatMoney(x.amount!))],
    ['area_code', 'text', f.map((x) => x.areaCode)],
    ['provider', 'text', f.map((x) => x.provider)],
    ['in_kind_description', 'text', f.map((x) => x.inKindDescription)],
    ['created_by', 'text', f.map(() => RECORDER)],
    ['created_at', 'timestamptz', f.map((x) => at(x.createdDate, 9))],
    ['updated_at', 'timestamptz', f.map((x) => at(x.lastDate, 17, minute()))],
  ]);

  const e = book.entries;
  await insertColumns(client, 'ledger_entry', [
    ['id', 'int', e.map((x) => entryId(x.id))],
    ['kind', 'text', e.map((x) => x.kind)],
    ['fund_id', 'int', e.map((x) => fundId.get(x.fund))],
    ['project_id', 'int', e.map((x) => projectId.get(x.project))],
    ['allocation_id', 'int', e.map((x) => (x.allocation ? entryId(x.allocation.id) : null))],
    ['reverses_id', 'int', e.map((x) => (x.reverses ? entryId(x.reverses.id) : null))],
    ['amount', 'numeric', e.map((x) => formatMoney(x.amount))],
    ['entry_date', 'date', e.map((x) => x.date)],
    ['voucher_no', 'text', e.map((x) => x.voucherNo)],
    ['memo', 'text', e.map((x) => x.memo)],
    ['recorded_by', 'text', e.map(() => RECORDER)],
    ['recorded_at', 'timestamptz', e.map((x) => at(x.date, 10, minute()))],
  ]);

  for (const table of ['project', 'project_status_change', 'project_notice', 'project_output', 'fund', 'ledger_entry']) await syncIdentity(client, table);
  return {
    projects: p.length,
    statusChanges: changes.length,
    notices: notices.length,
    outputs: outputs.length,
    beneficiaries: links.length,
    funds: f.length,
    ledgerEntries: e.length,
  };
}
