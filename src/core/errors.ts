/** Base of Klaxon's expected errors: a literal `code` a caller can switch on, and the cause. */
export class KlaxonError extends Error {
  override name = 'KlaxonError';
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Where a mistake sits in a file the user wrote. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
  /** Dotted path of the offending field, e.g. `where.source.ip|cidr` or `threshold`. */
  field?: string;
}

export interface ValidationIssue extends SourceLocation {
  message: string;
}

export function formatIssue(issue: ValidationIssue): string {
  const where = [issue.file, issue.line, issue.column].filter((part) => part !== undefined).join(':');
  return issue.field ? `${where}: ${issue.field}: ${issue.message}` : `${where}: ${issue.message}`;
}

export class ValidationError extends KlaxonError {
  override name = 'ValidationError';
  constructor(readonly issues: ValidationIssue[]) {
    super('validation', issues.map(formatIssue).join('\n'));
  }
}

export class InputError extends KlaxonError {
  override name = 'InputError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('input', message, options);
  }
}

export class NotFoundError extends KlaxonError {
  override name = 'NotFoundError';
  constructor(message: string) {
    super('not_found', message);
  }
}

/** A change that conflicts with the current state: resolving twice, acknowledging a resolved incident. */
export class ConflictError extends KlaxonError {
  override name = 'ConflictError';
  constructor(message: string) {
    super('conflict', message);
  }
}

/** A store operation failed; keeps the operation name and the cause, never the parameters. */
export class StoreError extends KlaxonError {
  override name = 'StoreError';
  constructor(
    readonly operation: string,
    options: { cause: unknown },
  ) {
    super(
      'store',
      `store operation ${operation} failed: ${(options.cause as Error)?.message ?? String(options.cause)}`,
      options,
    );
  }
}

/** The request carries no valid credentials (HTTP 401). */
export class UnauthorizedError extends KlaxonError {
  override name = 'UnauthorizedError';
  constructor(message: string) {
    super('unauthorized', message);
  }
}

/** The credentials are valid but do not allow this (HTTP 403). */
export class ForbiddenError extends KlaxonError {
  override name = 'ForbiddenError';
  constructor(message: string) {
    super('forbidden', message);
  }
}

/** Too many requests; try again after `retryAfterSeconds` (HTTP 429 with Retry-After). */
export class RateLimitedError extends KlaxonError {
  override name = 'RateLimitedError';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('rate_limited', message);
  }
}
