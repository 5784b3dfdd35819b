/**
 * The one error type domain and service code throws. The code is looked up in
 * src/server/http/errors.ts for its HTTP status and its translated message.
 */
export type ErrorCode =
  | 'NOT_FOUND'
  | 'SURVEY_NOT_READY'
  | 'NETWORK_NOT_FOUND'
  | 'SIGN_IN_REQUIRED'
  | 'FORBIDDEN'
  | 'NOT_A_MEMBER'
  | 'CSRF_FAILED'
  | 'RATE_LIMITED'
  | 'INTAKE_LIMITED'
  | 'INVALID_CREDENTIALS'
  | 'VALIDATION_FAILED'
  | 'EMAIL_TAKEN'
  | 'PHONE_TAKEN'
  | 'SLUG_TAKEN'
  | 'SIGNUP_INVITE_ONLY'
  | 'INVITATION_INVALID'
  | 'RESET_LINK_INVALID'
  | 'SIGNUP_LINK_INVALID'
  | 'SETUP_LINK_INVALID'
  | 'LAST_ADMIN'
  | 'ROLE_TOO_HIGH'
  | 'TOKEN_INVALID'
  | 'SIGNATURE_INVALID'
  | 'REQUEST_ALREADY_CLAIMED'
  | 'REQUEST_HELD_BY_OTHER'
  | 'REQUEST_STATUS_CONFLICT'
  | 'REQUEST_NOT_YOURS'
  | 'PAYLOAD_TOO_LARGE'
  | 'BAD_CHARACTERS'
  | 'REFERENCE_NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'HEADERS_TOO_LARGE'
  | 'REQUEST_TIMEOUT'
  | 'INSUFFICIENT_STOCK'
  | 'HOUSEHOLD_LIMIT'
  | 'LIMIT_WARNING'
  | 'ALREADY_CHECKED_IN'
  | 'ALLOCATION_STALE'
  | 'NAME_TAKEN'
  | 'SHIFT_CLOSED'
  | 'SHIFT_OVERLAP'
  | 'SHIFT_OVER_CAP'
  | 'TRAINING_REQUIRED'
  | 'INTERNAL';

/**
 * Mistakes by field name (a form's field, or a body property of the API). `in` and `path`
 * place one outside the body, for the API's answer (a path segment, the query).
 */
export type FieldErrors = Record<
  string,
  {
    key: string;
    params?: Record<string, string | number>;
    in?: 'params' | 'querystring' | 'body';
    path?: string;
  }
>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  readonly fields: FieldErrors | undefined;

  constructor(code: ErrorCode, params: Record<string, string | number> = {}, fields?: FieldErrors) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.fields = fields;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
