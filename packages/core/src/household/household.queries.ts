import type { QueryBuilder } from '@mikro-orm/postgresql';
import { readableRanges } from '../kernel/access.js';
import { canReadPersonalData } from '../access/core-policy.js';
import type { TuopinContext } from '../kernel/context.js';
import { resolveKeysetConnection, type ConnectionArgs } from '../kernel/keyset-connection.js';
import { HouseholdSchema, type Household } from './household.entity.js';
import type { HouseholdCategory, HouseholdStatus, PovertyCause } from './household-enums.js';
import { pageRows } from '../kernel/plain-rows.js';
import { codeRangeSql } from '../kernel/code-range-filters.js';

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

function filteredHouseholds(ctx: TuopinContext, filter: HouseholdFilter): QueryBuilder<Household> | null {
  const ranges = readableRanges(ctx, filter.regionCode);
  if (ranges.length === 0) return null;
  const qb = ctx.em.createQueryBuilder(HouseholdSchema, 'h');
  const inScope = codeRangeSql('h.village_code', ranges);
  qb.where(inScope.sql, inScope.params);
  if (filter.status) qb.andWhere({ status: filter.status });
  if (filter.primaryCause) qb.andWhere({ primaryCause: filter.primaryCause });
  if (filter.category) qb.andWhere({ category: filter.category });
  const search = filter.search?.trim();
  if (search) {
    const pattern = likePrefix(search);
    if (canReadPersonalData(ctx.principal)) {
      // ID numbers are stored with an upper-case X; names and household numbers as written.
      qb.andWhere(
        `(h.household_no like ? or exists (select 1 from member m where m.household_id = h.id and (m.name like ? or m.id_number like ?)))`,
        [pattern, pattern, likePrefix(search.toUpperCase())],
      );
    } else {
      // Without access to personal data, ID numbers cannot be probed through search either.
      qb.andWhere(`(h.household_no like ? or exists (select 1 from member m where m.household_id = h.id and m.name like ?))`, [pattern, pattern]);
    }
  }
  return qb;
}

/**
 * A keyset page of households ordered by (village code, id): the order of the index that also
 * serves the area filter, so a page is one index range scan wherever it starts.
 */
export function householdConnection(ctx: TuopinContext, filter: HouseholdFilter, args: ConnectionArgs) {
  return resolveKeysetConnection<Household>(
    args,
    ['code', 'id'],
    (household) => [household.villageCode, household.id],
    async ({ after, before, limit, descending }) => {
      const qb = filteredHouseholds(ctx, filter);
      if (!qb) return [];
      if (after) qb.andWhere('(h.village_code, h.id) > (?, ?)', [String(after[0]), Number(after[1])]);
      if (before) qb.andWhere('(h.village_code, h.id) < (?, ?)', [String(before[0]), Number(before[1])]);
      const direction = descending ? 'desc' : 'asc';
      return pageRows(qb.orderBy({ villageCode: direction, id: direction }).limit(limit));
    },
    async () => {
      const qb = filteredHouseholds(ctx, filter);
      return qb ? qb.getCount() : 0;
    },
  );
}
