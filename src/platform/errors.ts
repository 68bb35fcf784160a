/**
 * Typed application errors. Code throws `new AppError('not_found')`; the one error handler maps
 * the code to an HTTP status, an RFC 9457 problem+json body for the API and an error page for people.
 * Codes are stable: clients and tests rely on them.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  bad_request: 400,
  query_too_long: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  totp_invalid: 401,
  level_too_low: 403,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  idempotency_key_reused: 422,
  invalid_transition: 409,
  publish_rules_failed: 422,
  upload_rejected: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type AppErrorCode = keyof typeof ERROR_STATUS;

/** One field-level problem, as in `errors: [{field, code, message}]`. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;
  /** Extra members of the problem document (RFC 9457 extensions), e.g. `allowed` actions on a 409. */
  readonly extensions: Record<string, unknown> | undefined;

  constructor(
    code: AppErrorCode,
    options: {
      message?: string;
      errors?: FieldError[] | undefined;
      headers?: Record<string, string>;
      extensions?: Record<string, unknown>;
      cause?: unknown;
    } = {},
  ) {
    super(options.message ?? code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.errors = options.errors;
    this.headers = options.headers;
    this.extensions = options.extensions;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
