import type { FastifyRequest } from 'fastify';
import { createContext } from 'preact';
import { type FieldErrors, isAppError } from '../../shared/app-error.ts';
import { appErrorFromDatabase } from '../db/db-errors.ts';
import { ERRORS } from '../http/errors.ts';
import type { FormValues } from '../http/forms.ts';

/** A form as it comes back: what was typed, the mistakes at their fields, a message on top. */
export interface FormState {
  values?: FormValues;
  errors?: FieldErrors | undefined;
  message?: string | null | undefined;
}

/**
 * What the fields of a `Form` show when they are not told: the form's values and mistakes,
 * so a field inside a Form names only itself.
 */
export const FormFields = createContext<Pick<FormState, 'values' | 'errors'>>({});

/**
 * A service error as the form shows it: field errors at their fields, anything else as a
 * message above the form, the input kept. A refusal of the database (a missing check) reads
 * like the service's own. Refusals of the person (401, 403, 404, CSRF) are rethrown for the
 * error page: there is no form to keep for someone who may not use it. A failure of ours
 * (500) is logged, and the form still comes back with what was typed, so nothing is lost.
 */
export function formFailure(req: FastifyRequest, e: unknown): { status: number; state: FormState } {
  const err = isAppError(e) ? e : appErrorFromDatabase(e);
  if (!err || ERRORS[err.code].status >= 500) {
    req.log.error({ err: e }, 'unhandled error in a form');
    return { status: 500, state: { message: req.ctx.t('error.internalForm') } };
  }
  if (err !== e) req.log.warn({ err: e }, 'the database refused what a form sent');
  const status = err.code === 'VALIDATION_FAILED' ? 422 : ERRORS[err.code].status;
  if (
    err.code === 'CSRF_FAILED' ||
    err.code === 'FORBIDDEN' ||
    err.code === 'SIGN_IN_REQUIRED' ||
    err.code === 'NOT_A_MEMBER' ||
    err.code === 'NOT_FOUND' ||
    err.code === 'NETWORK_NOT_FOUND'
  ) {
    throw err;
  }
  return {
    status,
    state: {
      errors: err.fields,
      message: err.fields ? null : req.ctx.t(ERRORS[err.code].message, err.params),
    },
  };
}
