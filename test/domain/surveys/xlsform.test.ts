// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes a reference to an answer as ${name}, inside plain strings.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { allQuestions, findQuestion } from '../../../src/domain/surveys/survey.ts';
import { exportXlsForm, surveyRows } from '../../../src/domain/surveys/xlsform/export.ts';
import { type ImportResult, importXlsForm } from '../../../src/domain/surveys/xlsform/import.ts';
import { tableOf, textAt } from '../../../src/domain/surveys/xlsform/sheet-table.ts';
import type { ImportIssue } from '../../../src/domain/surveys/xlsform/types-map.ts';
import { readWorkbook } from '../../../src/domain/surveys/xlsform/workbook.ts';
import { ctx, needsSurvey } from './needs-survey.ts';

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

/** Every filled row of the survey sheet was imported (its name is in the survey) or listed. */
function assertNothingSilentlyDropped(bytes: Uint8Array, r: Extract<ImportResult, { ok: true }>) {
  const read = readWorkbook(bytes);
  assert.ok(read.ok);
  const table = tableOf('survey', read.value.sheets.survey!)!;
  const typeCol = table.columns.find((c) => c.kind === 'type')!;
  const nameCol = table.columns.find((c) => c.kind === 'name')!;
  const names = new Set([
    ...allQuestions(r.survey).map((q) => q.name),
    ...r.survey.sections.map((s) => s.name),
  ]);
  const listedRows = new Set(r.issues.filter((i) => i.sheet === 'survey').map((i) => i.row));
  for (const row of table.rows) {
    const type = textAt(row, typeCol).toLowerCase().replace(/\s+/g, '_');
    if (type === 'end_group' || type === 'end_repeat') continue;
    const ok = names.has(textAt(row, nameCol)) || listedRows.has(row.row);
    assert.ok(ok, `row ${row.row} (${type} ${textAt(row, nameCol)}) neither imported nor listed`);
  }
}

describe('XLSForm import of real forms', () => {
  it('socio-economic survey (ODK web-forms): groups, translations, cascading choices, a repeat listed', () => {
    const bytes = fixture(FORMS.socio);
    const r = imported(bytes);
    const s = r.survey;
    assert.equal(s.title, 'Socio-economic Survey');
    assert.deepEqual(s.languages, [
      { code: 'en', name: 'English' },
      { code: 'fr', name: 'French' },
    ]);
    assert.deepEqual(
      s.sections.map((x) => x.name),
      ['headOfHousehold', 'informationTechnology', 'section_1'],
    );
    assert.equal(findQuestion(s, 'district')!.choiceFilter, 'region=${region}');
    assert.equal(findQuestion(s, 'region')!.required, true);
    assert.equal(findQuestion(s, 'internetType')!.relevant, '${internetHH} = 1');
    assert.equal(findQuestion(s, 'se_list')!.relevant, 'false()');
    assert.equal(findQuestion(s, 'region')!.label.fr, 'Région');
    assertIssue(r.issues, 12, 'calculation');
    assertIssue(r.issues, 22, 'repeat');
    for (const row of [23, 24, 25, 27, 28, 29, 30, 31]) assertIssue(r.issues, row, 'inside_repeat');
    // The French labels are spreadsheet formulas: one issue for the column, with the count.
    const formulas = r.issues.filter((i) => i.reason === 'formula_value' && i.sheet === 'choices');
    assert.equal(formulas.length, 1);
    assert.ok(Number(formulas[0]!.params!.count) > 200);
    assertIssue(r.issues, 106, 'unused_list', 'choices');
    assert.deepEqual(r.problems, []);
    assertNothingSilentlyDropped(bytes, r);
  });

  it('UCL biomass form (pyxform): curly quotes, choices from files, repeats and metadata all listed', () => {
    const bytes = fixture(FORMS.ucl);
    const r = imported(bytes);
    const s = r.survey;
    assert.equal(s.defaultLanguage, 'sw');
    assert.deepEqual(
      s.languages.map((l) => l.code),
      ['sw', 'en'],
    );
    assert.equal(s.version, '2022-04-11'); // =NOW(), its cached value
    assertIssue(r.issues, 2, 'formula_value', 'settings');
    // `${leader_name} = ‘other’`: not guessed at, listed with where the curly quote is.
    const curly = r.issues.find((i) => i.row === 9 && i.reason === 'expression.curly_quote')!;
    assert.equal(curly.column, 'relevant');
    assert.equal(curly.params!.position, 18);
    assert.equal(findQuestion(s, 'leader_name_other')!.relevant, undefined);
    for (const row of [16, 17, 18, 20]) assertIssue(r.issues, row, 'choices_from_file');
    for (const row of [11, 12, 91]) assertIssue(r.issues, row, 'metadata');
    for (const row of [32, 56, 72, 80]) assertIssue(r.issues, row, 'repeat');
    assertIssue(r.issues, 22, 'location');
    assertIssue(r.issues, 23, 'media');
    assertIssue(r.issues, 26, 'calculation');
    const ref = r.issues.find((i) => i.row === 28 && i.reason === 'label_reference_unknown')!;
    assert.deepEqual(ref.params, { name: 'slope_radius', row: 26 });
    // A label that began with a line break, trimmed; the phone regex kept (it runs in linear time).
    assert.equal(
      s.sections.find((x) => x.name === 'info')!.label.sw,
      'Taarifa za mtu anayejaza fomu',
    );
    assert.match(findQuestion(s, 'leader_number')!.constraint!, /^regex/);
    assert.equal(findQuestion(s, 'leader_number')!.constraintMessage!.en, '10 digit phone number');
    assertNothingSilentlyDropped(bytes, r);
  });

  it('school census (ODK docs, French): plain label columns take the network language; a real typo is kept', () => {
    const bytes = fixture(FORMS.recensement);
    const r = imported(bytes, 'fr');
    const s = r.survey;
    assert.deepEqual(s.languages, [{ code: 'fr', name: 'French' }]);
    assert.equal(findQuestion(s, 'nombre_eleves')!.constraint, '. > 0');
    assert.equal(
      findQuestion(s, 'nombre_eleves')!.constraintMessage!.fr,
      'La valeur doit être un nombre positif',
    );
    // The relevant tests 'lycee' while the choice is 'lycée': kept as written, not corrected.
    assert.equal(
      findQuestion(s, 'options_proposees')!.relevant,
      "selected(${niveaux_enseignes}, 'lycee')",
    );
    assert.deepEqual(
      s.choiceLists[0]!.choices.map((c) => c.name),
      ['maternelle', 'élémentaire', 'collège', 'lycée'],
    );
    assertIssue(r.issues, 3, 'media');
    assertIssue(r.issues, 4, 'location');
    assertIssue(r.issues, 2, 'setting_unsupported', 'settings');
    assert.ok(r.issues.some((i) => i.sheet === '👋 Start here' && i.reason === 'sheet_ignored'));
    assert.ok(
      !r.issues.some((i) => i.sheet.toLowerCase() === 'entities'),
      'the empty entities sheet is not noise',
    );
    assert.equal(s.version, '20240508231115');
    assertNothingSilentlyDropped(bytes, r);
  });

  it('Mali health census (onadata): old "list name" header, cascading filter, regex, an orphan list', () => {
    const bytes = fixture(FORMS.mali);
    const r = imported(bytes);
    const s = r.survey;
    assert.deepEqual(
      s.languages.map((l) => l.code),
      ['en', 'fr'],
    );
    assert.equal(findQuestion(s, 'DISTRICT')!.choiceFilter, 'region =${region}');
    assert.equal(findQuestion(s, 'Pcode')!.constraint, "regex(.,'[a-zA-Z0-9]{11}')");
    assert.ok(findQuestion(s, 'location.longitude'));
    assertIssue(r.issues, 16, 'location');
    assertIssue(r.issues, 40, 'unused_list', 'choices');
    assert.equal(s.choiceLists.find((l) => l.name === 'district')!.choices.length > 50, true);
    assertNothingSilentlyDropped(bytes, r);
  });
});

describe('XLSForm export', () => {
  for (const [key, file] of Object.entries(FORMS)) {
    it(`${key}: import, export, import gives the same survey`, () => {
      const first = imported(fixture(file), key === 'recensement' ? 'fr' : 'en').survey;
      const second = imported(exportXlsForm(first, { areas: ctx.areas }), 'xx');
      assert.deepEqual(second.survey, first);
      assert.deepEqual(second.problems, []);
    });
  }

  it('keeps yes/no, area and rating through XLSForm, with the network areas as the list', () => {
    const bytes = exportXlsForm(needsSurvey, {
      areas: ctx.areas,
      yesNoLabels: { en: { yes: 'Yes', no: 'No' }, es: { yes: 'Sí', no: 'No' } },
    });
    const back = imported(bytes);
    assert.deepEqual(back.survey, needsSurvey);
    const rows = surveyRows(needsSurvey, { areas: ctx.areas });
    const type = (name: string) => rows.survey!.find((row) => row[1] === name)!;
    assert.equal(type('car')[0], 'select_one mutua_yes_no');
    assert.match(type('car').join('|'), /mutua-yes-no/);
    assert.equal(type('home')[0], 'select_one mutua_areas');
    assert.equal(type('mood')[0], 'range');
    assert.ok(type('mood').includes('start=1 end=5 step=1'));
    assert.ok(
      rows.choices!.some(
        (row) => row[0] === 'mutua_areas' && row[1] === 'riverside' && row.includes('Ribera'),
      ),
    );
    assert.deepEqual(rows.settings![1], ['Needs and assets', 'needs', '1', 'English (en)']);
  });
});
