import { scopedLoaderBy } from '../access/registry-loader.js';
import { HouseholdSchema } from './household.entity.js';

/** Households by id, within the caller's scope (others load as null). */
export const householdLoader = scopedLoaderBy(HouseholdSchema, 'id');

/** Households by household number, within the caller's scope. */
export const householdByNumberLoader = scopedLoaderBy(HouseholdSchema, 'householdNo');
