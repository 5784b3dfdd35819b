import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createTestContext, type TestContext } from '../helpers/context.ts';

/** Sends raw bytes to the server and reads the whole answer (it closes the connection). */
function raw(
  port: number,
  request: string,
): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (c: string) => {
      data += c;
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', ...rest] = data.split('\r\n\r\n');
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0),
        headers: head.toLowerCase(),
        body: rest.join('\r\n\r\n'),
      });
    });
    socket.end(request);
  });
}

/**
 * Errors raised before a request reaches a route (a path that is not valid percent-encoding,
 * headers too large or a request Node cannot parse) answer like every other error: with the
 * security headers, as JSON in the app's shape under /api and as a translated page elsewhere.
 */
describe('errors before routing', () => {
  let ctx: TestContext;
  let port: number;
  before(async () => {
    ctx = await createTestContext();
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    port = (ctx.app.server.address() as { port: number }).port;
  });
  after(() => ctx.close());

  it('a path that is not valid percent-encoding: translated page or app JSON, with the headers', async () => {
    const page = await ctx.app.inject({ url: '/n/%ff', headers: { 'accept-language': 'es' } });
    assert.equal(page.statusCode, 400);
    assert.match(String(page.headers['content-security-policy']), /default-src 'self'/);
    assert.equal(page.headers['x-frame-options'], 'DENY');
    assert.match(page.body, /<html lang="es"/);
    const api = await ctx.app.inject({ url: '/api/v1/networks/%ff' });
    assert.equal(api.statusCode, 400);
    assert.match(String(api.headers['content-security-policy']), /default-src 'self'/);
    assert.equal((api.json() as { error: { code: string } }).error.code, 'VALIDATION_FAILED');
  });

  it('a 60 KB header is a 431 in the app format, with the security headers', async () => {
    const big = 'a'.repeat(60_000);
    const page = await raw(
      port,
      `GET /n/riverside HTTP/1.1\r\nHost: x\r\nAccept-Language: es\r\nX-Big: ${big}\r\n\r\n`,
    );
    assert.equal(page.status, 431);
    assert.match(page.headers, /content-security-policy: default-src 'self'/);
    assert.match(page.headers, /x-content-type-options: nosniff/);
    assert.match(page.headers, /content-type: text\/html/);
    assert.match(page.body, /<html lang="es"/);
    assert.match(page.body, /cookies/i);

    const api = await raw(port, `GET /api/v1/me HTTP/1.1\r\nHost: x\r\nX-Big: ${big}\r\n\r\n`);
    assert.equal(api.status, 431);
    assert.match(api.headers, /content-security-policy: /);
    const body = JSON.parse(api.body) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'HEADERS_TOO_LARGE');
    assert.ok(body.error.message.length > 10);
  });

  it('a request Node cannot parse is a 400 in the app format, with the security headers', async () => {
    const res = await raw(port, 'GET /n/x HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n');
    assert.equal(res.status, 400);
    assert.match(res.headers, /content-security-policy: /);
    assert.match(res.body, /<html lang="en"/);
  });
});
