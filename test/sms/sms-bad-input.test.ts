import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { en } from '../../src/i18n/en.ts';
import { es } from '../../src/i18n/es.ts';
import { webhookSignature } from '../../src/server/delivery/sms-gateway.ts';
import { drainOutbox } from '../../src/server/outbox/outbox.worker.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { makeNetwork } from '../helpers/factories.ts';
import { addArea } from '../helpers/requests.ts';
import { SMS_NUMBER, SMS_TOKEN, startSmsGateway, textIn } from '../helpers/sms-gateway.ts';

/** 5,000 letters and digits, the same every run (a small linear congruential generator). */
function longPayload(length = 5000): string {
  const chars = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
  let x = 12345;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out += chars[x % chars.length];
  }
  return out;
}

/** True when `reply` repeats more than `run` characters of `payload` in a row. */
function echoes(reply: string, payload: string, run = 11): boolean {
  const flat = reply.toUpperCase().replace(/[^A-Z0-9]/g, '');
  for (let i = 0; i + run <= payload.length; i++)
    if (flat.includes(payload.slice(i, i + run))) return true;
  return false;
}

type ErrorBody = {
  error: {
    code: string;
    message: string;
    fields?: { in: string; path: string; message: string }[];
  };
};

describe(`SMS: what a text can make us send back, and the webhook's refusals (${DIALECT})`, () => {
  let ctx: TestContext;
  let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
  const payload = longPayload();
  let phones = 0;
  const nextPhone = () => `+1555040${String(++phones).padStart(4, '0')}`;

  before(async () => {
    gateway = await startSmsGateway();
    ctx = await createTestContext({ env: gateway.env });
    const one = await makeNetwork(ctx, { name: 'Riverside Mutual Aid' });
    await addArea(ctx, one.network, 'Old Town');
  });
  after(async () => {
    await ctx.close();
    await gateway.close();
  });

  const converse = async (from: string, body: string) => {
    const before = gateway.to(from).length;
    const res = await textIn(ctx.app, ctx.config.baseUrl, { from, body });
    assert.equal(res.statusCode, 200, res.body);
    await drainOutbox(ctx.deps);
    return gateway
      .to(from)
      .slice(before)
      .map((m) => m.body);
  };

  it('STATUS with 5,000 characters: a short, generic reply that repeats none of them', async () => {
    const [reply] = await converse(nextPhone(), `STATUS ${payload}`);
    assert.equal(reply, en['sms.unknownCodeAny']);
    const [spaced] = await converse(nextPhone(), `ESTADO ${payload.match(/.{1,7}/g)!.join(' ')}`);
    assert.equal(spaced, es['sms.unknownCodeAny']);
  });

  it('a short code with a typo is still repeated, so the person sees what they sent', async () => {
    const [reply] = await converse(nextPhone(), 'status k7m 4q');
    assert.equal(reply, en['sms.unknownCode'].replace('{code}', 'K7M4Q'));
    const [full] = await converse(nextPhone(), 'STATUS K7M-4QP');
    assert.equal(full, en['sms.unknownCode'].replace('{code}', 'K7M-4QP'));
  });

  it('no keyword, in any language or step of a conversation, repeats a long text back', async () => {
    // With a second network on the shared number, HELP asks which one: that reply too.
    await makeNetwork(ctx, { name: 'Eastside' });
    const bodies = [
      ...['STATUS', 'ESTADO', 'YES', 'SI', 'sí'].flatMap((kw) => [
        `${kw} ${payload}`,
        `${kw} ${payload.slice(0, 11)}`,
        `${kw}-${payload}`,
      ]),
      ...['HELP', 'AYUDA'].flatMap((kw) => [
        `${kw} ${payload}`,
        `${kw}${'!'.repeat(3000)}${payload}`,
        `${kw}${'!?'.repeat(2000)}`,
        `${kw} x ${payload}`,
      ]),
      `START ${payload}`,
      `STOP ${payload}`,
      payload,
      `${payload} ${payload}`,
    ];
    const replies: string[] = [];
    for (const body of bodies) replies.push(...(await converse(nextPhone(), body)));
    // And inside a conversation: the answer to "what do you need?" and "where are you?".
    for (const lang of ['HELP riverside', 'AYUDA riverside']) {
      const phone = nextPhone();
      const network = (await ctx.db.selectFrom('networks').select('slug').execute()).find((n) =>
        n.slug.includes('net-'),
      );
      replies.push(...(await converse(phone, lang.replace('riverside', network!.slug))));
      replies.push(...(await converse(phone, payload)));
      replies.push(...(await converse(phone, '1')));
      replies.push(...(await converse(phone, payload)));
    }
    assert.ok(replies.length >= bodies.length, `${replies.length} replies`);
    for (const r of replies) {
      assert.ok(!echoes(r, payload), `a reply repeats the text: ${r.slice(0, 120)}…`);
      // The longest replies we write ourselves (the list of categories, in Spanish, after
      // "we did not understand") are about 330 characters; 5,000 typed must not make more.
      assert.ok(r.length <= 480, `a reply of ${r.length} characters: ${r.slice(0, 120)}…`);
    }
  });

  describe("the webhook's refusals are in the app's error format, translated", () => {
    const path = '/webhooks/sms';
    const signedPost = (
      params: Record<string, string>,
      headers: Record<string, string> = {},
      signature = webhookSignature(SMS_TOKEN, ctx.config.baseUrl + path, params),
    ) =>
      ctx.app.inject({
        method: 'POST',
        url: path,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': signature,
          ...headers,
        },
        payload: new URLSearchParams(params).toString(),
      });

    it('a bad signature: 403 SIGNATURE_INVALID, in the caller’s language', async () => {
      const params = { MessageSid: 'SM1', From: nextPhone(), To: SMS_NUMBER, Body: 'HELP' };
      const res = await signedPost(params, { 'accept-language': 'es' }, 'bm90IGEgc2lnbmF0dXJl');
      assert.equal(res.statusCode, 403);
      assert.match(String(res.headers['content-type']), /application\/json/);
      const body = res.json() as ErrorBody;
      assert.deepEqual(body, {
        error: { code: 'SIGNATURE_INVALID', message: es['error.signatureInvalid'] },
      });
    });

    it('a signed text without its fields: 400 VALIDATION_FAILED, naming each', async () => {
      const res = await signedPost({ From: nextPhone(), To: '' });
      assert.equal(res.statusCode, 400);
      const body = res.json() as ErrorBody;
      assert.equal(body.error.code, 'VALIDATION_FAILED');
      assert.equal(body.error.message, en['error.validation']);
      assert.deepEqual(
        body.error.fields?.map((f) => f.path),
        ['/MessageSid', '/To', '/Body'],
      );
      for (const f of body.error.fields ?? []) assert.equal(f.message, en['field.required']);
    });

    it('an empty Body (a picture only) is still a text, answered with the usual reminder', async () => {
      const from = nextPhone();
      const res = await signedPost({
        MessageSid: 'SMpicture',
        From: from,
        To: SMS_NUMBER,
        Body: '',
      });
      assert.equal(res.statusCode, 200, res.body);
      await drainOutbox(ctx.deps);
      assert.equal(gateway.to(from).length, 1);
    });

    it('with no SMS gateway set up: 404 in the same format', async () => {
      const bare = await createTestContext();
      try {
        const res = await bare.app.inject({
          method: 'POST',
          url: path,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: 'From=%2B15550000000&Body=HELP',
        });
        assert.equal(res.statusCode, 404);
        assert.deepEqual(res.json(), {
          error: { code: 'NOT_FOUND', message: en['error.notFound'] },
        });
      } finally {
        await bare.close();
      }
    });
  });
});
