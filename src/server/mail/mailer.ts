import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  /** True when mail really leaves the machine (SMTP_URL is set). */
  readonly enabled: boolean;
  send(mail: Mail): Promise<void>;
}

/** Email over SMTP (SMTP_URL, for example smtp://user:pass@host:587). */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    enabled: true,
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
  };
}

/**
 * Without SMTP_URL nothing is sent. The subject is logged so an operator sees that mail was
 * due, never the body: it may hold a one-time link.
 */
export function disabledMailer(log: (msg: string) => void): Mailer {
  return {
    enabled: false,
    async send(mail) {
      log(`email not sent (SMTP_URL is not set): "${mail.subject}"`);
    },
  };
}
