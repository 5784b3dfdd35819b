import QRCode from 'qrcode';
import type { Language } from '../../i18n/i18n.ts';
import { MARGIN, newDocument, pdfBytes } from './pdf.ts';

/** What one language's part of the flyer says. */
export interface FlyerPart {
  lang: Language;
  network: string;
  heading: string;
  lead: string;
  scan: string;
  url: string;
  /** "Text AYUDA to +1…" and its hint, or null when the network has no SMS number. */
  sms: { line: string; hint: string } | null;
}

/**
 * The modules of the QR code for `url`: medium error correction (15 %) survives a folded or
 * rain-spotted noticeboard copy while keeping the code coarse enough for an old camera.
 */
export function qrMatrix(url: string): {
  size: number;
  dark: (row: number, col: number) => boolean;
} {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const { size, data } = qr.modules;
  return { size, dark: (row, col) => data[row * size + col] === 1 };
}

/** The quiet zone around the code, in modules: scanners need 4 (ISO/IEC 18004). */
const QUIET = 4;

/**
 * One PDF: the languages' parts stacked on one page (a cut line between them), or one page
 * each. The QR code is drawn as vector squares, sharp at any printer's resolution.
 */
export async function flyerPdf(opts: {
  title: string;
  parts: FlyerPart[];
  layout: 'sections' | 'pages';
}): Promise<Buffer> {
  const first = opts.parts[0]!;
  const doc = newDocument({ lang: first.lang, title: opts.title });
  const qr = qrMatrix(first.url);
  const width = doc.page.width - 2 * MARGIN;
  const height = doc.page.height - 2 * MARGIN;
  if (opts.layout === 'pages') {
    opts.parts.forEach((part, i) => {
      if (i > 0) doc.addPage();
      drawPart(doc, part, qr, { x: MARGIN, y: MARGIN, w: width, h: height });
    });
  } else {
    const band = height / opts.parts.length;
    opts.parts.forEach((part, i) => {
      const y = MARGIN + i * band;
      if (i > 0) {
        doc.save().lineWidth(0.5).dash(4, { space: 4 }).strokeColor('#777777');
        doc
          .moveTo(MARGIN, y)
          .lineTo(MARGIN + width, y)
          .stroke()
          .restore();
      }
      drawPart(doc, part, qr, { x: MARGIN, y: y + (i > 0 ? 16 : 0), w: width, h: band - 16 });
    });
  }
  return pdfBytes(doc);
}

function drawPart(
  doc: PDFKit.PDFDocument,
  part: FlyerPart,
  qr: ReturnType<typeof qrMatrix>,
  box: { x: number; y: number; w: number; h: number },
): void {
  // A whole page reads from across a corridor; half a page from arm's length.
  const big = box.h > 500;
  const size = {
    network: big ? 14 : 11,
    heading: big ? 44 : 28,
    lead: big ? 16 : 11.5,
    text: big ? 13 : 10,
    sms: big ? 22 : 15,
  };
  doc.fillColor('#000000');
  doc.font('bold').fontSize(size.network).text(part.network, box.x, box.y, { width: box.w });
  doc.font('bold').fontSize(size.heading).text(part.heading, { width: box.w });
  doc.font('regular').fontSize(size.lead).text(part.lead, { width: box.w });
  const top = doc.y + (big ? 24 : 12);
  // As large as the space left allows: a bigger code scans from further and with worse cameras.
  const qrSize = Math.max(100, Math.min(big ? 300 : 210, box.y + box.h - top));

  const cell = qrSize / (qr.size + 2 * QUIET);
  const origin = { x: box.x, y: top };
  for (let r = 0; r < qr.size; r++)
    for (let c = 0; c < qr.size; c++)
      if (qr.dark(r, c))
        doc.rect(origin.x + (c + QUIET) * cell, origin.y + (r + QUIET) * cell, cell, cell);
  doc.fill('#000000');

  const textX = box.x + qrSize + 12;
  const textW = box.w - qrSize - 12;
  doc
    .font('regular')
    .fontSize(size.text)
    .text(part.scan, textX, top + QUIET * cell, { width: textW });
  // The address on one line, smaller if it must be: a wrapped address gets typed wrong.
  doc.font('bold').fontSize(size.text);
  const fit = Math.max(7, Math.min(size.text, (size.text * textW) / doc.widthOfString(part.url)));
  doc.fontSize(fit).text(part.url, { width: textW });
  if (part.sms) {
    doc.moveDown(big ? 1.5 : 0.8);
    doc.font('bold').fontSize(size.sms).text(part.sms.line, { width: textW });
    doc.font('regular').fontSize(size.text).text(part.sms.hint, { width: textW });
  }
}
