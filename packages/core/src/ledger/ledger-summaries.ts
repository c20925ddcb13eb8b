import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { areaLoader } from '../area/area.loaders.js';
import { FundSourceTypeEnum, type FundSourceType } from '../fund/fund-enums.js';
import type { TuopinBuilder } from '../kernel/builder.js';
import type { TuopinContext } from '../kernel/context.js';
import { pickRows } from '../kernel/group-rows.js';
import { keyMatch } from '../kernel/read/key-match.js';
import { SqlText } from '../kernel/read/read-statement.js';
import { countyCodeOf } from '../project/node-ids.js';

/**
 * What anyone who sees one side of a ledger entry may know of the other side (README, "What a
 * fund manager sees outside his scope"). A village sees the city fund that pays for its project
 * as the village's notice board (村务公开栏) shows it; a county that manages a fund sees, of a
 * project in another county that the fund pays for, its name and its county — and the amounts of
 * its own fund's entries, which are its own. These are the only reads of a fund or a project
 * that do not pass the caller's scope, and they select nothing else.
 */

export interface FundSummary {
  id: number;
  name: string;
  documentNo: string | null;
  sourceType: FundSourceType;
  year: number;
  provider: string | null;
}

export interface FundedProjectSummary {
  id: number;
  name: string;
  placeCode: string;
}

export const fundSummaryLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, FundSummary | null>(async (ids) => {
      const funds = keyMatch('id', ids, 'int');
      const rows = await ctx.db.rows<FundSummary>(
        new SqlText().append(`select id, name, document_no as "documentNo", source_type as "sourceType", year, provider from fund where ${funds.sql}`, ...funds.params),
      );
      return pickRows(ids, rows, (row) => row.id);
    }),
);

export const fundedProjectSummaryLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, FundedProjectSummary | null>(async (ids) => {
      const projects = keyMatch('id', ids, 'int');
      const rows = await ctx.db.rows<FundedProjectSummary>(new SqlText().append(`select id, name, place_code as "placeCode" from project where ${projects.sql}`, ...projects.params));
      return pickRows(ids, rows, (row) => row.id);
    }),
);

export function registerLedgerSummarySchema(builder: TuopinBuilder) {
  const FundSummaryRef = builder.objectRef<FundSummary>('FundSummary').implement({
    description: '资金公开信息（如村务公开栏所示） A fund as public notices show it: what anyone who sees an entry paid from it may know',
    scope: 'public',
    fields: (t) => ({
      name: t.exposeString('name', { description: '资金名称 Name' }),
      documentNo: t.exposeString('documentNo', { nullable: true, description: '文号 Number of the document that issued it' }),
      sourceType: t.field({ type: FundSourceTypeEnum, resolve: (f) => f.sourceType, description: '资金来源类型 Source type' }),
      year: t.exposeInt('year', { description: '资金年度 Budget year' }),
      provider: t.exposeString('provider', { nullable: true, description: '下达或捐赠单位 Who issued or donated it' }),
    }),
  });

  const ProjectSummaryRef = builder.objectRef<FundedProjectSummary>('FundedProjectSummary').implement({
    description: '受资助项目公开信息 A funded project as anyone who sees an entry paying for it may know it: its name and county, nothing else',
    scope: 'public',
    fields: (t) => ({
      name: t.exposeString('name', { description: '项目名称 Name' }),
      countyCode: t.string({ description: '所在县代码 12-digit code of the county the project lies in', resolve: (p) => countyCodeOf(p.placeCode) }),
      county: t.field({
        type: 'Region',
        nullable: true,
        description: '所在县 The county the project lies in',
        resolve: (p, _args, ctx) => areaLoader(ctx).load(countyCodeOf(p.placeCode)),
      }),
    }),
  });

  return { FundSummaryRef, ProjectSummaryRef };
}
