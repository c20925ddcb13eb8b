import type { TuopinBuilder } from '../kernel/builder.js';
import { ValidationError } from '../kernel/errors.js';
import { defineMutation } from '../kernel/define-mutation.js';
import { isDatabaseId } from '../kernel/global-id.js';
import { answerNotKept } from '../kernel/idempotency/stored-answer.js';
import { createApiKey, listApiKeys, revokeApiKey, type ApiKeyRecord } from './api-key.service.js';

export function registerApiKeySchema(builder: TuopinBuilder): void {
  const ApiKeyRef = builder.objectRef<ApiKeyRecord>('ApiKey').implement({
    description: '合作机构 API 密钥（只存哈希） A partner API key; only its hash is stored',
    scope: { area: (key) => key.areaScopes },
    fields: (t) => ({
      id: t.exposeID('id', { description: '编号 Id' }),
      name: t.exposeString('name', { description: '名称（机构或用途） Name: the organisation or purpose' }),
      prefix: t.exposeString('prefix', { description: '公开前缀，用于识别密钥 Public prefix that names the key' }),
      role: t.exposeString('role', { description: '角色（合作机构） Role: NGO_PARTNER' }),
      areaScopes: t.exposeStringList('areaScopes', { description: '授权区划前缀 Division-code prefixes the key may read' }),
      provinceCode: t.exposeString('provinceCode', { nullable: true, description: '所属省（租户） Province (tenant); null for national keys' }),
      createdAt: t.field({ type: 'DateTime', resolve: (k) => k.createdAt, description: '创建时间 Created at' }),
      createdBy: t.exposeString('createdBy', { description: '创建者 Created by' }),
      revokedAt: t.field({ type: 'DateTime', nullable: true, resolve: (k) => k.revokedAt, description: '吊销时间 Revoked at' }),
      revokedBy: t.exposeString('revokedBy', { nullable: true, description: '吊销者 Revoked by' }),
      lastUsedAt: t.field({ type: 'DateTime', nullable: true, resolve: (k) => k.lastUsedAt, description: '最近使用（精确到分钟） Last used, to the minute' }),
    }),
  });

  builder.queryField('apiKeys', (t) =>
    t.field({
      type: [ApiKeyRef],
      authScopes: { permission: 'core.api-keys.administer' },
      description: '合作机构 API 密钥（管理员，限于权限范围） Partner API keys, for administrators, within their scope',
      resolve: (_root, _args, ctx) => listApiKeys(ctx),
    }),
  );

  defineMutation(builder, 'createApiKey', {
    description: '为合作机构新建 API 密钥 Create an API key for a partner organisation',
    input: {
      description: '新建 API 密钥 A key to create',
      argumentDescription: '输入 Input',
      fields: (t) => ({
        name: t.string({ required: true, description: '名称（机构或用途） Name: the organisation or purpose' }),
        areaScopes: t.stringList({ required: true, description: '授权区划前缀，如 "433125" Division-code prefixes, e.g. "433125"' }),
      }),
    },
    // The key in clear is shown once: a replay with the same Idempotency-Key must not show it again.
    resolve: async (input, ctx) => answerNotKept(await createApiKey(ctx, input)),
    payload: {
      description: '新建的 API 密钥：明文只显示这一次 The new key; its clear text is shown this once only',
      fields: (t) => ({
        apiKey: t.field({ type: ApiKeyRef, resolve: (p) => p.record, description: '密钥信息 The key' }),
        key: t.exposeString('key', { description: '密钥明文，请立即交给合作机构保存 The key in clear; hand it to the partner now' }),
      }),
    },
  });

  defineMutation(builder, 'revokeApiKey', {
    description: '吊销 API 密钥（立即生效） Revoke an API key, effective at once',
    input: {
      description: '吊销 API 密钥 The key to revoke',
      argumentDescription: '输入 Input',
      // A key's id is its plain number (keys are no Relay nodes), checked here rather than in `ids`.
      fields: (t) => ({ id: t.id({ required: true, description: '密钥编号 Key id' }) }),
    },
    resolve: (input, ctx) => {
      if (!isDatabaseId(String(input.id))) throw ValidationError.of('id', '不是有效的密钥编号', 'This is not a valid key id');
      return revokeApiKey(ctx, Number(input.id));
    },
    payload: {
      description: '已吊销 The revoked key',
      fields: (t) => ({ apiKey: t.field({ type: ApiKeyRef, resolve: (k) => k, description: '密钥信息 The key' }) }),
    },
  });
}
