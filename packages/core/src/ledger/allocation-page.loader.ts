import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import type { TuopinBuilder } from '../kernel/builder.js';
import type { TuopinContext } from '../kernel/context.js';
import { checkPageArgs, decodeCursor, keysetPageSize, resolveKeysetConnection, type ConnectionArgs } from '../kernel/keyset-connection.js';
import { perBuilder } from '../kernel/per-builder.js';
import { extraColumn } from '../kernel/read/filtered-rows.js';
import { SqlText } from '../kernel/read/read-statement.js';
import { selectedProperties } from '../kernel/read/selected-properties.js';
import { LedgerEntrySchema } from './ledger-entry.entity.js';
import { LEDGER_ROW_JOINS, ledgerRowColumns, ledgerRowOf, type LedgerEntryRow } from './ledger-rows.js';

/**
 * Pages of allocations for many projects (or funds) at once. A page of 20 projects each asking
 * for "its first 5 allocations and their count" is one statement: a LATERAL join takes each
 * owner's page from the (owner, kind, id) index and counts its allocations beside it.
 */

export type AllocationOwner = 'project' | 'fund';

export interface PageRequest {
  after: number | null;
  before: number | null;
  /** Rows to fetch, one more than the page size. */
  limit: number;
  descending: boolean;
}

interface LoadedPage {
  rows: LedgerEntryRow[];
  total: number;
}

const OWNER_COLUMN: Record<AllocationOwner, string> = { project: 'project_id', fund: 'fund_id' };

async function loadPages(ctx: TuopinContext, owner: AllocationOwner, ids: readonly number[], page: PageRequest): Promise<LoadedPage[]> {
  const column = OWNER_COLUMN[owner];
  const sql = new SqlText().append(
    `select o.id as "ownerId_", t.total as "total_", a.*
     from unnest(?::int[]) as o(id)
     cross join lateral (select count(*) as total from ledger_entry c where c.${column} = o.id and c.kind = 'ALLOCATION') t
     left join lateral (
       select ${ledgerRowColumns(ctx)} from ledger_entry e ${LEDGER_ROW_JOINS}
       where e.${column} = o.id and e.kind = 'ALLOCATION'`,
    ids,
  );
  if (page.after !== null) sql.append(' and e.id > ?', page.after);
  if (page.before !== null) sql.append(' and e.id < ?', page.before);
  sql.append(` order by e.id ${page.descending ? 'desc' : 'asc'} limit ?) a on true`, page.limit);
  const rows = await ctx.db.rows<{ ownerId_: number; total_: string } & Record<string, unknown>>(sql);
  const pages = new Map<number, LoadedPage>(ids.map((id) => [id, { rows: [], total: 0 }]));
  for (const { ownerId_, total_, ...entry } of rows) {
    const loaded = pages.get(ownerId_)!;
    loaded.total = Number(total_);
    if (entry.id != null) loaded.rows.push(ledgerRowOf(ctx, entry));
  }
  return ids.map((id) => pages.get(id)!);
}

/**
 * What every allocation primed from a parent page carries, whatever is selected: its key and
 * order (`id`), its kind (which type it is), its fund and project (the scope guard's grants and
 * the `fund`/`project` fields). The places the scope guard reads come beside them.
 */
export const ALLOCATION_ROWS = { typeName: 'Allocation', always: ['id', 'kind', 'fundId', 'projectId'], nodeId: ['id'] } as const;

/**
 * The allocation properties a parent page's allocations read: those the operation selects on
 * allocations, in a query. In a mutation every column, as for a household page's members.
 */
export function allocationProperties(info: GraphQLResolveInfo): readonly string[] | undefined {
  return info.operation.operation === 'query' ? selectedProperties(info, ALLOCATION_ROWS) : undefined;
}

/** One DataLoader per distinct page request, so owners asking for the same page share a batch. */
const pageLoaders = createContextCache(() => new Map<string, DataLoader<number, LoadedPage>>());

function pageLoader(ctx: TuopinContext, owner: AllocationOwner, page: PageRequest): DataLoader<number, LoadedPage> {
  const key = JSON.stringify([owner, page.after, page.before, page.limit, page.descending]);
  const loaders = pageLoaders(ctx);
  let loader = loaders.get(key);
  if (!loader) {
    loader = new DataLoader((ids) => loadPages(ctx, owner, ids, page));
    loaders.set(key, loader);
  }
  return loader;
}

function loadPage(ctx: TuopinContext, owner: AllocationOwner, ownerId: number, page: PageRequest): Promise<LoadedPage> {
  return pageLoader(ctx, owner, page).load(ownerId);
}

/**
 * The page an `allocations(…)` field with these arguments reads, or undefined for arguments it
 * refuses (left to the field, which refuses them with its typed error).
 */
export function allocationPageRequest(args: ConnectionArgs): PageRequest | undefined {
  const size = keysetPageSize(args);
  if (!size) return undefined;
  try {
    return { after: cursorId(args.after, 'after'), before: cursorId(args.before, 'before'), ...size };
  } catch {
    return undefined;
  }
}

/** What an entry's fund area and project place are, from inside a page of its owners (alias `parent`). */
const ENTRY_PLACES: Record<AllocationOwner, (parent: string) => { fundArea: string; projectPlace: string }> = {
  project: (parent) => ({ fundArea: '(select lf.area_code from fund lf where lf.id = e.fund_id)', projectPlace: `${parent}.place_code` }),
  fund: (parent) => ({ fundArea: `${parent}.area_code`, projectPlace: '(select lp.place_code from project lp where lp.id = e.project_id)' }),
};

/**
 * Two columns for a parent page's statement (the owners' table as alias `parent`): each
 * owner's page of allocations as a JSON array, and their count — what `loadPages` reads for a
 * batch, read with the parent page instead (`pageRowsOf` sets them aside from its rows).
 * `primeAllocationPages` primes the loader that `allocationConnection` reads with them, so the
 * connection resolves as before.
 */
export function appendAllocationPageColumns(
  ctx: TuopinContext,
  sql: SqlText,
  owner: AllocationOwner,
  parent: string,
  page: PageRequest,
  column: string,
  properties?: readonly string[],
): void {
  const ownerColumn = OWNER_COLUMN[owner];
  const keyColumn = `${parent}.id`;
  const places = ENTRY_PLACES[owner](parent);
  const direction = page.descending ? 'desc' : 'asc';
  sql.append(`, (select count(*)::int from ledger_entry c where c.${ownerColumn} = ${keyColumn} and c.kind = 'ALLOCATION') as "${column}total"`);
  // The owner's own place is the parent's column; the other one is looked up per entry of the page
  // (by primary key), not joined: joined, the planner hashed the whole fund table for every parent.
  sql.append(
    `, coalesce((select json_agg(json_build_array(${ctx.db.columns(LedgerEntrySchema).subset(properties).jsonArray('e')},
         ${places.fundArea}, ${places.projectPlace}) order by e.id ${direction})
       from (select * from ledger_entry e where e.${ownerColumn} = ${keyColumn} and e.kind = 'ALLOCATION'`,
  );
  if (page.after !== null) sql.append(' and e.id > ?', page.after);
  if (page.before !== null) sql.append(' and e.id < ?', page.before);
  sql.append(` order by e.id ${direction} limit ?) e), '[]') as "${column}"`, page.limit);
}

/**
 * Takes the columns of `appendAllocationPageColumns` out of the rows and primes the page loader
 * (`properties`: the same as given to it).
 */
export function primeAllocationPages(
  ctx: TuopinContext,
  owner: AllocationOwner,
  rows: readonly { id: number }[],
  page: PageRequest,
  column: string,
  properties?: readonly string[],
): void {
  const loader = pageLoader(ctx, owner, page);
  const columns = ctx.db.columns(LedgerEntrySchema).subset(properties);
  for (const [index, row] of rows.entries()) {
    // Each entry is [the entry's values, its fund's area, its project's place] (jsonArray).
    const entries = extraColumn<[entry: unknown[], fundAreaCode: string, projectPlaceCode: string][]>(rows, index, column);
    const total = extraColumn<number>(rows, index, `${column}total`);
    loader.prime(row.id, {
      rows: entries.map(([entry, fundAreaCode, projectPlaceCode]) => ledgerRowOf(ctx, { ...columns.fromJsonArray(entry), fundAreaCode, projectPlaceCode })),
      total,
    });
  }
}

function cursorId(cursor: string | null | undefined, field: string): number | null {
  if (!cursor) return null;
  const [id] = decodeCursor(cursor, field, ['id']);
  return id as number;
}

/** The allocations of one project or fund as a Relay connection, in the order they were recorded. */
export async function allocationConnection(ctx: TuopinContext, owner: AllocationOwner, ownerId: number, args: ConnectionArgs) {
  checkPageArgs(args);
  const after = cursorId(args.after, 'after');
  const before = cursorId(args.before, 'before');
  let loaded: Promise<LoadedPage> | undefined;
  return resolveKeysetConnection<LedgerEntryRow>(
    args,
    ['id'],
    (entry) => [entry.id],
    ({ limit, descending }) => {
      loaded = loadPage(ctx, owner, ownerId, { after, before, limit, descending });
      return loaded.then((page) => page.rows);
    },
    async () => (await loaded!).total,
  );
}

/** `AllocationConnection`, shared by `Project.allocations` and `Fund.allocations`. */
export const allocationConnectionType = perBuilder((builder: TuopinBuilder) =>
  builder.connectionObject({
    type: 'Allocation',
    name: 'AllocationConnection',
    description: '资金安排分页列表 A page of allocations',
  }),
);
