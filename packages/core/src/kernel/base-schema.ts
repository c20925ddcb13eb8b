import type { TuopinBuilder } from './builder.js';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError, TuopinError, ValidationError, type FieldIssue } from './errors.js';
import { DateScalar, DateTimeScalar, JSONObjectScalar, MoneyScalar } from './scalars.js';

/** The interface every typed error implements, so clients can always ask `... on Error`. */
export const ErrorInterfaceRef = 'Error' as const;

/**
 * What every schema has before any module adds to it: the roots, the scalars, the typed errors
 * and `totalCount` on every connection.
 */
export function registerBaseSchema(builder: TuopinBuilder): void {
  builder.queryType({ description: '查询 Queries' });
  builder.mutationType({ description: '变更 Mutations' });

  builder.addScalarType('Money', MoneyScalar);
  builder.addScalarType('Date', DateScalar);
  builder.addScalarType('DateTime', DateTimeScalar);
  builder.addScalarType('JSONObject', JSONObjectScalar);

  const ErrorInterface = builder.interfaceRef<TuopinError>(ErrorInterfaceRef).implement({
    description: '错误 An error the client can act on; names the field and the reason in Chinese and English',
    fields: (t) => ({
      code: t.exposeString('code', { description: '错误代码 Machine-readable error code' }),
      field: t.exposeString('field', {
        nullable: true,
        description: '出错的输入字段路径 Path of the input field at fault, e.g. members[1].idNumber',
      }),
      message: t.exposeString('message', { description: '中英文错误信息 The message in Chinese and English' }),
      messageZh: t.exposeString('messageZh', { description: '中文错误信息 The message in Chinese' }),
      messageEn: t.exposeString('messageEn', { description: '英文错误信息 The message in English' }),
    }),
  });

  const FieldIssueRef = builder.objectRef<FieldIssue>('FieldIssue').implement({
    description: '字段问题 One problem with one input field',
    scope: 'contained',
    fields: (t) => ({
      field: t.exposeString('field', { description: '字段路径 Path of the input field' }),
      messageZh: t.exposeString('messageZh', { description: '中文说明 The reason in Chinese' }),
      messageEn: t.exposeString('messageEn', { description: '英文说明 The reason in English' }),
    }),
  });

  builder.objectType(ValidationError, {
    name: 'ValidationError',
    description: '输入校验错误 The input is malformed or out of range; lists every problem found',
    interfaces: [ErrorInterface],
    isTypeOf: (value) => value instanceof ValidationError,
    fields: (t) => ({
      issues: t.field({ type: [FieldIssueRef], resolve: (error) => [...error.issues], description: '全部问题 Every problem found' }),
    }),
  });
  const simpleErrors = [
    [NotFoundError, 'NotFoundError', '对象不存在 The referenced object does not exist or is outside your scope'],
    [ConflictError, 'ConflictError', '唯一性冲突 A uniqueness rule would be broken'],
    [RuleViolationError, 'RuleViolationError', '违反业务规则 A business rule forbids this change'],
    [ForbiddenError, 'ForbiddenError', '无权限 Your role or area scope does not allow this'],
  ] as const;
  for (const [errorClass, name, description] of simpleErrors) {
    builder.objectType(errorClass as typeof NotFoundError, {
      name,
      description,
      interfaces: [ErrorInterface],
      isTypeOf: (value) => value instanceof errorClass,
    });
  }

  builder.globalConnectionField('totalCount', (t) =>
    t.int({
      description: '总数 Total number of items in the whole list, not just this page',
      resolve: (connection) => connection.totalCount(),
    }),
  );
}
