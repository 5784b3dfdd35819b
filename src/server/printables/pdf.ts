import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Language } from '../../i18n/i18n.ts';
import { dateFormat } from '../../shared/intl.ts';

/**
 * The PDF side of printables: documents with an embedded Unicode font, and their bytes.
 *
 * pdfkit's built-in fonts (Helvetica…) cover only WinAnsi: "ñ" survives, but Greek, Cyrillic
 * or a Turkish "ğ" would not. DejaVu Sans, shipped in the `dejavu-fonts-ttf` npm package (so
 * it is there wherever `npm ci` ran, not only on Debian), covers Latin with every accent,
 * Greek, Cyrillic, Armenian, Georgian and Hebrew letters, and Arabic letters (pdfkit does not
 * reorder right-to-left lines yet); not CJK, Devanagari or Ethiopic. pdfkit embeds only the
 * glyphs used, with a ToUnicode map, so a sheet stays small and its text can be copied and
 * searched.
 */
const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
} as const;
export type FontName = keyof typeof FONT_FILES;

let fonts: Record<FontName, Buffer> | null = null;
/** Read once (about 1 MB together), on the first print rather than at start-up. */
function fontData(): Record<FontName, Buffer> {
  fonts ??= {
    regular: readFileSync(require.resolve(FONT_FILES.regular)),
    bold: readFileSync(require.resolve(FONT_FILES.bold)),
  };
  return fonts;
}

/** A4 with 40 pt (14 mm) margins: inside what office and library printers can reach. */
export const MARGIN = 40;

export function newDocument(opts: {
  lang: Language;
  title: string;
  layout?: 'portrait' | 'landscape';
}): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    layout: opts.layout ?? 'portrait',
    margin: MARGIN,
    lang: opts.lang,
    // Pages stay in memory so "Page 2 of 3" can be written once the count is known.
    bufferPages: true,
    info: { Title: opts.title, Creator: 'Mutua' },
    displayTitle: true,
  });
  const data = fontData();
  doc.registerFont('regular', data.regular);
  doc.registerFont('bold', data.bold);
  doc.font('regular');
  return doc;
}

/** Ends the document and collects its bytes. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** A date of the form 2026-12-05 in words, in the sheet's language ("sábado, 5 de diciembre de 2026"). */
export function dateInWords(lang: Language, isoDate: string): string {
  return dateFormat(lang, { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}
