import type { FastifyInstance } from 'fastify';
import { MAX_XLSFORM_BYTES } from '../../domain/surveys/xlsform/workbook.ts';

/**
 * The one upload of the app (an XLSForm .xlsx) comes as multipart/form-data, the only way a
 * browser sends a file without JavaScript. The body is taken whole (at most the file's cap
 * plus room for the other fields) and split here: text fields become strings, the file a
 * Uint8Array under its field name. Registered only inside the upload route's plugin.
 */
const MULTIPART_LIMIT = MAX_XLSFORM_BYTES + 64 * 1024;

export function parseMultipart(body: Buffer, contentType: string): Record<string, unknown> {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) return {};
  const delimiter = Buffer.from(`--${boundary}`);
  const out: Record<string, unknown> = {};
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const from = start + delimiter.length;
    const next = body.indexOf(delimiter, from);
    if (next < 0) break;
    // Each part: CRLF, headers, CRLF CRLF, content, CRLF before the next delimiter.
    const part = body.subarray(from + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    if (split > 0) {
      const headers = part.subarray(0, split).toString('utf8');
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      const content = part.subarray(split + 4);
      if (name && /filename="/i.test(headers)) out[name] = new Uint8Array(content);
      else if (name) out[name] = content.toString('utf8');
    }
    start = next;
  }
  return out;
}

export function acceptMultipart(app: FastifyInstance): void {
  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer', bodyLimit: MULTIPART_LIMIT },
    (req, body, done) => {
      done(null, parseMultipart(body as Buffer, String(req.headers['content-type'] ?? '')));
    },
  );
}
