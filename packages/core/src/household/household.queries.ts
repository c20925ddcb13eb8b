import type { GraphQLResolveInfo } from 'graphql';
import { readableRanges } from '../kernel/access.js';
import { canReadPersonalData } from '../access/core-policy.js';
import type { TuopinContext } from '../kernel/context.js';
import { resolveKeysetConnection, type ConnectionArgs } from '../kernel/keyset-connection.js';
import { appendCodeRanges } from '../kernel/read/entity-reads.js';
import { appendChildListColumn, primeChildLists, type ChildList } from '../kernel/read/child-lists.js';
import { appendCountColumn, countRowsOf, pageColumn, pageRowsOf, type Conditions } from '../kernel/read/filtered-rows.js';
import { nodesSelect, selectsPath } from '../kernel/read/selection.js';
import { selectedProperties } from '../kernel/read/selected-properties.js';
import { byHeadThenId, membersByHouseholdLoader } from '../member/member.loaders.js';
import { MemberSchema, type Member } from '../member/member.entity.js';
import { HouseholdSchema, type Household } from './household.entity.js';
import type { HouseholdCategory, HouseholdStatus, PovertyCause } from './household-enums.js';

export interface HouseholdFilter {
  /** The area (and everything under it); null for everywhere the caller may see. */
  regionCode: string | null;
  status?: HouseholdStatus | null;
  primaryCause?: PovertyCause | null;
  category?: HouseholdCategory | null;
  /** A member's name or ID number, or the household number: matched as a prefix. */
  search?: string | null;
}

/** Escapes LIKE wildcards so that a search for "50%" means the characters, not a pattern. */
function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The filter as SQL conditions on alias `h`, or null when the caller may see no household at all. */
function householdConditions(ctx: TuopinContext, filter: HouseholdFilter): Conditions | null {
  const ranges = readableRanges(ctx, filter.regionCode);
  if (ranges.length === 0) return null;
  const search = filter.search?.trim();
  const personal = canReadPersonalData(ctx.principal);
  return (sql) => {
    appendCodeRanges(sql, 'h.village_code', ranges);
    if (filter.status) sql.append(' and h.status = ?', filter.status);
    if (filter.primaryCause) sql.append(' and h.primary_cause = ?', filter.primaryCause);
    if (filter.category) sql.append(' and h.category = ?', filter.category);
    if (!search) return;
    const pattern = likePrefix(search);
    // One EXISTS per member column, not one with an OR: each is then answered by an index-only
    // scan of that column's covering index (which carries household_id), where an OR became a
    // bitmap scan that read the heap page of every matching member in the country.
    const memberWith = (column: string) => ` or exists (select 1 from member m where m.household_id = h.id and m.${column} like ?)`;
    sql.append(' and (h.household_no like ?', pattern).append(memberWith('name'), pattern);
    // Without access to personal data, ID numbers cannot be probed through search either.
    // ID numbers are stored with an upper-case X; names and household numbers as written.
    if (personal) sql.append(memberWith('id_number'), likePrefix(search.toUpperCase()));
    sql.append(')');
  };
}

/** A household's members as `membersByHouseholdLoader` gives them: the head first, then by id. */
const MEMBERS: ChildList<Member> = {
  entity: MemberSchema,
  alias: 'm',
  parentKey: 'householdId',
  order: byHeadThenId,
};

/**
 * What every member row primed from a page carries, whatever is selected: its key and household
 * (the loader's), its village (the scope check's and the read audit's) and its relation to the
 * head (`head` picks the head from the list).
 */
const MEMBER_ROWS = { typeName: 'Member', always: ['id', 'householdId', 'villageCode', 'relationToHead'], nodeId: ['id'] } as const;

/**
 * The member properties a page's child list reads: those the operation selects on members, in a
 * query. In a mutation every column — a later mutation field of the same operation may load the
 * same members for a rule that reads any of them.
 */
function memberProperties(info: GraphQLResolveInfo): readonly string[] | undefined {
  return info.operation.operation === 'query' ? selectedProperties(info, MEMBER_ROWS) : undefined;
}

/**
 * What every household row of a page carries, whatever is selected: its key (the members' join,
 * the cursor, the loaders' keys) and its village (the cursor, the scope check, the read audit).
 */
const HOUSEHOLD_ROWS = { typeName: 'Household', always: ['id', 'villageCode'], nodeId: ['id'] } as const;

/**
 * The household properties a query's selection reads, for a page or a lookup (`householdLoader`'s
 * `properties`). In a mutation every column, as for members.
 */
export function householdProperties(info: GraphQLResolveInfo): readonly string[] | undefined {
  return info.operation.operation === 'query' ? selectedProperties(info, HOUSEHOLD_ROWS) : undefined;
}

/**
 * A keyset page of households ordered by (village code, id): the order of the index that also
 * serves the area filter, so a page is one index range scan wherever it starts.
 *
 * With `info`, the page is compiled from the selection: members (or the head) selected under the
 * nodes come in the same statement, aggregated once for the whole page, and prime the members loader,
 * and a selected `totalCount` is a column of it too — one statement for the page, whatever its size.
 */
export function householdConnection(ctx: TuopinContext, filter: HouseholdFilter, args: ConnectionArgs, info?: GraphQLResolveInfo) {
  const conditions = householdConditions(ctx, filter);
  const withMembers = info !== undefined && (nodesSelect(info, 'members') || nodesSelect(info, 'head'));
  const withTotal = info !== undefined && selectsPath(info, ['totalCount']);
  const members = withMembers ? memberProperties(info) : undefined;
  // The page's own columns by the selection too.
  const properties = info ? householdProperties(info) : undefined;
  let total: number | undefined;
  return resolveKeysetConnection<Household>(
    args,
    ['code', 'id'],
    (household) => [household.villageCode, household.id],
    async ({ after, before, limit, descending }) => {
      if (!conditions) return [];
      const direction = descending ? 'desc' : 'asc';
      const rows = await pageRowsOf(ctx, {
        entity: HouseholdSchema,
        alias: 'h',
        conditions,
        properties,
        extraColumns: withTotal ? (sql) => appendCountColumn(ctx, sql, HouseholdSchema, 'h', conditions, 'total_') : undefined,
        pageColumns: withMembers ? (sql) => appendChildListColumn(ctx, sql, MEMBERS, 'members_', 'id', members) : undefined,
        bounds: (sql) => {
          if (after) sql.append(' and (h.village_code, h.id) > (?, ?)', String(after[0]), Number(after[1]));
          if (before) sql.append(' and (h.village_code, h.id) < (?, ?)', String(before[0]), Number(before[1]));
        },
        orderBy: [
          ['villageCode', direction],
          ['id', direction],
        ],
        limit,
      });
      if (withTotal) total = pageColumn<number>(rows, 'total_');
      if (withMembers) primeChildLists(ctx, rows, MEMBERS, 'members_', (household) => household.id, membersByHouseholdLoader(ctx), members);
      return rows;
    },
    // An empty page carries no total: then it is counted on its own.
    async () => total ?? (conditions ? countRowsOf(ctx, HouseholdSchema, 'h', conditions) : 0),
  );
}
