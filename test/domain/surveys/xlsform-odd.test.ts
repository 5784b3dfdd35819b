// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes a reference to an answer as ${name}, inside plain strings.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { crc32, deflateRawSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import { findQuestion } from '../../../src/domain/surveys/survey.ts';
import { type ImportResult, importXlsForm } from '../../../src/domain/surveys/xlsform/import.ts';
import type { ImportIssue } from '../../../src/domain/surveys/xlsform/types-map.ts';
import { MAX_XLSFORM_BYTES, writeWorkbook } from '../../../src/domain/surveys/xlsform/workbook.ts';
import { checkZip } from '../../../src/domain/surveys/xlsform/zip-check.ts';
import { rng } from '../seeded-rng.ts';

/** A one-entry zip whose directory claims `claimed` bytes for `content` (deflated). */
function zipOf(name: string, content: Uint8Array, claimed: number): Uint8Array {
  const data = deflateRawSync(content);
  const nameBytes = new TextEncoder().encode(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc32(content), 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(claimed, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc32(content), 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(claimed, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const cdOffset = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return new Uint8Array(Buffer.concat([local, nameBytes, data, central, nameBytes, end]));
}

const FIXTURES = new URL('../../fixtures/xlsform/', import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));
const FORMS = {
  socio: 'socio-economic-survey-v20240515.xlsx',
  ucl: 'UCL_Biomass_Plot_Form.xlsx',
  mali: 'mali_health.xlsx',
  recensement: 'recensement_etablissements_scolaires_24.xlsx',
} as const;

function imported(bytes: Uint8Array, fallbackLanguage = 'en') {
  const r = importXlsForm(bytes, { fallbackLanguage });
  assert.ok(r.ok, `import failed: ${!r.ok && r.reason}`);
  return r as Extract<ImportResult, { ok: true }>;
}

const has = (
  issues: readonly ImportIssue[],
  row: number | null,
  reason: string,
  sheet = 'survey',
) => issues.some((i) => i.sheet === sheet && i.row === row && i.reason === reason);

function assertIssue(
  issues: readonly ImportIssue[],
  row: number | null,
  reason: string,
  sheet = 'survey',
) {
  assert.ok(
    has(issues, row, reason, sheet),
    `no ${reason} at ${sheet}!${row}: ${JSON.stringify(issues.filter((i) => i.row === row))}`,
  );
}

describe('XLSForm import of hand-made sheets: every odd case listed, never a crash', () => {
  const book = (
    survey: string[][],
    choices: string[][] = [['list_name', 'name', 'label']],
    settings?: string[][],
  ) => writeWorkbook({ survey, choices, ...(settings ? { settings } : {}) });

  it('reads spellings pyxform accepts and refuses what cannot be represented, by row and column', () => {
    const r = imported(
      book(
        [
          [
            'type',
            'name',
            'label::English (en)',
            'label::Klingon',
            'required',
            'relevant',
            'default',
            'parameters',
            'read_only',
            'guidance_hint',
          ],
          ['begin group', 'outer', 'Outer', '', '', '${a} = 1'],
          ['integer', 'a', 'A', 'qa', 'TRUE()'],
          ['begin_group', 'inner', 'Inner', '', '', '${a} > 2'],
          ['text', 'b', 'B', '', 'no', '', '${a}'],
          ['end_group'],
          ['end group'],
          ['select one yn', 'c', 'C', '', '${a} = 1'],
          ['select_one missing', 'd', 'D'],
          ['select_one yn or_other', 'e', 'E'],
          ['rank yn', 'f', 'F'],
          ['range', 'g', 'G', '', '', '', '', 'start=0 end=10 step=1'],
          ['range', 'h', 'H', '', '', '', '', 'start=0 end=100 step=5'],
          ['text', 'a', 'Again'],
          ['text', '1bad', 'Bad name'],
          ['text', 'i', 'I', '', '', '', '', '', 'yes'],
          ['text', 'j', 'J', '', '', '', '', '', '', 'a hint for enumerators'],
          ['integer', 'k', 'K', '', '', '', 'lots'],
          ['wibble', 'l', 'L'],
          ['begin_group', 'open', 'Never closed'],
          ['note', 'm', 'M'],
        ],
        [
          ['list name', 'name', 'label::English (en)'],
          ['yn', 'yes', 'Yes'],
          ['yn', 'no', 'No'],
          ['yn', 'yes', 'Yes again'],
          ['', 'x', 'X'],
        ],
      ),
    );
    const at = (row: number, reason: string) => assertIssue(r.issues, row, reason);
    at(4, 'group_flattened');
    at(5, 'dynamic_default');
    at(8, 'required_expression');
    at(9, 'unknown_list');
    at(10, 'or_other');
    at(11, 'rank');
    at(13, 'range_parameters');
    at(14, 'duplicate_name');
    at(15, 'bad_name');
    at(16, 'read_only');
    at(17, 'column_unsupported');
    at(18, 'bad_default');
    at(19, 'unknown_type');
    at(20, 'unclosed_group');
    assertIssue(r.issues, 4, 'duplicate_choice', 'choices');
    assertIssue(r.issues, 5, 'missing_list_name', 'choices');
    assertIssue(r.issues, 1, 'language_without_code', 'survey');
    const s = r.survey;
    assert.deepEqual(
      s.sections.map((x) => [x.name, x.relevant]),
      [
        ['outer', '${a} = 1'],
        ['inner', '(${a} = 1) and (${a} > 2)'],
        ['section_1', undefined],
        ['open', undefined],
      ],
    );
    assert.equal(findQuestion(s, 'a')!.required, true);
    assert.equal(findQuestion(s, 'a')!.label.klingon, 'qa');
    assert.equal(findQuestion(s, 'c')!.type, 'single_choice');
    assert.deepEqual(findQuestion(s, 'g')!.scale, { min: 0, max: 10 });
    assert.equal(findQuestion(s, 'k')!.default, undefined);
    for (const gone of ['d', 'f', 'h', 'i', 'l'])
      assert.equal(findQuestion(s, gone), undefined, gone);
  });

  it('refuses what is not a form, plainly', () => {
    const text = importXlsForm(new TextEncoder().encode('type,name,label\ntext,a,A'), {
      fallbackLanguage: 'en',
    });
    assert.equal(!text.ok && text.reason, 'not_xlsx');
    const big = importXlsForm(new Uint8Array(MAX_XLSFORM_BYTES + 1), { fallbackLanguage: 'en' });
    assert.equal(!big.ok && big.reason, 'too_large');
    const noSurvey = importXlsForm(writeWorkbook({ other: [['a']] }), { fallbackLanguage: 'en' });
    assert.equal(!noSurvey.ok && noSurvey.reason, 'no_survey_sheet');
    const noHeader = importXlsForm(writeWorkbook({ survey: [['label'], ['x']] }), {
      fallbackLanguage: 'en',
    });
    assert.equal(!noHeader.ok && noHeader.reason, 'survey_header_missing');
  });

  it('refuses damaged containers before the spreadsheet library sees them (its inflater can loop on them)', () => {
    const good = fixture(FORMS.mali);
    // These seeds made SheetJS's own inflater loop for ever; each must come back, refused.
    for (const s of [1, 2, 3, 15, 16, 19, 20, 27]) {
      const damaged = new Uint8Array(good);
      for (let k = 0; k < 20; k++)
        damaged[(s * 7919 * (k + 1)) % damaged.length] = (s * 31 + k) & 0xff;
      const r = importXlsForm(damaged, { fallbackLanguage: 'en' });
      assert.equal(!r.ok && r.reason, 'damaged', `seed ${s}`);
    }
    // A zip bomb: an entry that says 100 bytes and inflates to far more.
    const bomb = zipOf('xl/workbook.xml', new Uint8Array(1_000_000), 100);
    assert.equal(checkZip(bomb).ok, false);
    assert.deepEqual(checkZip(good), { ok: true });
  });

  it('damaged spreadsheet XML inside an intact zip gives a reason or a survey, never an exception', () => {
    const book = XLSX.CFB.read(fixture(FORMS.socio), { type: 'buffer' });
    const r = rng(7);
    for (let s = 1; s <= 12; s++) {
      const copy = XLSX.CFB.read(
        XLSX.CFB.write(book, { type: 'buffer', fileType: 'zip' }) as Uint8Array,
        { type: 'buffer' },
      );
      for (const f of copy.FileIndex) {
        if (!f.content || !f.name.endsWith('.xml') || r.next() < 0.5) continue;
        let text = Buffer.from(f.content as Uint8Array).toString('utf8');
        for (let k = 0; k < 5; k++) {
          const at = r.int(0, text.length);
          const piece = r.pick([
            '<',
            '>',
            '"',
            '</c>',
            '<row>',
            '&',
            't="s"',
            'r="ZZZ99999999"',
            '<v>',
            '999999999',
            '',
          ]);
          text = text.slice(0, at) + piece + text.slice(at + r.int(0, 20));
        }
        f.content = Buffer.from(text, 'utf8');
      }
      const bytes = XLSX.CFB.write(copy, {
        type: 'buffer',
        fileType: 'zip',
        compression: true,
      }) as Uint8Array;
      const out = importXlsForm(new Uint8Array(bytes), { fallbackLanguage: 'en' });
      assert.ok(
        out.ok || ['damaged', 'no_survey_sheet', 'survey_header_missing'].includes(out.reason),
        `seed ${s}`,
      );
    }
  });
});
