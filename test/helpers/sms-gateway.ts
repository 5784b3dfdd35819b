import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '../../src/server/app.ts';
import { webhookSignature } from '../../src/server/delivery/sms-gateway.ts';

export const SMS_ACCOUNT = 'AC_test_account';
export const SMS_TOKEN = 'test-auth-token-for-webhooks';
export const SMS_NUMBER = '+15550001000';

export interface GatewayMessage {
  to: string;
  from: string;
  body: string;
  token: string;
  sid: string;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export interface GatewayOptions {
  /** How long the gateway takes to answer a send it has accepted (0: at once). */
  delayMs?: number;
  /**
   * When given, that delay passes on this clock (it is advanced by `delayMs`) while the
   * answer waits only a moment of real time: a test can have a gateway "take 7 s" on the app's
   * clock, so leases run out as they would, without waiting 7 s per text.
   */
  clock?: { advance(ms: number): void };
}

/** Waits `ms` (on the given test clock, with a short real pause so others run meanwhile). */
export async function slowDown(ms: number, clock?: { advance(ms: number): void }): Promise<void> {
  if (ms <= 0) return;
  if (!clock) return new Promise((resolve) => setTimeout(resolve, ms));
  clock.advance(ms);
  await new Promise((resolve) => setTimeout(resolve, 5));
}

/**
 * A local SMS gateway speaking Twilio's Messages API over real HTTP: checks the account and
 * Basic credentials, answers 201 with a sid, and keeps every request it received (`received`,
 * repeats included) and each message once per idempotency token (`messages`), as Twilio does.
 * `failNext(n, status)` makes the next n sends fail; `delayMs` (or `setDelay`) makes it slow:
 * it accepts the text at once and answers after the delay, as a loaded gateway does.
 */
export async function startSmsGateway(opts: GatewayOptions = {}) {
  let delayMs = opts.delayMs ?? 0;
  const received: GatewayMessage[] = [];
  const messages: GatewayMessage[] = [];
  const byToken = new Map<string, GatewayMessage>();
  let failures: { left: number; status: number } = { left: 0, status: 500 };
  const expectedAuth = `Basic ${Buffer.from(`${SMS_ACCOUNT}:${SMS_TOKEN}`).toString('base64')}`;
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const send = (status: number, json: object) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    if (req.method !== 'POST' || req.url !== `/2010-04-01/Accounts/${SMS_ACCOUNT}/Messages.json`)
      return send(404, { code: 20404, message: 'The requested resource was not found' });
    if (req.headers.authorization !== expectedAuth)
      return send(401, { code: 20003, message: 'Authenticate' });
    if (failures.left > 0) {
      failures.left--;
      return send(failures.status, { code: 30001, message: 'Queue overflow' });
    }
    const form = new URLSearchParams(body);
    const token = String(req.headers['i-twilio-idempotency-token'] ?? '');
    const m: GatewayMessage = {
      to: form.get('To') ?? '',
      from: form.get('From') ?? '',
      body: form.get('Body') ?? '',
      token,
      sid: `SM${received.length.toString(16).padStart(32, '0')}`,
    };
    if (!/^\+[1-9]\d{6,14}$/.test(m.to))
      return send(400, {
        code: 21211,
        message: `The 'To' number ${m.to} is not a valid phone number.`,
      });
    received.push(m);
    await slowDown(delayMs, opts.clock);
    const earlier = token ? byToken.get(token) : undefined;
    if (earlier) return send(201, { sid: earlier.sid, status: 'queued' });
    if (token) byToken.set(token, m);
    messages.push(m);
    send(201, { sid: m.sid, status: 'queued' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    env: {
      SMS_GATEWAY_URL: `http://127.0.0.1:${port}`,
      SMS_ACCOUNT_SID: SMS_ACCOUNT,
      SMS_AUTH_TOKEN: SMS_TOKEN,
      SMS_FROM: SMS_NUMBER,
    },
    received,
    messages,
    to: (phone: string) => messages.filter((m) => m.to === phone),
    failNext(n: number, status = 500) {
      failures = { left: n, status };
    },
    setDelay(ms: number) {
      delayMs = ms;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A text from a neighbour, as the gateway posts it to our webhook: form-encoded, signed with
 * the auth token over the public URL (BASE_URL + path) and the parameters.
 */
export async function textIn(
  app: App,
  baseUrl: string,
  msg: { from: string; body: string; to?: string },
  opts: { signature?: string } = {},
) {
  const path = '/webhooks/sms';
  const params: Record<string, string> = {
    MessageSid: `SM${Math.random().toString(16).slice(2).padEnd(32, '0')}`,
    AccountSid: SMS_ACCOUNT,
    From: msg.from,
    To: msg.to ?? SMS_NUMBER,
    Body: msg.body,
    NumMedia: '0',
  };
  return app.inject({
    method: 'POST',
    url: path,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': opts.signature ?? webhookSignature(SMS_TOKEN, baseUrl + path, params),
    },
    payload: new URLSearchParams(params).toString(),
  });
}
