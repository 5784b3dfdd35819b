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
  | 'REQUEST_EDIT_CONFLICT'
  | 'REQUEST_NOT_YOURS'
  | 'PAYLOAD_TOO_LARGE'
  | 'BAD_CHARACTERS'
  | 'REFERENCE_NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'HEADERS_TOO_LARGE'
  | 'REQUEST_TIMEOUT'
  | 'INSUFFICIENT_STOCK'
  | 'MONEY_STATUS_CONFLICT'
  | 'MONEY_NOT_SUBMITTER'
  | 'MONEY_OWN_ITEM'
  | 'MONEY_NOT_APPROVER'
  | 'MONEY_NOT_PAYER'
  | 'MONEY_ALREADY_APPROVED'
  | 'MONEY_REASON_REQUIRED'
  | 'MONEY_REASON_TOO_LONG'
  | 'MONEY_RECEIPT_REQUIRED'
  | 'MONEY_FUND_REQUIRED'
  | 'MONEY_FUND_CLOSED'
  | 'MONEY_FUND_RESTRICTED'
  | 'MONEY_FUND_INSUFFICIENT'
  | 'MONEY_CURRENCY_MISMATCH'
  | 'MONEY_AID_LIMIT'
  | 'MONEY_AID_LIMIT_WARNING'
  | 'HOUSEHOLD_LIMIT'
  | 'LIMIT_WARNING'
  | 'ALREADY_CHECKED_IN'
  | 'ALLOCATION_STALE'
  | 'NAME_TAKEN'
  | 'SHIFT_CLOSED'
  | 'SHIFT_OVERLAP'
  | 'SHIFT_OVER_CAP'
  | 'TRAINING_REQUIRED'
  | 'TIME_LIMIT_FLOOR'
  | 'TIME_LIMIT_CEILING'
  | 'TIME_NO_DEBT'
  | 'TIME_ACCOUNT_CLOSED'
  | 'TIME_NOT_YOUR_ACCOUNT'
  | 'TIME_POOL_COORDINATOR_ONLY'
  | 'TIME_REQUEST_ONE_PAYER'
  | 'TIME_REQUEST_FINAL'
  | 'TIME_REQUEST_NOT_YOURS'
  | 'TIME_REQUEST_NOT_DUE'
  | 'TIME_REQUEST_DEADLINE_PASSED'
  | 'TIME_REQUEST_NO_AUTO_ACCEPT'
  | 'TIME_REFUSAL_TOO_LONG'
  | 'TIME_NO_DEBT_NEGATIVE'
  | 'LEDGER_ALREADY_REVERSED'
  | 'LEDGER_REVERSAL_OF_REVERSAL'
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
