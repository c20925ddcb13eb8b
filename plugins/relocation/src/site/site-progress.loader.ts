import { createContextCache } from '@pothos/core';
import { keyMatch, pickRows, SqlText, type TuopinContext } from '@tuopin/core';
import DataLoader from 'dataloader';

/** A site's progress: what was built and who was placed, housed and moved in. */
export interface SiteProgress {
  siteId: number;
  households: number;
  people: number;
  flats: number;
  flatsAssigned: number;
  movedInHouseholds: number;
  movedInPeople: number;
}

const progressSql = (sites: string) => `
  select s.id as "siteId",
    (select count(*)::int from relocation_household h where h.site_id = s.id) as households,
    (select coalesce(sum(h.people_moved), 0)::int from relocation_household h where h.site_id = s.id) as people,
    (select count(*)::int from relocation_flat f where f.site_id = s.id) as flats,
    (select count(*)::int from relocation_household h where h.site_id = s.id and h.flat_id is not null) as "flatsAssigned",
    (select count(*)::int from relocation_household h where h.site_id = s.id and h.move_in_date is not null) as "movedInHouseholds",
    (select coalesce(sum(h.people_moved), 0)::int from relocation_household h where h.site_id = s.id and h.move_in_date is not null) as "movedInPeople"
  from relocation_site s where ${sites}`;

/**
 * Progress of sites by id, one statement per batch. Sites are loaded within the caller's scope
 * first; the households counted are the site's, wherever they come from, because a site's
 * progress is a figure about the site (protected for partners like every count of people).
 */
export const siteProgressLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, SiteProgress>(async (ids) => {
      const sites = keyMatch('s.id', ids);
      const rows = await ctx.db.rows<SiteProgress>(new SqlText().append(progressSql(sites.sql), ...sites.params));
      return pickRows(ids, rows, (row) => row.siteId).map((row, i) => row ?? { siteId: ids[i], households: 0, people: 0, flats: 0, flatsAssigned: 0, movedInHouseholds: 0, movedInPeople: 0 });
    }),
);
