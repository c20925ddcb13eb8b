import { checkDivisionCode } from '../area/area.schema.js';
import { subtreeRange } from '../area/division-code.js';
import { readableRanges } from '../kernel/access.js';
import type { CodeRange } from '../kernel/area-codes.js';
import type { TuopinBuilder } from '../kernel/builder.js';
import type { TuopinContext } from '../kernel/context.js';
import { resolveKeysetConnection, type ConnectionArgs } from '../kernel/keyset-connection.js';
import { appendCodeRanges } from '../kernel/read/entity-reads.js';
import { SqlText } from '../kernel/read/read-statement.js';
import type { WorkTeam } from './work-team.entity.js';
import { TEAM_SELECT } from './work-team.loaders.js';

/** Appends `where` of teams covering a village in the region and in the caller's areas. */
function appendTeamsIn(sql: SqlText, ranges: readonly CodeRange[], regionCode: string): SqlText {
  const { lo, hi } = subtreeRange(regionCode);
  sql.append(' where exists (select 1 from work_team_village sv where sv.team_id = t.id and sv.village_code between ? and ?', lo, hi);
  return appendCodeRanges(sql, 'sv.village_code', ranges).append(')');
}

/** A keyset page of the teams working in an area, by (county, id). */
function teamConnection(ctx: TuopinContext, regionCode: string, args: ConnectionArgs) {
  const ranges = readableRanges(ctx, regionCode);
  return resolveKeysetConnection<WorkTeam>(
    args,
    ['code', 'id'],
    (team) => [team.areaCode, team.id],
    async ({ after, before, limit, descending }) => {
      if (ranges.length === 0) return [];
      const sql = appendTeamsIn(new SqlText().append(TEAM_SELECT), ranges, regionCode);
      if (after) sql.append(' and (t.area_code, t.id) > (?, ?)', String(after[0]), Number(after[1]));
      if (before) sql.append(' and (t.area_code, t.id) < (?, ?)', String(before[0]), Number(before[1]));
      const direction = descending ? 'desc' : 'asc';
      sql.append(` order by t.area_code ${direction}, t.id ${direction} limit ?`, limit);
      return ctx.db.rows<WorkTeam>(sql);
    },
    async () => {
      if (ranges.length === 0) return 0;
      const [row] = await ctx.db.rows<{ n: string }>(appendTeamsIn(new SqlText().append('select count(*) as n from work_team t'), ranges, regionCode));
      return Number(row.n);
    },
  );
}

export function registerWorkTeamQueries(builder: TuopinBuilder): void {
  const WorkTeamConnection = builder.connectionObject({ type: 'WorkTeam', name: 'WorkTeamConnection', description: '驻村工作队分页列表 A page of work teams' });
  builder.queryField('workTeams', (t) =>
    t.connection(
      {
        type: 'WorkTeam',
        authScopes: { permission: 'core.registry.read' },
        description: '在某区划（含下级）驻村的工作队 Work teams that cover a village in an area and everything under it',
        args: { regionCode: t.arg.string({ required: true, description: '区划代码（含下级） Division code; the area and everything under it' }) },
        resolve: (_root, args, ctx) => teamConnection(ctx, checkDivisionCode(args.regionCode, 'regionCode'), args),
      },
      WorkTeamConnection,
    ),
  );
}
