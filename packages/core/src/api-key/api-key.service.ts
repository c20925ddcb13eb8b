import type { EntityManager } from '@mikro-orm/postgresql';
import { isWithinScope, normalizeScopes } from '../kernel/area-scope.js';
import type { TuopinContext } from '../kernel/context.js';
import { ForbiddenError, IssueCollector, NotFoundError, RuleViolationError } from '../kernel/errors.js';
import { scopeMisfit, type Principal } from '../kernel/principal.js';
import { canAdministerApiKeys } from '../access/core-policy.js';
import { inTransaction } from '../kernel/transaction.js';
import { apiKeyMatches, generateApiKey, prefixOfApiKey } from './api-key-format.js';
import { announceApiKeyRevoked, API_KEY_REVOKED_CHANNEL } from './api-key-revocation.js';

export interface ApiKeyRecord {
  id: number;
  name: string;
  prefix: string;
  role: 'NGO_PARTNER';
  areaScopes: string[];
  provinceCode: string | null;
  createdAt: Date;
  createdBy: string;
  revokedAt: Date | null;
  revokedBy: string | null;
  lastUsedAt: Date | null;
}

const COLUMNS = `id, name, prefix, role, area_scopes as "areaScopes", province_code as "provinceCode", created_at as "createdAt",
  created_by as "createdBy", revoked_at as "revokedAt", revoked_by as "revokedBy", last_used_at as "lastUsedAt"`;


function assertAdministrator(principal: Principal): void {
  if (!canAdministerApiKeys(principal)) {
    throw new ForbiddenError(null, '只有管理员可以管理 API 密钥', 'Only administrators manage API keys');
  }
}

/** The province of a set of scopes, when they all lie in one; null for national or multi-province keys. */
function provinceOfScopes(scopes: string[]): string | null {
  const provinces = new Set(scopes.map((scope) => scope.slice(0, 2)));
  if (provinces.size !== 1) return null;
  const [province] = provinces;
  return province.length === 2 ? `${province}0000000000` : null;
}

/**
 * Creates a partner API key scoped to areas inside the creator's own scope. Returns the key in
 * clear: this is the only time it exists outside the partner's hands.
 */
export async function createApiKey(ctx: TuopinContext, input: { name: string; areaScopes: string[] }): Promise<{ record: ApiKeyRecord; key: string }> {
  assertAdministrator(ctx.principal);
  const issues = new IssueCollector();
  const name = input.name.trim();
  if (name.length === 0 || name.length > 128) issues.add('name', '名称须为1–128个字符', 'The name is 1–128 characters');
  if (input.areaScopes.length === 0 || input.areaScopes.length > 50) issues.add('areaScopes', '须指定1–50个区划范围', 'Give 1 to 50 area scopes');
  input.areaScopes.forEach((scope, i) => {
    // Partners may cover any level; the scope must still name an area (the rule tokens follow).
    if (scopeMisfit('NGO_PARTNER', scope) !== null) {
      issues.add(`areaScopes[${i}]`, '区划范围须为区划代码的有效前缀（2、4、6、9或12位数字，或空表示全国）', 'A scope is a division-code prefix of 2, 4, 6, 9 or 12 digits, or empty for the whole country');
    } else if (!isWithinScope(scope, ctx.principal.areaScopes)) {
      issues.add(`areaScopes[${i}]`, '不能授予超出您权限范围的区划', 'You cannot grant an area outside your own scope');
    }
  });
  issues.throwIfAny();
  const scopes = normalizeScopes(input.areaScopes);
  const generated = generateApiKey();
  const record = await inTransaction(ctx, {}, async (em) => {
    const [row] = await em.execute<ApiKeyRecord[]>(
      `insert into api_key (name, prefix, key_hash, area_scopes, province_code, created_by)
       values (?, ?, ?, ?::text[], ?, ?) returning ${COLUMNS}`,
      [name, generated.prefix, generated.hash, `{${scopes.map((s) => `"${s}"`).join(',')}}`, provinceOfScopes(scopes), ctx.principal.id],
    );
    return row;
  });
  return { record, key: generated.key };
}

async function findKey(em: EntityManager, id: number): Promise<ApiKeyRecord | null> {
  const [row] = await em.execute<ApiKeyRecord[]>(`select ${COLUMNS} from api_key where id = ?`, [id]);
  return row ?? null;
}

/**
 * Revokes a key at once: the next request with it is refused, on this process at once and on every
 * other server process within a second (NOTIFY on {@link API_KEY_REVOKED_CHANNEL}). Keys inside the
 * caller's scope only.
 */
export async function revokeApiKey(ctx: TuopinContext, id: number): Promise<ApiKeyRecord> {
  assertAdministrator(ctx.principal);
  const key = await findKey(ctx.em, id);
  if (!key || !key.areaScopes.every((scope) => isWithinScope(scope, ctx.principal.areaScopes))) {
    throw new NotFoundError('id', 'API 密钥不存在或不在您的权限范围内', 'The API key does not exist or is outside your scope');
  }
  if (key.revokedAt) throw new RuleViolationError('id', '该 API 密钥已被吊销', 'This API key is revoked already');
  const revoked = await inTransaction(ctx, {}, async (em) => {
    await em.execute('update api_key set revoked_at = now(), revoked_by = ? where id = ? and revoked_at is null', [ctx.principal.id, id]);
    // Delivered to every listening server process when (and only if) this transaction commits.
    await em.execute('select pg_notify(?, ?)', [API_KEY_REVOKED_CHANNEL, key.prefix]);
    return (await findKey(em, id))!;
  });
  announceApiKeyRevoked(key.prefix);
  return revoked;
}

/** The keys whose scopes lie inside the caller's, newest first. */
export async function listApiKeys(ctx: TuopinContext): Promise<ApiKeyRecord[]> {
  assertAdministrator(ctx.principal);
  const rows = await ctx.em.execute<ApiKeyRecord[]>(`select ${COLUMNS} from api_key order by id desc`);
  return rows.filter((key) => key.areaScopes.every((scope) => isWithinScope(scope, ctx.principal.areaScopes)));
}

export type ApiKeyCheck = { ok: true; principal: Principal } | { ok: false; reason: 'malformed' | 'unknown' | 'revoked' };

/**
 * Who a presented API key speaks for. Records its use, at most once a minute per key, so that
 * administrators can see stale keys without a write on every request.
 */
export async function authenticateApiKey(em: EntityManager, presented: string): Promise<ApiKeyCheck> {
  const prefix = prefixOfApiKey(presented);
  if (!prefix) return { ok: false, reason: 'malformed' };
  const [row] = await em.execute<(ApiKeyRecord & { keyHash: string })[]>(`select ${COLUMNS}, key_hash as "keyHash" from api_key where prefix = ?`, [prefix]);
  if (!row || !apiKeyMatches(presented, row.keyHash)) return { ok: false, reason: 'unknown' };
  if (row.revokedAt) return { ok: false, reason: 'revoked' };
  await em.execute(
    "update api_key set last_used_at = now() where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')",
    [row.id],
  );
  return {
    ok: true,
    principal: { id: `apikey:${row.prefix}`, role: 'NGO_PARTNER', areaScopes: row.areaScopes, provinceCode: row.provinceCode },
  };
}
