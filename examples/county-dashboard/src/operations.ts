import { graphql } from './gql/index.js';

/** A county with its figures, and a page of its villages with theirs. */
export const CountyVillages = graphql(`
  query DashboardCountyVillages($code: String!, $after: String) {
    region(code: $code) {
      code
      name
      stats { households poorPeople ruralPopulation povertyIncidence }
    }
    regions(parentCode: $code, level: VILLAGE, first: 100, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { code name stats { poorPeople ruralPopulation povertyIncidence } } }
    }
  }
`);

/** A page of the county's registered households. */
export const CountyHouseholds = graphql(`
  query DashboardCountyHouseholds($code: String!, $after: String) {
    households(regionCode: $code, first: 10, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id householdNo status primaryCause memberCount head { name } } }
    }
  }
`);
