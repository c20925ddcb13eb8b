import { getArgumentValues, isObjectType, type GraphQLResolveInfo } from 'graphql';
import { fundingOf, PAGE_FUNDING_JSON, projectFundingLoader, type ProjectFundingRow } from '../fund/fund-figures.loader.js';
import { groupRows } from '../kernel/group-rows.js';
import type { TuopinContext } from '../kernel/context.js';
import type { ConnectionArgs } from '../kernel/keyset-connection.js';
import { areaPullConnection } from '../kernel/read/area-pull-connection.js';
import type { FundSourceType } from '../fund/fund-enums.js';
import { ProjectSchema } from './project.entity.js';
import type { ProjectCategory, ProjectStatus } from './project-enums.js';
import { appendPageColumn, pageColumn, type Conditions } from '../kernel/read/filtered-rows.js';
import { nodeFieldNodes, nodesSelect } from '../kernel/read/selection.js';
import { allocationPageRequest, allocationProperties, appendAllocationPageColumns, primeAllocationPages, type PageRequest } from '../ledger/allocation-page.loader.js';

export interface ProjectFilter {
  /** The area (and everything under it); null for everywhere the caller may see. */
  regionCode: string | null;
  status?: ProjectStatus | null;
  category?: ProjectCategory | null;
  year?: number | null;
  /** Projects with a live allocation from a fund of this source type. */
  fundSourceType?: FundSourceType | null;
  /** Only projects changed after this moment; switches the order to (updated_at, id). */
  updatedAfter?: Date | null;
}

/** The project list's own filter on alias `p` (the caller's areas are added by the connection). */
function projectFilterSql(filter: ProjectFilter): Conditions {
  return (sql) => {
    if (filter.status) sql.append(' and p.status = ?', filter.status);
    if (filter.category) sql.append(' and p.category = ?', filter.category);
    if (filter.year != null) sql.append(' and p.year = ?', filter.year);
    if (filter.fundSourceType) {
      sql.append(
        ` and exists (select 1 from ledger_entry e join fund f on f.id = e.fund_id
        where e.project_id = p.id and e.kind = 'ALLOCATION' and f.source_type = ?
          and not exists (select 1 from ledger_entry r where r.reverses_id = e.id))`,
        filter.fundSourceType,
      );
    }
  };
}

/** The fields of a project that read its funding (`projectFundingLoader`). */
const FUNDING_FIELDS = ['fundingBySource', 'totalFunded', 'totalDisbursed', 'fundingGap', 'executionRate'];

/**
 * The page of allocations the nodes of a project page select (`allocations(first: 5)`), when
 * every place that selects it asks for the same page; undefined otherwise (then each project's
 * page is read by its loader, batched, as before).
 */
function selectedAllocationPage(info: GraphQLResolveInfo): PageRequest | undefined {
  const nodes = nodeFieldNodes(info, 'allocations');
  const project = info.schema.getType('Project');
  const field = isObjectType(project) ? project.getFields().allocations : undefined;
  if (nodes.length === 0 || !field) return undefined;
  const requests = nodes.map((node) => allocationPageRequest(getArgumentValues(field, node, info.variableValues)));
  const [first] = requests;
  const same = (page: PageRequest | undefined) =>
    page !== undefined && first !== undefined && page.after === first.after && page.before === first.before && page.limit === first.limit && page.descending === first.descending;
  return requests.every(same) ? first : undefined;
}

/**
 * A keyset page of projects: by (place code, id), or by (updated_at, id) when pulling changes.
 * With `info`, funding selected under the nodes comes in the page's statement and primes
 * `projectFundingLoader`, and so does a page of allocations (`allocations(first: 5)`, its rows and
 * count), priming the allocation page loader: the fields resolve as before, without a statement
 * of their own, and the statements per request stay the same whatever the page size.
 */
export function projectConnection(ctx: TuopinContext, filter: ProjectFilter, args: ConnectionArgs, info?: GraphQLResolveInfo) {
  const withFunding = info !== undefined && FUNDING_FIELDS.some((field) => nodesSelect(info, field));
  const allocations = info !== undefined ? selectedAllocationPage(info) : undefined;
  // The allocations carry only the columns their selected fields read.
  const allocationColumns = allocations && info ? allocationProperties(info) : undefined;
  return areaPullConnection(
    ctx,
    {
      entity: ProjectSchema,
      alias: 'p',
      code: { property: 'placeCode', column: 'place_code' },
      regionCode: filter.regionCode,
      updatedAfter: filter.updatedAfter,
      where: projectFilterSql(filter),
      extraColumns: allocations ? (sql) => appendAllocationPageColumns(ctx, sql, 'project', 'p', allocations, 'allocations_', allocationColumns) : undefined,
      pageColumns: withFunding ? (sql) => appendPageColumn(sql, PAGE_FUNDING_JSON, 'funding_') : undefined,
      onPage: (rows) => {
        if (withFunding) {
          const fundingLoader = projectFundingLoader(ctx);
          const funding = groupRows(rows.map((row) => row.id), pageColumn<ProjectFundingRow[] | null>(rows, 'funding_') ?? [], (row) => row.project_id);
          rows.forEach((row, index) => fundingLoader.prime(row.id, fundingOf(funding[index])));
        }
        if (allocations) primeAllocationPages(ctx, 'project', rows, allocations, 'allocations_', allocationColumns);
      },
    },
    args,
  );
}
