import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  fromAcceptLanguage,
  type Language,
  type MessageKey,
  type Translate,
  translator,
} from '../../i18n/i18n.ts';
import { AppError, type ErrorCode, isAppError } from '../../shared/app-error.ts';
import { ANONYMOUS } from '../core/actor.ts';
import { appErrorFromDatabase } from '../db/db-errors.ts';
import { isApiPath } from './context.ts';
import { ERRORS } from './errors.ts';
import { NOT_FINITE } from './validation.ts';

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

const FIELD_KEYS: Record<string, MessageKey> = {
  required: 'field.required',
  minLength: 'field.tooShort',
  maxLength: 'field.tooLong',
  format: 'field.invalid',
  enum: 'field.choose',
  anyOf: 'field.choose',
  const: 'field.choose',
  type: 'field.invalid',
  pattern: 'field.invalid',
  minimum: 'field.range',
  maximum: 'field.range',
  [NOT_FINITE]: 'field.range',
  additionalProperties: 'field.unknown',
};

/** Schema failures of the JSON API, each named by its path and a translated message. */
function apiFieldErrors(t: Translate, issues: ValidationIssue[], context: string | undefined) {
  return issues.map((i) => {
    const missing = i.keyword === 'required' ? `/${String(i.params.missingProperty)}` : '';
    const extra =
      i.keyword === 'additionalProperties' ? `/${String(i.params.additionalProperty)}` : '';
    const limit = Number(i.params.limit);
    return {
      in: context ?? 'body',
      path: i.instancePath + missing + extra || '/',
      message: t(FIELD_KEYS[i.keyword] ?? 'field.invalid', { min: limit, max: limit }),
    };
  });
}

function fastifyCode(e: FastifyError): ErrorCode | null {
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'PAYLOAD_TOO_LARGE';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'VALIDATION_FAILED';
    default:
      return e.statusCode === 404
        ? 'NOT_FOUND'
        : e.statusCode && e.statusCode < 500
          ? 'VALIDATION_FAILED'
          : null;
  }
}

/** Errors raised before the request context exists (a malformed URL) still get one. */
function ensureContext(req: FastifyRequest): void {
  if (req.ctx) return;
  const lang = fromAcceptLanguage(req.headers['accept-language']) ?? 'en';
  req.ctx = {
    actor: ANONYMOUS,
    lang,
    t: translator(lang),
    csrf: '',
    isApi: isApiPath(req.url),
    path: req.url,
  };
}

/** An error as the JSON API answers it: `{ error: { code, message, fields? } }`. */
export function errorJson(t: Translate, err: AppError) {
  const fields = err.fields
    ? Object.entries(err.fields).map(([name, f]) => ({
        in: f.in ?? 'body',
        path: f.path ?? `/${name}`,
        message: t(f.key as MessageKey, f.params),
      }))
    : undefined;
  return {
    error: {
      code: err.code,
      message: t(ERRORS[err.code].message, err.params),
      ...(fields ? { fields } : {}),
    },
  };
}

/**
 * How an error becomes a page. The pages live above http (pages/error-page.tsx), so app.ts
 * hands them in: `send` answers a request, `html` is the whole document for an answer that
 * goes straight to the socket (no request was made of it).
 */
export interface ErrorPages {
  send(req: FastifyRequest, reply: FastifyReply, err: AppError, status: number): FastifyReply;
  html(ctx: { t: Translate; lang: Language }, err: AppError): string;
}

export function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  err: AppError,
  pages: ErrorPages,
): FastifyReply {
  ensureContext(req);
  const { status } = ERRORS[err.code];
  if ((err.code === 'RATE_LIMITED' || err.code === 'INTAKE_LIMITED') && err.params.minutes)
    reply.header('Retry-After', Number(err.params.minutes) * 60);
  if (req.ctx.isApi) return reply.code(status).send(errorJson(req.ctx.t, err));
  return pages.send(req, reply, err, status);
}

/**
 * Every error ends here: a known code gets its status and translated message, as JSON under
 * /api and as a page elsewhere; anything else is logged and shown as a plain, translated 500
 * with no stack trace.
 */
export function registerErrorHandler(app: FastifyInstance, pages: ErrorPages): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (isAppError(error)) return sendError(req, reply, error, pages);
    if (error.validation && req.ctx?.isApi) {
      const t = req.ctx.t;
      return reply.code(400).send({
        error: {
          code: 'VALIDATION_FAILED',
          message: t('error.validation'),
          fields: apiFieldErrors(
            t,
            error.validation as unknown as ValidationIssue[],
            error.validationContext,
          ),
        },
      });
    }
    const known = fastifyCode(error);
    if (known) return sendError(req, reply, new AppError(known), pages);
    // A check a service lacks, refused by the database: the sender's mistake, in our words.
    const refused = appErrorFromDatabase(error);
    if (refused) {
      req.log.warn({ err: error }, 'the database refused what was sent');
      return sendError(req, reply, refused, pages);
    }
    req.log.error({ err: error }, 'unhandled error');
    return sendError(req, reply, new AppError('INTERNAL'), pages);
  });

  app.setNotFoundHandler((req, reply) => sendError(req, reply, new AppError('NOT_FOUND'), pages));
}
