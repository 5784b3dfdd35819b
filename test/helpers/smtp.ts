import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  subject: string;
  /** The text body, with quoted-printable soft line breaks undone. */
  text: string;
}

function decodeQuotedPrintable(s: string): string {
  return s
    .replace(/=\r?\n/g, '')
    .replace(/((?:=[0-9A-F]{2})+)/g, (m) =>
      Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8'),
    );
}

/** A real SMTP server in the test process: what Mutua sends arrives here over TCP. */
export async function startSmtp(): Promise<{
  url: string;
  inbox: ReceivedMail[];
  close(): Promise<void>;
}> {
  const inbox: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const [head = '', ...bodyParts] = raw.split(/\r?\n\r?\n/);
        const subjectLine = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(head)?.[1] ?? '';
        const subject = subjectLine
          .replace(/\r?\n[ \t]/g, ' ')
          .replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_m, q: string) =>
            decodeQuotedPrintable(q.replace(/_/g, ' ')),
          );
        const body = bodyParts.join('\n\n');
        inbox.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          subject,
          text: /quoted-printable/i.test(head) ? decodeQuotedPrintable(body) : body,
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    inbox,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
