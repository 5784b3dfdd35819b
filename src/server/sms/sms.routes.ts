import type { FastifyInstance } from 'fastify';
import { AppError } from '../../shared/app-error.ts';
import type { Deps } from '../core/deps.ts';
import { validWebhookSignature } from '../delivery/sms-gateway.ts';
import { handleInboundSms } from './sms-inbound.service.ts';

/** Where the SMS gateway posts incoming texts (set it as the number's webhook, HTTP POST). */
export const SMS_WEBHOOK_PATH = '/webhooks/sms';

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/** What every text the gateway posts must carry. */
const REQUIRED = ['MessageSid', 'From', 'To', 'Body'] as const;

/**
 * The gateway's webhook: form-encoded like Twilio's, signed with X-Twilio-Signature over the
 * public URL (BASE_URL + path) and the parameters. A bad or missing signature is refused
 * (403) before anything is read. Replies are sent through the outbox, so the answer here is
 * an empty TwiML document. Refusals are AppErrors, so they come in the API's one error shape
 * (`{ error: { code, message, fields? } }`, translated) like every other machine path.
 */
export function registerSmsRoutes(app: FastifyInstance, deps: Deps): void {
  app.post<{ Body: Record<string, string> }>(SMS_WEBHOOK_PATH, async (req, reply) => {
    const sms = deps.config.sms;
    if (!sms) throw new AppError('NOT_FOUND');
    const params: Record<string, string> = {};
    const body: unknown = req.body;
    if (body && typeof body === 'object' && !Array.isArray(body))
      for (const [k, v] of Object.entries(body)) params[k] = String(v);
    const signature = req.headers['x-twilio-signature'];
    const url = deps.config.baseUrl + SMS_WEBHOOK_PATH;
    if (
      !validWebhookSignature(
        sms.authToken,
        url,
        params,
        typeof signature === 'string' ? signature : undefined,
      )
    ) {
      req.log.warn('SMS webhook with a bad signature refused');
      throw new AppError('SIGNATURE_INVALID');
    }
    // An empty Body is a text with only a picture in it: still a text to answer.
    const missing = REQUIRED.filter(
      (name) => params[name] === undefined || (name !== 'Body' && params[name] === ''),
    );
    if (missing.length > 0)
      throw new AppError(
        'VALIDATION_FAILED',
        {},
        Object.fromEntries(missing.map((name) => [name, { key: 'field.required' }])),
      );
    const { MessageSid, From, To, Body } = params as Record<(typeof REQUIRED)[number], string>;
    await handleInboundSms(deps, { sid: MessageSid, from: From, to: To, body: Body });
    return reply.code(200).type('text/xml').send(EMPTY_TWIML);
  });
}
