import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyInstance } from 'fastify';

/**
 * Responses compressed by the app (issue 12), so a page stays light on a slow phone line even
 * where no proxy in front does it: brotli when the browser takes it, else gzip, for text
 * (HTML, CSS, JavaScript, JSON, SVG, CSV, iCalendar) above 1 KB. Below that the frame costs
 * more than it saves. A body that is already encoded, or a stream (a PDF, a backup), passes as
 * it is. Pages carry a CSRF token, so compression opens the BREACH side channel; every form's
 * token is masked afresh (`shared/secrets.ts#maskToken`), which closes it (ADR 0016).
 */
const MIN_BYTES = 1024;
const COMPRESSIBLE =
  /^(text\/|application\/(json|javascript|geo\+json|xml|problem\+json)|image\/svg\+xml)/i;
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

export type Encoding = 'br' | 'gzip' | 'identity';

/** The encoding to use for an Accept-Encoding header: brotli, then gzip, honouring q=0. */
export function chooseEncoding(header: string | undefined): Encoding {
  if (!header) return 'identity';
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    let weight = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*(.*?)\s*$/.exec(p);
      // A weight that is not a number is not a yes.
      if (m) weight = /^[0-9.]+$/.test(m[1] ?? '') ? Number(m[1]) : 0;
    }
    q.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const star = q.get('*');
  const weightOf = (name: string) => q.get(name) ?? star ?? 0;
  if (weightOf('br') > 0) return 'br';
  if (weightOf('gzip') > 0) return 'gzip';
  return 'identity';
}

export async function compressBody(body: Buffer, encoding: 'br' | 'gzip'): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 5,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gz(body, { level: 6 });
}

function addVary(current: unknown): string {
  const values = String(current ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (!values.some((v) => v.toLowerCase() === 'accept-encoding' || v === '*'))
    values.push('Accept-Encoding');
  return values.join(', ');
}

export function registerCompression(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.hasHeader('content-encoding')) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!COMPRESSIBLE.test(type)) return payload;
    reply.header('vary', addVary(reply.getHeader('vary')));
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    if (body.length < MIN_BYTES) return payload;
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    if (encoding === 'identity') return payload;
    const compressed = await compressBody(body, encoding);
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    return compressed;
  });
}
