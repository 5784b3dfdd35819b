import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * PDFs read back the way a person would meet them, through Debian's poppler-utils: the text
 * (`pdftotext`) and a page rendered to an image (`pdftoppm`), and QR codes read off that
 * image by zbar (`zbarimg`). Off CI, a missing tool skips the tests that need it.
 */
const has = (bin: string) => existsSync(`/usr/bin/${bin}`);
export const POPPLER_SKIP =
  process.env.CI !== 'true' && !has('pdftotext')
    ? 'poppler-utils is not installed: the PDF tests are skipped (CI requires them; apt-get install poppler-utils)'
    : false;
/** zbar is optional: without it the QR code is checked against the matrix it was drawn from. */
export const HAS_ZBAR = has('zbarimg');

function withFile<T>(pdf: Buffer, run: (dir: string, file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'mutua-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return run(dir, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of the whole document, or of one page (1-based), as pdftotext reads it. */
export function pdfText(pdf: Buffer, page?: number): string {
  return withFile(pdf, (_dir, file) =>
    execFileSync(
      'pdftotext',
      [...(page ? ['-f', String(page), '-l', String(page)] : []), '-enc', 'UTF-8', file, '-'],
      { encoding: 'utf8' },
    ),
  );
}

/** The number of pages, from pdfinfo. */
export function pdfPages(pdf: Buffer): number {
  const info = withFile(pdf, (_dir, file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

export interface GrayImage {
  width: number;
  height: number;
  /** One byte per pixel, 0 black … 255 white. */
  pixels: Buffer;
  /** The image as a binary PGM file, for zbarimg. */
  pgm: Buffer;
}

/** One page rendered by pdftoppm in grey at `dpi`. */
export function renderPage(pdf: Buffer, page = 1, dpi = 100): GrayImage {
  const pgm = withFile(pdf, (dir, file) => {
    execFileSync('pdftoppm', [
      '-f',
      String(page),
      '-l',
      String(page),
      '-r',
      String(dpi),
      '-gray',
      '-singlefile',
      file,
      join(dir, 'page'),
    ]);
    return readFileSync(join(dir, 'page.pgm'));
  });
  // Binary PGM: "P5", width, height, max value, one whitespace, then the pixels.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PGM image');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: pgm.subarray(header[0].length), pgm };
}

/** The share of the image (0–1) that is darker than mid-grey: ink on the page. */
export function inkShare(img: GrayImage): number {
  let dark = 0;
  for (const p of img.pixels) if (p < 128) dark++;
  return dark / img.pixels.length;
}

/** The text of every QR code zbarimg finds in a rendered page. */
export function decodeQr(img: GrayImage): string[] {
  return withFile(img.pgm, (dir) => {
    const file = join(dir, 'page.pgm');
    writeFileSync(file, img.pgm);
    try {
      const out = execFileSync(
        'zbarimg',
        ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', file],
        // zbar complains on stderr that there is no D-Bus here; it reads the image all the same.
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
      );
      return out.split('\n').filter(Boolean);
    } catch {
      return [];
    }
  });
}
