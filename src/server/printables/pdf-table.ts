import { columnWidths, paginateRows } from '../../domain/printables/table-layout.ts';
import type { Language } from '../../i18n/i18n.ts';
import { MARGIN, newDocument, pdfBytes } from './pdf.ts';

/**
 * One printed table, written once for every sheet that is a list: the sign-in sheet of a
 * distribution day (blank lines to fill by hand), a volunteer's route sheet (filled rows),
 * and whatever list comes next. Every page repeats the title, the lines under it, the note
 * and the column headings, so a page that comes loose still says what it is.
 */
export interface SheetColumn {
  label: string;
  /** Share of the width, against the other columns' weights. */
  weight: number;
}

export interface TableSheet {
  lang: Language;
  title: string;
  /** Under the title: the date, the place… */
  lines: string[];
  /** A warning in bold under them, e.g. that the sheet holds private details. */
  note?: string | undefined;
  columns: SheetColumn[];
  /** Filled rows, each cell in column order. */
  rows: string[][];
  /** Empty lines after the filled rows, tall enough to write on. */
  blankRows: number;
  /** Shown when there are no rows and no blank lines at all. */
  empty?: string | undefined;
  pageLabel: (page: number, pages: number) => string;
  layout?: 'portrait' | 'landscape';
}

const PAD = 4;
const CELL_SIZE = 10;
/** 28 pt is 10 mm: room for a name in handwriting. */
const BLANK_ROW = 28;
const FOOTER = 20;

export async function tableSheetPdf(sheet: TableSheet): Promise<Buffer> {
  const doc = newDocument({ lang: sheet.lang, title: sheet.title, layout: sheet.layout });
  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const widths = columnWidths(
    width,
    sheet.columns.map((c) => c.weight),
  );
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((a, w) => a + w, 0));
  const bottom = doc.page.height - MARGIN - FOOTER;

  const cellHeight = (text: string, i: number) =>
    text === ''
      ? 0
      : doc
          .font('regular')
          .fontSize(CELL_SIZE)
          .heightOfString(text, { width: widths[i]! - 2 * PAD });
  const headHeight =
    Math.max(
      ...sheet.columns.map((c, i) =>
        doc
          .font('bold')
          .fontSize(9)
          .heightOfString(c.label, { width: widths[i]! - 2 * PAD }),
      ),
    ) +
    2 * PAD;

  const drawTop = (): number => {
    doc.x = left;
    doc.y = MARGIN;
    doc.font('bold').fontSize(18).text(sheet.title, { width });
    doc.font('regular').fontSize(11);
    for (const line of sheet.lines) doc.text(line, { width });
    if (sheet.note) doc.moveDown(0.3).font('bold').fontSize(9).text(sheet.note, { width });
    const y = doc.y + 8;
    doc.rect(left, y, width, headHeight).fillAndStroke('#e6e6e6', '#000000');
    doc.fillColor('#000000').font('bold').fontSize(9);
    sheet.columns.forEach((c, i) => {
      doc.text(c.label, xs[i]! + PAD, y + PAD, { width: widths[i]! - 2 * PAD, lineBreak: true });
    });
    for (const x of xs.slice(1))
      doc
        .moveTo(x, y)
        .lineTo(x, y + headHeight)
        .stroke();
    return y + headHeight;
  };

  let y = drawTop();
  const space = bottom - y;
  const rows = [...sheet.rows, ...Array.from({ length: sheet.blankRows }, () => [] as string[])];
  const heights = rows.map((cells) =>
    Math.min(space, Math.max(BLANK_ROW, ...cells.map((text, i) => cellHeight(text, i) + 2 * PAD))),
  );
  const pages = paginateRows(heights, space);
  pages.forEach((page, p) => {
    if (p > 0) {
      doc.addPage();
      y = drawTop();
    }
    for (let r = page.first; r < page.first + page.count; r++) {
      const h = heights[r]!;
      doc.lineWidth(0.5).rect(left, y, width, h).stroke();
      for (const x of xs.slice(1))
        doc
          .moveTo(x, y)
          .lineTo(x, y + h)
          .stroke();
      doc.font('regular').fontSize(CELL_SIZE);
      (rows[r] ?? []).forEach((text, i) => {
        // Clipped to its row: a very long note ends in "…" rather than running off the page.
        doc.text(text, xs[i]! + PAD, y + PAD, {
          width: widths[i]! - 2 * PAD,
          height: h - 2 * PAD,
          ellipsis: true,
        });
      });
      y += h;
    }
  });
  if (rows.length === 0 && sheet.empty) {
    doc
      .font('regular')
      .fontSize(12)
      .text(sheet.empty, left, y + 12, { width });
  }

  // Page numbers last, when the count is known; the bottom margin is lifted while writing
  // them, or pdfkit would start a new page for text below it.
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(9)
      .text(sheet.pageLabel(i + 1, range.count), left, doc.page.height - MARGIN - 10, {
        width,
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins.bottom = margin;
  }
  return pdfBytes(doc);
}
