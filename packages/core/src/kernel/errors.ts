/**
 * Typed, bilingual errors. Services throw these; mutation fields list them (the Pothos errors
 * plugin turns them into members of the field's result union) and the server exposes them on
 * queries as GraphQL errors with the same `extensions`. Anything else is unexpected and masked.
 */

/** One problem with one input field. */
export interface FieldIssue {
  /** Path of the input field, e.g. `members[1].idNumber`. */
  readonly field: string;
  readonly messageZh: string;
  readonly messageEn: string;
}

/** Base of every error a client is meant to see and act on. */
export abstract class TuopinError extends Error {
  abstract readonly code: string;
  readonly field: string | null;
  readonly messageZh: string;
  readonly messageEn: string;

  constructor(field: string | null, messageZh: string, messageEn: string) {
    super(`${messageZh} / ${messageEn}`);
    this.field = field;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
  }

  /** The `extensions` a GraphQL error carries when this error surfaces outside a result union. */
  toExtensions(): Record<string, unknown> {
    return { code: this.code, field: this.field, messageZh: this.messageZh, messageEn: this.messageEn };
  }
}

/** Input that is malformed or out of range; may carry several issues at once. */
export class ValidationError extends TuopinError {
  readonly code = 'VALIDATION_FAILED';
  readonly issues: readonly FieldIssue[];

  constructor(issues: readonly FieldIssue[]) {
    if (issues.length === 0) throw new RangeError('ValidationError needs at least one issue');
    const [first] = issues;
    super(first.field, first.messageZh, first.messageEn);
    this.name = 'ValidationError';
    this.issues = issues;
  }

  static of(field: string, messageZh: string, messageEn: string): ValidationError {
    return new ValidationError([{ field, messageZh, messageEn }]);
  }

  override toExtensions(): Record<string, unknown> {
    return { ...super.toExtensions(), issues: this.issues };
  }
}

/** A referenced object does not exist (or is outside the caller's scope, which looks the same). */
export class NotFoundError extends TuopinError {
  readonly code = 'NOT_FOUND';
  constructor(field: string | null, messageZh: string, messageEn: string) {
    super(field, messageZh, messageEn);
    this.name = 'NotFoundError';
  }
}

/** A uniqueness rule would be broken: a household number or ID number already registered. */
export class ConflictError extends TuopinError {
  readonly code = 'CONFLICT';
  constructor(field: string | null, messageZh: string, messageEn: string) {
    super(field, messageZh, messageEn);
    this.name = 'ConflictError';
  }
}

/** A business rule forbids the change: a second head, removing the head, a wrong status move. */
export class RuleViolationError extends TuopinError {
  readonly code = 'RULE_VIOLATION';
  constructor(field: string | null, messageZh: string, messageEn: string) {
    super(field, messageZh, messageEn);
    this.name = 'RuleViolationError';
  }
}

/** The caller's role or area scope does not allow the operation. */
export class ForbiddenError extends TuopinError {
  readonly code = 'FORBIDDEN';
  constructor(field: string | null, messageZh: string, messageEn: string) {
    super(field, messageZh, messageEn);
    this.name = 'ForbiddenError';
  }
}

/**
 * A request over one of the API's limits (depth, cost, aliases, tokens, page size, rate). Says
 * which limit, the request's value and the maximum, so a client can fix the request.
 */
export class LimitExceededError extends TuopinError {
  readonly code = 'LIMIT_EXCEEDED';
  constructor(
    readonly limit: string,
    readonly actual: number,
    readonly maximum: number,
    messageZh: string,
    messageEn: string,
  ) {
    super(null, messageZh, messageEn);
    this.name = 'LimitExceededError';
  }

  override toExtensions(): Record<string, unknown> {
    return { ...super.toExtensions(), limit: this.limit, actual: this.actual, maximum: this.maximum };
  }
}

/** Every typed error class, in the order mutation result unions list them. */
export const TYPED_ERRORS = [ValidationError, NotFoundError, ConflictError, RuleViolationError, ForbiddenError] as const;

/**
 * Collects field issues while checking an input, then throws them together, so a client learns
 * every problem with a form in one round trip.
 */
export class IssueCollector {
  private readonly issues: FieldIssue[] = [];

  add(field: string, messageZh: string, messageEn: string): void {
    this.issues.push({ field, messageZh, messageEn });
  }

  get hasIssues(): boolean {
    return this.issues.length > 0;
  }

  throwIfAny(): void {
    if (this.issues.length > 0) throw new ValidationError(this.issues);
  }
}
