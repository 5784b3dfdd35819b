import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
  /** A stable Message-ID, so a repeat of the same message can be recognised. */
  messageId?: string | undefined;
  /**
   * Ends the SMTP conversation when aborted (the outbox's deadline for one send). Cut before
   * the end of DATA, the server drops the mail: SMTP delivers nothing half-sent.
   */
  signal?: AbortSignal | undefined;
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
      const { messageId, signal, ...rest } = mail;
      await transport.sendMail({
        from,
        ...rest,
        ...(messageId ? { messageId } : {}),
        ...(signal ? { signal } : {}),
      });
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

/**
 * The demo's mailer (MUTUA_DEMO without SMTP_URL): every email is printed to the console
 * instead of sent, so that someone exploring the demo can follow a sign-up or reset link.
 * Never used outside the demo: the console is no place for people's messages.
 */
export function consoleMailer(print: (text: string) => void): Mailer {
  return {
    enabled: true,
    async send(mail) {
      print(`\n--- demo email to ${mail.to}: ${mail.subject}\n${mail.text}\n---\n`);
    },
  };
}
