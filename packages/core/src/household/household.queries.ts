import { readableRanges } from '../kernel/access.js';
import { canReadPersonalData } from '../kernel/principal.js';
import type { TuopinContext } from '../kernel/context.js';
import { resolveKeysetConnection, type ConnectionArgs } from '../kernel/keyset-connection.js';
import { appendCodeRanges } from '../kernel/read/entity-reads.js';
import { countRowsOf, pageRowsOf, type Conditions } from '../kernel/read/filtered-rows.js';
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
    if (personal) {
      // ID numbers are stored with an upper-case X; names and household numbers as written.
      sql.append(
        ' and (h.household_no like ? or exists (select 1 from member m where m.household_id = h.id and (m.name like ? or m.id_number like ?)))',
        pattern,
        pattern,
        likePrefix(search.toUpperCase()),
      );
    } else {
      // Without access to personal data, ID numbers cannot be probed through search either.
      sql.append(' and (h.household_no like ? or exists (select 1 from member m where m.household_id = h.id and m.name like ?))', pattern, pattern);
    }
  };
}

/**
 * A keyset page of households ordered by (village code, id): the order of the index that also
 * serves the area filter, so a page is one index range scan wherever it starts.
 */
export function householdConnection(ctx: TuopinContext, filter: HouseholdFilter, args: ConnectionArgs) {
  const conditions = householdConditions(ctx, filter);
  return resolveKeysetConnection<Household>(
    args,
    ['code', 'id'],
    (household) => [household.villageCode, household.id],
    async ({ after, before, limit, descending }) => {
      if (!conditions) return [];
      const direction = descending ? 'desc' : 'asc';
      return pageRowsOf(ctx, {
        entity: HouseholdSchema,
        alias: 'h',
        conditions,
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
    },
    async () => (conditions ? countRowsOf(ctx, HouseholdSchema, 'h', conditions) : 0),
  );
}
