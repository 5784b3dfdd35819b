import type { MessageKey } from '../../i18n/i18n.ts';
import type { ErrorCode } from '../../shared/app-error.ts';

/** The one table from error codes to HTTP statuses and translated messages. */
export const ERRORS: Record<ErrorCode, { status: number; message: MessageKey }> = {
  NOT_FOUND: { status: 404, message: 'error.notFound' },
  NETWORK_NOT_FOUND: { status: 404, message: 'error.networkNotFound' },
  SIGN_IN_REQUIRED: { status: 401, message: 'error.signInRequired' },
  FORBIDDEN: { status: 403, message: 'error.forbidden' },
  NOT_A_MEMBER: { status: 403, message: 'error.notAMember' },
  CSRF_FAILED: { status: 403, message: 'error.csrf' },
  RATE_LIMITED: { status: 429, message: 'error.rateLimited' },
  INVALID_CREDENTIALS: { status: 401, message: 'error.invalidCredentials' },
  VALIDATION_FAILED: { status: 400, message: 'error.validation' },
  EMAIL_TAKEN: { status: 409, message: 'error.emailTaken' },
  PHONE_TAKEN: { status: 409, message: 'error.phoneTaken' },
  SLUG_TAKEN: { status: 409, message: 'error.slugTaken' },
  SIGNUP_INVITE_ONLY: { status: 403, message: 'error.signupInviteOnly' },
  INVITATION_INVALID: { status: 410, message: 'error.invitationInvalid' },
  RESET_LINK_INVALID: { status: 410, message: 'error.resetLinkInvalid' },
  SETUP_LINK_INVALID: { status: 410, message: 'error.setupLinkInvalid' },
  LAST_ADMIN: { status: 409, message: 'error.lastAdmin' },
  ROLE_TOO_HIGH: { status: 403, message: 'error.roleTooHigh' },
  TOKEN_INVALID: { status: 401, message: 'error.tokenInvalid' },
  REQUEST_ALREADY_CLAIMED: { status: 409, message: 'error.requestAlreadyClaimed' },
  REQUEST_STATUS_CONFLICT: { status: 409, message: 'error.requestStatusConflict' },
  REQUEST_NOT_YOURS: { status: 403, message: 'error.requestNotYours' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'error.payloadTooLarge' },
  SHIFT_CLOSED: { status: 409, message: 'error.shiftClosed' },
  SHIFT_OVERLAP: { status: 409, message: 'error.shiftOverlap' },
  SHIFT_OVER_CAP: { status: 409, message: 'error.shiftOverCap' },
  TRAINING_REQUIRED: { status: 403, message: 'error.trainingRequired' },
  INTERNAL: { status: 500, message: 'error.internal' },
};
