import { renderToString } from 'preact-render-to-string';
import { direction, type Language, type Translate } from '../../i18n/i18n.ts';

export interface EmailContent {
  title: string;
  /** Plain text; blank lines separate paragraphs. */
  text: string;
  /** An absolute link, shown as a button in HTML and on its own line in text. */
  link?: string | null | undefined;
  linkLabel?: string | undefined;
}

/**
 * One email in HTML and plain text, in the reader's language, with a footer saying why it
 * came and where to change that. Inline styles only: mail clients drop style sheets.
 */
export function renderEmail(
  t: Translate,
  lang: Language,
  content: EmailContent,
  prefsUrl: string,
): { subject: string; text: string; html: string } {
  const paragraphs = content.text.split(/\n{2,}/);
  const footer = t('mail.footer', { link: prefsUrl });
  const html = `<!doctype html>${renderToString(
    <html lang={lang} dir={direction(lang)}>
      <head>
        <meta charset="utf-8" />
        <title>{content.title}</title>
      </head>
      <body style="font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1b1b1b">
        <h1 style="font-size:20px">{content.title}</h1>
        {paragraphs.map((p) => (
          <p style="white-space:pre-line">{p}</p>
        ))}
        {content.link && (
          <p>
            <a
              href={content.link}
              style="display:inline-block;padding:10px 16px;background:#14532d;color:#fff;text-decoration:none;border-radius:4px"
            >
              {content.linkLabel ?? content.link}
            </a>
          </p>
        )}
        <hr />
        <p style="font-size:13px;color:#555">{footer}</p>
      </body>
    </html>,
  )}`;
  const text = [
    content.title,
    '',
    content.text,
    ...(content.link ? ['', content.link] : []),
    '',
    '--',
    footer,
  ].join('\n');
  return { subject: content.title, text, html };
}
