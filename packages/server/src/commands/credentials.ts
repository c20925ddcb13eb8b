import { AuditTrail, createApiKey, ReadLayer, listApiKeys, revokeApiKey, SYSTEM_PRINCIPAL, type TuopinContext } from '@tuopin/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { mintToken } from '../auth/jwt.js';
import { principalFromClaims } from '../auth/principal-claims.js';
import { tenancyFor } from '../platform-for.js';
import type { ServerConfig } from '../config.js';
import { ConfigurationError } from '../configuration-error.js';
import type { Logger } from '../log.js';
import { one, parseOptions } from './args.js';
import { withMigratedDatabase } from './maintenance.js';

/**
 * `token --role R --scope S [--scope …] [--province P] [--grant <global id>:<permission>[,…] …]
 * [--sub ID] [--expires 8h]`: signs an HS256 token. The role may be a plugin's, where the
 * province runs it; the token is checked as the server will check it.
 */
export async function tokenCommand(config: ServerConfig, args: string[]): Promise<void> {
  const options = parseOptions(args);
  if (!config.auth.jwt.secret) throw new ConfigurationError('tokens are signed with TUOPIN_JWT_SECRET; this deployment verifies RS256 tokens from its identity provider');
  const grants = (options.get('grant') ?? []).map((grant) => {
    const [on, permissions = ''] = grant.split(':');
    return { on, permissions: permissions.split(',').filter(Boolean) };
  });
  const claims = {
    sub: one(options, 'sub', `cli:${one(options, 'role').toLowerCase()}`),
    role: one(options, 'role'),
    scopes: options.get('scope') ?? [''],
    province: options.get('province')?.[0] ?? null,
    ...(grants.length > 0 ? { grants } : {}),
  };
  const principal = principalFromClaims(claims, tenancyFor(config).accessFor);
  if (typeof principal === 'string') throw new ConfigurationError(`cannot make that token: ${principal}`);
  process.stdout.write(`${await mintToken(config.auth.jwt.secret, principal, { ...config.auth.jwt, expiresIn: one(options, 'expires', '8h') })}\n`);
}

/** Raw rows carry timestamps as the driver returns them (a string here, a Date elsewhere). */
function isoTime(value: Date | string | null): string {
  return value === null ? '' : new Date(value).toISOString();
}

/** A context for the command line: the system acting, recorded in the audit log as such. */
function cliContext(orm: MikroORM, config: ServerConfig, operation: string): TuopinContext {
  const audit = new AuditTrail();
  audit.operation = operation;
  const { plugins } = tenancyFor(config).deployment;
  return { em: orm.em.fork(), db: new ReadLayer(orm.em).forRequest({ statements: 0 }), principal: SYSTEM_PRINCIPAL, settings: config.settings, requestId: `cli:${process.pid}`, audit, plugins };
}

/** `apikey create --name N --scope S [--scope …]`, `apikey revoke --id N`, `apikey list`. */
export function apiKeyCommand(config: ServerConfig, log: Logger, args: string[]): Promise<void> {
  const [action, ...rest] = args;
  const options = parseOptions(rest);
  return withMigratedDatabase(config, log, async (orm) => {
    if (action === 'create') {
      const { record, key } = await createApiKey(cliContext(orm, config, 'cli:apikey create'), {
        name: one(options, 'name'),
        areaScopes: options.get('scope') ?? [],
      });
      process.stdout.write(`API key ${record.prefix} (id ${record.id}) for "${record.name}", scopes ${record.areaScopes.join(',')}:\n${key}\nIt is shown this once; only its hash is stored.\n`);
    } else if (action === 'revoke') {
      const record = await revokeApiKey(cliContext(orm, config, 'cli:apikey revoke'), Number(one(options, 'id')));
      process.stdout.write(`revoked ${record.prefix} (id ${record.id}) at ${isoTime(record.revokedAt)}\n`);
    } else if (action === 'list') {
      for (const key of await listApiKeys(cliContext(orm, config, 'cli:apikey list'))) {
        process.stdout.write(`${key.id}\t${key.prefix}\t${key.name}\t${key.areaScopes.join(',')}\t${key.revokedAt ? 'revoked' : 'active'}\tlast used ${key.lastUsedAt ? isoTime(key.lastUsedAt) : 'never'}\n`);
      }
    } else {
      throw new ConfigurationError('usage: apikey create --name N --scope S | apikey revoke --id N | apikey list');
    }
  });
}
