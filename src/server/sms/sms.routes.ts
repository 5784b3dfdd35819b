import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { validWebhookSignature } from '../delivery/sms-gateway.ts';
import { handleInboundSms } from './sms-inbound.service.ts';

/** Where the SMS gateway posts incoming texts (set it as the number's webhook, HTTP POST). */
export const SMS_WEBHOOK_PATH = '/webhooks/sms';

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/**
 * The gateway's webhook: form-encoded like Twilio's, signed with X-Twilio-Signature over the
 * public URL (BASE_URL + path) and the parameters. A bad or missing signature is refused
 * (403) before anything is read. Replies are sent through the outbox, so the answer here is
 * an empty TwiML document.
 */
export function registerSmsRoutes(app: FastifyInstance, deps: Deps): void {
  app.post<{ Body: Record<string, string> }>(SMS_WEBHOOK_PATH, async (req, reply) => {
    const sms = deps.config.sms;
    if (!sms) return reply.code(404).send({ error: 'SMS is not configured' });
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.body ?? {})) params[k] = String(v);
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
      return reply.code(403).send({ error: 'bad signature' });
    }
    const { MessageSid, From, To, Body } = params;
    if (!MessageSid || !From || !To || Body === undefined)
      return reply.code(400).send({ error: 'MessageSid, From, To and Body are required' });
    await handleInboundSms(deps, { sid: MessageSid, from: From, to: To, body: Body });
    return reply.code(200).type('text/xml').send(EMPTY_TWIML);
  });
}
