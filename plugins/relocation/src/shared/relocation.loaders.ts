import type { EntitySchema } from '@mikro-orm/core';
import { createContextCache } from '@pothos/core';
import { groupRows, rowsWhereIn, scopedLoaderByCode, type TuopinContext } from '@tuopin/core';
import DataLoader from 'dataloader';
import { RelocationFlatSchema, type RelocationFlat } from '../flat/flat.entity.js';
import { RelocatedHouseholdSchema, type RelocatedHousehold } from '../household/relocated-household.entity.js';
import { RelocationSiteSchema } from '../site/site.entity.js';
import { RelocationSubsidyPaymentSchema, type RelocationSubsidyPayment } from '../subsidy/subsidy-payment.entity.js';
import { RelocationSupportSchema, type RelocationSupport } from '../support/support.entity.js';

// Objects by id within the caller's areas; others load as null, like objects that do not exist.
export const siteLoader = scopedLoaderByCode(RelocationSiteSchema, 'id', 'areaCode');
export const flatLoader = scopedLoaderByCode(RelocationFlatSchema, 'id', 'areaCode');
export const relocatedHouseholdLoader = scopedLoaderByCode(RelocatedHouseholdSchema, 'id', 'villageCode');
/** A core household's relocation, by the core household's id. */
export const relocationOfHouseholdLoader = scopedLoaderByCode(RelocatedHouseholdSchema, 'householdId', 'villageCode');
export const supportLoader = scopedLoaderByCode(RelocationSupportSchema, 'id', 'villageCode');
export const subsidyPaymentLoader = scopedLoaderByCode(RelocationSubsidyPaymentSchema, 'id', 'villageCode');

/**
 * Child lists by parent id, one statement per batch. Not filtered by area: the kernel's scope
 * guard checks every object a field returns against the caller's areas.
 */
function childrenBy<Row extends object>(entity: EntitySchema<Row, any>, property: keyof Row & string) {
  return createContextCache(
    (ctx: TuopinContext) =>
      new DataLoader<number, Row[]>(async (ids) => {
        const rows = await rowsWhereIn(ctx, entity, property, ids, { orderBy: [['id' as keyof Row & string, 'asc']] });
        return groupRows(ids, rows, (row) => row[property] as number);
      }),
  );
}

export const flatsOfSiteLoader = childrenBy<RelocationFlat>(RelocationFlatSchema, 'siteId');
export const householdsOfSiteLoader = childrenBy<RelocatedHousehold>(RelocatedHouseholdSchema, 'siteId');
export const supportsOfHouseholdLoader = childrenBy<RelocationSupport>(RelocationSupportSchema, 'relocatedHouseholdId');
export const subsidiesOfHouseholdLoader = childrenBy<RelocationSubsidyPayment>(RelocationSubsidyPaymentSchema, 'relocatedHouseholdId');
/** The household holding a flat, by the flat's id. */
export const holderOfFlatLoader = scopedLoaderByCode(RelocatedHouseholdSchema, 'flatId', 'villageCode');

/**
 * An object as stored after a write in this request: a mutation's checks loaded it before the
 * write, so the request's loader holds the old row; the payload reads it afresh.
 */
export function reloaded<Key, Row>(loader: DataLoader<Key, Row>, key: Key): Promise<Row> {
  return loader.clear(key).load(key);
}
