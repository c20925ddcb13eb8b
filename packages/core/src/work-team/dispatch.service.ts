import type { EntityManager } from '@mikro-orm/postgresql';
import { isDivisionCode, levelOfCode, significantPrefix } from '../area/division-code.js';
import { areaLoader } from '../area/area.loaders.js';
import { provinceOf } from '../area/area-tree.js';
import { loadAll } from '../kernel/load-all.js';
import { canSeeArea, notFound } from '../kernel/access.js';
import { isWithinScope } from '../kernel/area-scope.js';
import type { TuopinContext } from '../kernel/context.js';
import { ConflictError, ForbiddenError, IssueCollector, RuleViolationError } from '../kernel/errors.js';
import { pgIntArray, pgTextArray } from '../kernel/pg-array.js';
import { inTransaction } from '../kernel/transaction.js';
import { lastDayOfYears } from './dates.js';
import { assertCanManageWorkTeams, assertInArea } from './work-team-access.js';
import type { CadreRank, CoverageRole, TeamRole, UnitLevel } from './work-team-enums.js';
import { cadreLoader, unitLoader } from './work-team.loaders.js';
import { workTeamRulesFor } from './work-team.settings.js';

const UNIT_AREA_LEVEL: Record<UnitLevel, string | null> = {
  CENTRAL: null,
  PROVINCIAL: 'PROVINCE',
  PREFECTURAL: 'PREFECTURE',
  COUNTY: 'COUNTY',
  TOWNSHIP: 'TOWNSHIP',
};

/** Refuses codes of areas the registry does not hold (well-formed, but no such county, village…). */
async function assertAreasExist(ctx: TuopinContext, codes: readonly (readonly [field: string, code: string])[]): Promise<void> {
  const areas = await loadAll(areaLoader(ctx), codes.map(([, code]) => code));
  const issues = new IssueCollector();
  codes.forEach(([field, code], i) => {
    if (!areas[i]) issues.add(field, `没有代码为${code}的区划`, `There is no area with code ${code}`);
  });
  issues.throwIfAny();
}

function checkName(issues: IssueCollector, field: string, value: string, max: number): void {
  const length = [...value.trim()].length;
  if (length === 0 || length > max) issues.add(field, `名称不能为空且不超过${max}个字`, `Must not be empty and at most ${max} characters`);
}

export interface DispatchUnitInput {
  name: string;
  level: UnitLevel;
  areaCode?: string | null;
}

/**
 * Registers a dispatching unit. Its area is that of the government it belongs to (none for a
 * central unit), at the unit's level; it must lie on the caller's path — above his areas (a
 * provincial unit sending a team to his county) or inside them.
 */
export async function createDispatchUnit(ctx: TuopinContext, input: DispatchUnitInput): Promise<number> {
  assertCanManageWorkTeams(ctx, null);
  const issues = new IssueCollector();
  checkName(issues, 'name', input.name, 128);
  const areaCode = input.areaCode ?? null;
  const level = UNIT_AREA_LEVEL[input.level];
  if (level === null && areaCode !== null) issues.add('areaCode', '中央单位不属于地方', 'A central unit has no area');
  if (level !== null && (areaCode === null || !isDivisionCode(areaCode) || levelOfCode(areaCode) !== level)) {
    issues.add('areaCode', `单位所在地须为${level}级区划代码`, `The unit's area must be a ${level} division code`);
  }
  issues.throwIfAny();
  if (areaCode !== null) await assertAreasExist(ctx, [['areaCode', areaCode]]);
  if (areaCode !== null && !canSeeArea(ctx.principal, areaCode) && !ctx.principal.areaScopes.some((scope) => isWithinScope(scope, [significantPrefix(areaCode)]))) {
    throw new ForbiddenError('areaCode', '该单位所在地既不在您的辖区内也不是其上级', 'The unit\'s area neither lies in your areas nor above them');
  }
  return inTransaction(ctx, { dispatch_unit_name_unique: () => new ConflictError('name', '该地已有同名单位', 'A unit of that name exists in that area') }, async (em) => {
    const [row] = await em.execute<{ id: number }[]>('insert into dispatch_unit (name, level, area_code) values (?, ?, ?) returning id', [input.name.trim(), input.level, areaCode]);
    return row.id;
  });
}

export interface RegisterCadreInput {
  name: string;
  phone?: string | null;
  rank: CadreRank;
  unitId: number;
  countyCode: string;
}

/** One record a cadre in his county: his phone names him (the same form sent twice, or two clerks at once, meet this index). */
const CADRE_CONSTRAINTS = {
  cadre_phone_per_county: () => new ConflictError('phone', '本县已登记使用该手机号的干部', 'A cadre with this phone number is already registered in the county'),
};

/** Registers a cadre with the county that will keep his record. */
export async function registerCadre(ctx: TuopinContext, input: RegisterCadreInput): Promise<number> {
  assertCanManageWorkTeams(ctx, null);
  const issues = new IssueCollector();
  checkName(issues, 'name', input.name, 64);
  if (input.phone != null && !/^1\d{10}$/.test(input.phone)) issues.add('phone', '手机号须为以1开头的11位数字', 'The phone number must be 11 digits starting with 1');
  if (!isDivisionCode(input.countyCode) || levelOfCode(input.countyCode) !== 'COUNTY') issues.add('countyCode', '须为县级区划代码', 'Must be a county division code');
  issues.throwIfAny();
  await assertAreasExist(ctx, [['countyCode', input.countyCode]]);
  assertInArea(ctx, input.countyCode, 'countyCode');
  if (!(await unitLoader(ctx).load(input.unitId))) throw notFound('unitId', '派出单位', 'Dispatching unit');
  return inTransaction(ctx, CADRE_CONSTRAINTS, async (em) => {
    const [row] = await em.execute<{ id: number }[]>('insert into cadre (name, phone, rank, unit_id, area_code) values (?, ?, ?, ?, ?) returning id', [
      input.name.trim(),
      input.phone ?? null,
      input.rank,
      input.unitId,
      input.countyCode,
    ]);
    return row.id;
  });
}

export interface DispatchTeamInput {
  name: string;
  unitId: number;
  countyCode: string;
  startsOn: string;
  endsOn: string;
  villages: readonly { villageCode: string; role: CoverageRole }[];
  members: readonly { cadreId: number; role: TeamRole; villageCode?: string | null; deputySecretaryOf?: string | null }[];
}

const secondTeam = (field: string) =>
  new ConflictError(field, '该干部在此期间已在驻村工作队任职（一人只能在一个工作队、任一个村的第一书记）', 'The cadre already serves on a work team in this period: one team, and one village as first secretary, at a time');
const secondFirstSecretary = (field: string) => new ConflictError(field, '该村在此期间已有第一书记', 'The village already has a first secretary in this period');

export const MEMBERSHIP_CONSTRAINTS = {
  work_team_membership_one_team: () => secondTeam('members'),
  work_team_membership_one_first_secretary: () => secondFirstSecretary('members'),
};

/** Whether a cadre or a village (as first secretary) already serves in a period: the friendly check before the constraints. */
async function overlapping(em: EntityManager, column: 'cadre_id' | 'village_code', value: number | string, startsOn: string, endsOn: string): Promise<boolean> {
  const role = column === 'village_code' ? ` and role = 'FIRST_SECRETARY'` : '';
  const rows = await em.execute<{ n: string }[]>(
    `select count(*) as n from work_team_membership where ${column} = ?${role} and daterange(starts_on, coalesce(recalled_on, ends_on), '[]') && daterange(?::date, ?::date, '[]')`,
    [value, startsOn, endsOn],
  );
  return Number(rows[0].n) > 0;
}

/**
 * 派驻: a team of at least the province's minimum size, for at least its minimum term, covering
 * villages of one county in the caller's areas. Each first secretary serves one of the team's
 * villages. A cadre serves on one team at a time and a village has one first secretary at a time:
 * checked here for a clear answer, and held by exclusion constraints when two dispatches race.
 */
export async function dispatchWorkTeam(ctx: TuopinContext, input: DispatchTeamInput): Promise<number> {
  assertCanManageWorkTeams(ctx, null);
  const issues = new IssueCollector();
  checkName(issues, 'name', input.name, 128);
  if (input.endsOn < input.startsOn) issues.add('endsOn', '任期结束日不能早于开始日', 'The term cannot end before it starts');
  const countyOk = isDivisionCode(input.countyCode) && levelOfCode(input.countyCode) === 'COUNTY';
  if (!countyOk) issues.add('countyCode', '须为县级区划代码', 'Must be a county division code');
  if (input.villages.length === 0) issues.add('villages', '至少覆盖一个村', 'A team covers at least one village');
  const villageCodes = input.villages.map((v) => v.villageCode);
  input.villages.forEach(({ villageCode }, i) => {
    if (!isDivisionCode(villageCode) || levelOfCode(villageCode) !== 'VILLAGE' || (countyOk && !villageCode.startsWith(input.countyCode.slice(0, 6)))) {
      issues.add(`villages[${i}].villageCode`, '须为该县的村级区划代码', 'Must be a village division code of the county');
    } else if (villageCodes.indexOf(villageCode) !== i) issues.add(`villages[${i}].villageCode`, '村重复', 'The village is listed twice');
  });
  input.members.forEach((member, i) => {
    if (member.role === 'FIRST_SECRETARY' && (!member.villageCode || !villageCodes.includes(member.villageCode))) {
      issues.add(`members[${i}].villageCode`, '第一书记须任本队所驻的一个村', 'A first secretary serves one of the team\'s villages');
    }
    if (member.role !== 'FIRST_SECRETARY' && member.villageCode) issues.add(`members[${i}].villageCode`, '只有第一书记任某村', 'Only a first secretary is named to a village');
    const township = member.deputySecretaryOf;
    if (township && (!isDivisionCode(township) || levelOfCode(township) !== 'TOWNSHIP' || !township.startsWith(input.countyCode.slice(0, 6)))) {
      issues.add(`members[${i}].deputySecretaryOf`, '须为本县的乡镇区划代码', 'Must be a township division code of the county');
    }
    if (input.members.findIndex((m) => m.cadreId === member.cadreId) !== i) issues.add(`members[${i}].cadreId`, '干部重复', 'The cadre is listed twice');
  });
  issues.throwIfAny();

  await assertAreasExist(ctx, [
    ['countyCode', input.countyCode],
    ...input.villages.map((v, i) => [`villages[${i}].villageCode`, v.villageCode] as const),
    ...input.members.flatMap((m, i) => (m.deputySecretaryOf ? [[`members[${i}].deputySecretaryOf`, m.deputySecretaryOf] as const] : [])),
  ]);
  assertInArea(ctx, input.countyCode, 'countyCode');
  input.villages.forEach((v, i) => assertInArea(ctx, v.villageCode, `villages[${i}].villageCode`));
  const rules = workTeamRulesFor(ctx.settings, provinceOf(input.countyCode));
  if (input.members.length < rules.minTeamSize) {
    throw new RuleViolationError('members', `工作队不少于${rules.minTeamSize}人`, `A work team has at least ${rules.minTeamSize} members`);
  }
  if (input.endsOn < lastDayOfYears(input.startsOn, rules.minTermYears)) {
    throw new RuleViolationError('endsOn', `驻村任期不少于${rules.minTermYears}年`, `A work team's term is at least ${rules.minTermYears} years`);
  }
  if (!(await unitLoader(ctx).load(input.unitId))) throw notFound('unitId', '派出单位', 'Dispatching unit');
  const cadres = await Promise.all(input.members.map((m) => cadreLoader(ctx).load(m.cadreId)));
  cadres.forEach((cadre, i) => {
    // Cadres are kept by the county they work in: one of another county is as good as absent.
    if (!cadre || cadre.areaCode !== input.countyCode) throw notFound(`members[${i}].cadreId`, '干部', 'Cadre');
  });

  const teamId = await inTransaction(ctx, MEMBERSHIP_CONSTRAINTS, async (em) => {
    for (const [i, member] of input.members.entries()) {
      if (await overlapping(em, 'cadre_id', member.cadreId, input.startsOn, input.endsOn)) throw secondTeam(`members[${i}].cadreId`);
      if (member.villageCode && (await overlapping(em, 'village_code', member.villageCode, input.startsOn, input.endsOn))) throw secondFirstSecretary(`members[${i}].villageCode`);
    }
    const [team] = await em.execute<{ id: number }[]>('insert into work_team (name, unit_id, area_code, starts_on, ends_on) values (?, ?, ?, ?, ?) returning id', [
      input.name.trim(),
      input.unitId,
      input.countyCode,
      input.startsOn,
      input.endsOn,
    ]);
    await em.execute('insert into work_team_village (team_id, village_code, role) select ?, * from unnest(?::text[], ?::text[])', [
      team.id,
      pgTextArray(villageCodes),
      pgTextArray(input.villages.map((v) => v.role)),
    ]);
    await em.execute(
      `insert into work_team_membership (team_id, cadre_id, role, village_code, deputy_secretary_of, starts_on, ends_on)
       select ?, c, r, nullif(v, ''), nullif(d, ''), ?, ? from unnest(?::int[], ?::text[], ?::text[], ?::text[]) as x(c, r, v, d)`,
      [
        team.id,
        input.startsOn,
        input.endsOn,
        pgIntArray(input.members.map((m) => m.cadreId)),
        pgTextArray(input.members.map((m) => m.role)),
        pgTextArray(input.members.map((m) => m.villageCode ?? '')),
        pgTextArray(input.members.map((m) => m.deputySecretaryOf ?? '')),
      ],
    );
    return team.id;
  });
  // The cadres are now seen in the team's villages too: the payload must not read them as loaded before.
  for (const member of input.members) cadreLoader(ctx).clear(member.cadreId);
  return teamId;
}
