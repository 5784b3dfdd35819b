import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SmsConfig } from '../../config.ts';

export interface Sms {
  to: string;
  body: string;
  /** Sent as I-Twilio-Idempotency-Token: a retried send is not delivered twice by the gateway. */
  idempotencyKey: string;
  /** Our own number for this network, when it has one; else SMS_FROM. */
  from?: string | null | undefined;
  /** Aborts the request (the outbox's deadline for one send), besides the sender's own timeout. */
  signal?: AbortSignal | undefined;
}

export interface SmsSender {
  /** True when texts really leave the machine (SMS_GATEWAY_URL is set). */
  readonly enabled: boolean;
  /** Sends one text; resolves to the gateway's id for it, throws SmsError when refused. */
  send(sms: Sms): Promise<string>;
}

export class SmsError extends Error {
  constructor(
    message: string,
    /** False when trying again cannot help (a bad number, say). */
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'SmsError';
  }
}

/**
 * Twilio's Messages resource, which most SMS gateways copy: a form-encoded POST to
 * `/2010-04-01/Accounts/{AccountSid}/Messages.json` with HTTP Basic authentication,
 * answered by JSON carrying the message `sid` (or `code` and `message` on refusal).
 */
export function twilioSender(config: SmsConfig, timeoutMs = 10_000): SmsSender {
  const url = `${config.gatewayUrl}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const auth = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
  return {
    enabled: true,
    async send(sms) {
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: {
            authorization: auth,
            'content-type': 'application/x-www-form-urlencoded',
            'i-twilio-idempotency-token': sms.idempotencyKey,
          },
          body: new URLSearchParams({ To: sms.to, From: sms.from || config.from, Body: sms.body }),
          signal: sms.signal
            ? AbortSignal.any([sms.signal, AbortSignal.timeout(timeoutMs)])
            : AbortSignal.timeout(timeoutMs),
        });
      } catch (e) {
        throw new SmsError(`gateway unreachable: ${e instanceof Error ? e.message : e}`, true);
      }
      const text = await res.text();
      let json: { sid?: unknown; message?: unknown; code?: unknown } = {};
      try {
        json = JSON.parse(text) as typeof json;
      } catch {
        // Not JSON: the status says enough.
      }
      if (!res.ok || typeof json.sid !== 'string') {
        const why = typeof json.message === 'string' ? json.message : text.slice(0, 200);
        // 4xx other than 429 is a refusal of this message (bad number, blocked): do not retry.
        const retryable = res.status >= 500 || res.status === 429 || res.ok;
        throw new SmsError(`gateway answered ${res.status}: ${why}`, retryable);
      }
      return json.sid;
    },
  };
}

/** Without SMS_GATEWAY_URL: nothing is sent, and the outbox keeps the message as failed. */
export const disabledSms: SmsSender = {
  enabled: false,
  async send() {
    throw new SmsError('SMS is not configured (SMS_GATEWAY_URL is not set)', false);
  },
};

/**
 * The signature a Twilio-style gateway puts on its webhooks (X-Twilio-Signature): base64 of
 * HMAC-SHA1, keyed with the auth token, over the full URL followed by every POST parameter's
 * name and value, sorted by name.
 */
export function webhookSignature(
  authToken: string,
  url: string,
  params: Record<string, string>,
): string {
  const data =
    url +
    Object.keys(params)
      .sort()
      .map((k) => k + params[k])
      .join('');
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

export function validWebhookSignature(
  authToken: string,
  url: string,
  params: Record<string, string>,
  signature: string | undefined,
): boolean {
  if (!signature) return false;
  const expected = Buffer.from(webhookSignature(authToken, url, params));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
