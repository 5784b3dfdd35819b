import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chooseEncoding } from '../../src/server/http/compression.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { makeNetwork } from '../helpers/factories.ts';

/**
 * Responses compressed by the app (issue 12): the same bytes come back after decompressing,
 * brotli is preferred, q=0 is honoured, small and binary answers pass as they are, and every
 * form's CSRF token is masked afresh so that two compressed pages do not share it (BREACH).
 */
describe('compression', () => {
  let ctx: TestContext;
  let path: string;

  before(async () => {
    ctx = await createTestContext();
    const net = await makeNetwork(ctx);
    path = `/n/${net.network.slug}/ask`;
  });
  after(() => ctx.close());

  const get = (url: string, encoding?: string) =>
    ctx.app.inject({
      method: 'GET',
      url,
      headers: encoding === undefined ? {} : { 'accept-encoding': encoding },
    });

  it('chooses brotli, then gzip, and honours q=0 and *', () => {
    assert.equal(chooseEncoding(undefined), 'identity');
    assert.equal(chooseEncoding('gzip, deflate, br'), 'br');
    assert.equal(chooseEncoding('gzip'), 'gzip');
    assert.equal(chooseEncoding('br;q=0, gzip;q=0.5'), 'gzip');
    assert.equal(chooseEncoding('*'), 'br');
    assert.equal(chooseEncoding('*;q=0'), 'identity');
    assert.equal(chooseEncoding('identity'), 'identity');
    assert.equal(chooseEncoding('br;q=nonsense, gzip'), 'gzip');
  });

  it('sends the ask page in brotli or gzip that decompresses to the page, with Vary', async () => {
    const plain = await get(path);
    assert.equal(plain.statusCode, 200);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.match(String(plain.headers.vary), /Accept-Encoding/i);
    const plainBytes = plain.rawPayload.length;

    const br = await get(path, 'gzip, deflate, br');
    assert.equal(br.headers['content-encoding'], 'br');
    const brHtml = brotliDecompressSync(br.rawPayload).toString('utf8');
    assert.match(brHtml, /<h1/);
    assert.ok(br.rawPayload.length < plainBytes / 2, `${br.rawPayload.length} of ${plainBytes}`);

    const gz = await get(path, 'gzip');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    const gzHtml = gunzipSync(gz.rawPayload).toString('utf8');
    // The pages differ only in their masked CSRF tokens and the form's one-time token.
    const unmasked = (html: string) => html.replace(/name="(_csrf|once)" value="[^"]*"/g, '');
    assert.equal(unmasked(gzHtml), unmasked(brHtml));
    assert.equal(unmasked(gzHtml), unmasked(plain.body));
    console.log(
      `ask page: ${plainBytes} B plain, ${gz.rawPayload.length} B gzip, ${br.rawPayload.length} B brotli`,
    );
  });

  it('masks the CSRF token afresh on every page', async () => {
    const tokens = async () => {
      const res = await get(path, 'br');
      const html = brotliDecompressSync(res.rawPayload).toString('utf8');
      return [...html.matchAll(/name="_csrf" value="([^"]*)"/g)].map((m) => m[1]);
    };
    const [a, b] = [await tokens(), await tokens()];
    assert.ok(a.length > 0);
    assert.notDeepEqual(a, b);
  });

  it('leaves small answers and what is not text as they are', async () => {
    const health = await get('/healthz', 'br');
    assert.equal(health.statusCode, 200);
    assert.equal(health.headers['content-encoding'], undefined);
    const refused = await get('/n/no-such-network/ask', 'identity');
    assert.equal(refused.headers['content-encoding'], undefined);
  });
});
