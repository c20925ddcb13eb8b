import { TYPED_ERRORS } from './errors.js';

/**
 * Error options for a mutation field: every typed error joins the field's result union next to
 * the payload, so `registerHousehold` returns `RegisterHouseholdResult = RegisterHouseholdPayload
 * | ValidationError | NotFoundError | ConflictError | RuleViolationError | ForbiddenError`.
 */
export function mutationErrors(fieldName: string) {
  const name = `${fieldName[0].toUpperCase()}${fieldName.slice(1)}Result`;
  return {
    types: [...TYPED_ERRORS],
    directResult: true as const,
    union: { name, description: `${fieldName} 的结果：成功载荷或类型化错误 The payload, or a typed error` },
  };
}
