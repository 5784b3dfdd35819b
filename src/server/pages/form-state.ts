import type { FastifyRequest } from 'fastify';
import { type FieldErrors, isAppError } from '../../shared/app-error.ts';
import { ERRORS } from '../http/errors.ts';
import type { FormValues } from '../http/forms.ts';

/** A form as it comes back: what was typed, the mistakes at their fields, a message on top. */
export interface FormState {
  values?: FormValues;
  errors?: FieldErrors | undefined;
  message?: string | null | undefined;
}

/**
 * A service error as the form shows it: field errors at their fields, anything else as a
 * message above the form, the input kept. Refusals (401, 403) and failures are rethrown for
 * the error page: there is no form to keep for someone who may not use it.
 */
export function formFailure(req: FastifyRequest, e: unknown): { status: number; state: FormState } {
  if (!isAppError(e)) throw e;
  const status = e.code === 'VALIDATION_FAILED' ? 422 : ERRORS[e.code].status;
  if (
    status >= 500 ||
    e.code === 'CSRF_FAILED' ||
    e.code === 'FORBIDDEN' ||
    e.code === 'SIGN_IN_REQUIRED' ||
    e.code === 'NOT_A_MEMBER' ||
    e.code === 'NOT_FOUND'
  ) {
    throw e;
  }
  return {
    status,
    state: {
      errors: e.fields,
      message: e.fields ? null : req.ctx.t(ERRORS[e.code].message, e.params),
    },
  };
}
