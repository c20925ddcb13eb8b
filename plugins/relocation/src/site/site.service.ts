import { inTransaction, IssueCollector, notFound, projectLoader, requireArea, RuleViolationError, type TuopinContext } from '@tuopin/core';
import { siteLoader } from '../shared/relocation.loaders.js';
import { checkCount, checkPositiveDecimal, checkText, checkYear } from '../shared/checks.js';
import type { SiteStatus } from '../shared/vocabulary.js';
import { assertCanManageRelocation, assertWithinScope } from '../shared/write-access.js';
import { assertSiteStep } from './site-status.js';
import { lockSite, touchSite } from './site-lock.js';

export interface CreateSiteInput {
  areaCode: string;
  name: string;
  kind: string;
  setting: string;
  buildMode: string;
  plannedHouseholds: number;
  plannedPeople: number;
  plannedFlats: number;
  plannedFloorArea: string;
  facilities?: readonly string[] | null;
  planYear: number;
}

/** A site the caller may change: in his areas, else not found (it does not leak that it exists). */
export async function requireSite(ctx: TuopinContext, siteId: number, field = 'siteId') {
  assertCanManageRelocation(ctx, field);
  const site = await siteLoader(ctx).load(siteId);
  if (!site) throw notFound(field, '安置点', 'Resettlement site');
  assertWithinScope(ctx, site.areaCode, field);
  return site;
}

/** 新建安置点: a centralised site in a township or village of the caller's areas. */
export async function createSite(ctx: TuopinContext, input: CreateSiteInput): Promise<number> {
  assertCanManageRelocation(ctx, 'areaCode');
  assertWithinScope(ctx, input.areaCode, 'areaCode');
  const issues = new IssueCollector();
  checkText(issues, 'name', input.name, 100, '安置点名称', 'The name');
  checkCount(issues, 'plannedHouseholds', input.plannedHouseholds, 1, 100_000, '规划安置户数', 'Planned households');
  checkCount(issues, 'plannedPeople', input.plannedPeople, 1, 500_000, '规划安置人数', 'Planned people');
  checkCount(issues, 'plannedFlats', input.plannedFlats, 1, 100_000, '规划住房套数', 'Planned flats');
  checkPositiveDecimal(issues, 'plannedFloorArea', input.plannedFloorArea, '规划建筑面积', 'The planned floor area', 99_999_999n);
  checkYear(issues, 'planYear', input.planYear);
  if (input.plannedPeople < input.plannedHouseholds) issues.add('plannedPeople', '规划人数不能少于户数', 'Planned people cannot be fewer than planned households');
  issues.throwIfAny();
  return inTransaction(ctx, {}, async (em) => {
    await requireArea(em, input.areaCode, 'areaCode', ['TOWNSHIP', 'VILLAGE']);
    const [row] = await em.execute<{ id: number }[]>(
      `insert into relocation_site (area_code, name, kind, setting, build_mode, planned_households, planned_people, planned_flats, planned_floor_area, facilities, plan_year)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?) returning id`,
      [
        input.areaCode,
        input.name.trim(),
        input.kind,
        input.setting,
        input.buildMode,
        input.plannedHouseholds,
        input.plannedPeople,
        input.plannedFlats,
        input.plannedFloorArea,
        `{${[...new Set(input.facilities ?? [])].join(',')}}`,
        input.planYear,
      ],
    );
    return row.id;
  });
}

/** Moves a site one step along planned → under construction → completed → accepted → occupied. */
export async function changeSiteStatus(ctx: TuopinContext, siteId: number, status: SiteStatus): Promise<void> {
  await requireSite(ctx, siteId);
  await inTransaction(ctx, {}, async (em) => {
    const site = await lockSite(em, siteId);
    assertSiteStep(site.status, status);
    await em.execute('update relocation_site set status = ?, updated_at = clock_timestamp() where id = ?', [status, siteId]);
  });
}

/** Links a core project that builds the site (its housing, school, clinic…); both in the caller's areas. */
export async function linkSiteProject(ctx: TuopinContext, siteId: number, projectId: number): Promise<void> {
  const site = await requireSite(ctx, siteId);
  const project = await projectLoader(ctx).load(projectId);
  if (!project) throw notFound('projectId', '项目', 'Project');
  assertWithinScope(ctx, project.placeCode, 'projectId');
  await inTransaction(
    ctx,
    { relocation_site_project_unique: () => new RuleViolationError('projectId', '该项目已关联此安置点', 'This project is linked to the site already') },
    async (em) => {
      await em.execute('insert into relocation_site_project (site_id, project_id, area_code) values (?, ?, ?)', [siteId, projectId, site.areaCode]);
      await touchSite(em, siteId);
    },
  );
}

/** 建房: adds flats to a site, never more than its planned flats. */
export async function addFlats(ctx: TuopinContext, siteId: number, flats: readonly { unitNo: string; floorArea: string }[]): Promise<number[]> {
  const site = await requireSite(ctx, siteId);
  const issues = new IssueCollector();
  if (flats.length === 0 || flats.length > 500) issues.add('flats', '每次须添加1到500套住房', 'Add 1 to 500 flats at a time');
  flats.forEach((flat, i) => {
    checkText(issues, `flats[${i}].unitNo`, flat.unitNo, 32, '房号', 'The unit number');
    checkPositiveDecimal(issues, `flats[${i}].floorArea`, flat.floorArea, '住房面积', 'The floor area', 9_999n);
  });
  const units = flats.map((flat) => flat.unitNo.trim());
  units.forEach((unit, i) => {
    if (units.indexOf(unit) !== i) issues.add(`flats[${i}].unitNo`, `房号 ${unit} 重复`, `Unit number ${unit} is given twice`);
  });
  issues.throwIfAny();
  return inTransaction(
    ctx,
    { relocation_flat_unit_unique: () => new RuleViolationError('flats', '房号已存在于该安置点', 'A unit number given exists at the site already') },
    async (em) => {
      const locked = await lockSite(em, siteId);
      const [{ n }] = await em.execute<{ n: number }[]>('select count(*)::int as n from relocation_flat where site_id = ?', [siteId]);
      if (n + flats.length > locked.planned_flats) {
        throw new RuleViolationError(
          'flats',
          `超出安置点规划住房套数（${locked.planned_flats}套，已有${n}套）`,
          `The site is planned for ${locked.planned_flats} flats and has ${n}; ${flats.length} more would exceed it`,
        );
      }
      const ids: number[] = [];
      for (const [i, flat] of flats.entries()) {
        const [row] = await em.execute<{ id: number }[]>('insert into relocation_flat (site_id, area_code, unit_no, floor_area) values (?, ?, ?, ?) returning id', [
          siteId,
          site.areaCode,
          units[i],
          flat.floorArea,
        ]);
        ids.push(row.id);
      }
      await touchSite(em, siteId);
      return ids;
    },
  );
}
