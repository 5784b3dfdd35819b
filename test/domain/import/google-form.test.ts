import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { CellContext } from '../../../src/domain/import/cells.ts';
import { parseCsv } from '../../../src/domain/import/csv.ts';
import { decodeText } from '../../../src/domain/import/decode.ts';
import { fieldOf } from '../../../src/domain/import/fields.ts';
import {
  checkMapping,
  headerScore,
  mappingFrom,
  suggestMapping,
} from '../../../src/domain/import/mapping.ts';
import { type RequestRecord, toRecord } from '../../../src/domain/import/records.ts';
import { checkRow } from '../../../src/domain/import/rows.ts';
import { dryRun } from '../../../src/domain/import/summary.ts';
import { CATEGORIES } from './categories.ts';

const read = (name: string) =>
  parseCsv(
    decodeText(readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url))).text,
  );

const ctx: CellContext = {
  dateOrder: 'mdy',
  decimal: '.',
  timeZone: 'America/Los_Angeles',
  categories: CATEGORIES,
  areas: [],
  sites: [],
};

describe('a Google Form export of help requests', () => {
  const sheet = read('google-form-requests.csv');
  const suggestions = suggestMapping('requests', sheet.headers);

  it('suggests a field for every question of the form', () => {
    assert.deepEqual(
      suggestions.map((s) => s.field),
      [
        'createdAt',
        'name',
        'phone',
        'email',
        'category',
        'details',
        'address',
        'householdSize',
        'urgency',
        'language',
        'accessibility',
        'consent',
      ],
    );
    assert.equal(suggestions[0]?.confidence, 'exact');
    assert.deepEqual(checkMapping('requests', sheet.headers, mappingFrom(suggestions)), []);
  });

  it('the dry run finds each messy row and says what is wrong where', () => {
    const { summary, preview } = dryRun(
      'requests',
      sheet,
      mappingFrom(suggestions),
      ctx,
      '2024-04-01T00:00:00Z',
    );
    assert.equal(summary.rows, 9);
    assert.equal(summary.blankRows, 2);
    const byLine = new Map(preview.map((r) => [r.line, r]));
    const keysAt = (line: number) => byLine.get(line)?.problems.map((p) => `${p.field}:${p.key}`);
    assert.equal(byLine.get(2)?.status, 'ok');
    assert.deepEqual(keysAt(4), ['phone:import.problem.phone']);
    assert.deepEqual(keysAt(5), ['createdAt:import.problem.dateOrder']);
    assert.equal(
      byLine.get(6)?.values.details,
      'Need a ride to the clinic on Tuesday.\nI use a walker and need help with the steps.',
    );
    assert.equal(byLine.get(6)?.status, 'ok');
    assert.deepEqual(keysAt(7), [
      'category:import.problem.extraCategories',
      'householdSize:import.problem.number',
    ]);
    assert.deepEqual(keysAt(9), ['null:import.problem.noContact']);
    assert.deepEqual(keysAt(11), ['email:import.problem.email']);
    assert.deepEqual(keysAt(12), ['null:import.problem.noConsent']);
    assert.equal(byLine.get(11)?.values.category, 'housing');
    assert.deepEqual(summary.duplicates, [{ by: 'phone', lines: [2, 10] }]);
    assert.equal(summary.errors, 6);
    assert.equal(summary.importable, 3);
    assert.equal(summary.categories.ride, 2);
    // The summary keeps no cell value, only keys, fields and row numbers.
    assert.doesNotMatch(JSON.stringify(summary), /555|Núñez|example\.org/);
  });

  it('a fixed mapping and the declared day-first order change the outcome', () => {
    const row = sheet.rows.find((r) => r.line === 5)!;
    const mapping = mappingFrom(suggestions);
    assert.equal(checkRow('requests', mapping, row, { ...ctx, dateOrder: 'dmy' }).status, 'ok');
    const withoutDate = mapping.map((f) => (f === 'createdAt' ? null : f));
    assert.equal(checkRow('requests', withoutDate, row, ctx).status, 'ok');
  });

  it('a clean row becomes the record the service creates, defaults filled', () => {
    const row = checkRow('requests', mappingFrom(suggestions), sheet.rows[0]!, ctx);
    const rec = toRecord('requests', row, { language: 'en' }) as RequestRecord;
    assert.deepEqual(rec, {
      kind: 'requests',
      createdAt: '2024-03-14T17:22:31.000Z',
      name: 'María José Núñez',
      phone: '5550102000',
      email: 'maria.nunez@example.org',
      address: '5th & Alder',
      areaId: null,
      category: 'groceries',
      details: 'Rice, beans and milk for the kids',
      urgency: 'normal',
      householdSize: 4,
      language: 'es',
      accessibility: null,
      needsCar: false,
    });
    const bad = checkRow('requests', mappingFrom(suggestions), sheet.rows[2]!, ctx);
    assert.equal(toRecord('requests', bad, { language: 'en' }), null);
  });
});

describe('the same form in Spanish, from Excel in Spain', () => {
  it('reads semicolons and the BOM, and maps the Spanish questions', () => {
    const sheet = read('formulario-solicitudes-es.csv');
    assert.equal(sheet.headers[0], 'Marca temporal');
    const s = suggestMapping('requests', sheet.headers);
    assert.deepEqual(
      s.map((x) => x.field),
      [
        'createdAt',
        'name',
        'phone',
        'email',
        'category',
        'details',
        'address',
        'householdSize',
        'urgency',
        'language',
        'consent',
      ],
    );
    const { summary, preview } = dryRun('requests', sheet, mappingFrom(s), {
      ...ctx,
      dateOrder: 'dmy',
      decimal: ',',
    });
    assert.equal(summary.errors, 0, JSON.stringify(summary.problems));
    assert.deepEqual(
      preview.map((r) => [r.values.category, r.values.language, r.values.urgency]),
      [
        ['groceries', 'es', 'normal'],
        ['medicine', 'ar', 'high'],
        ['emotional', 'es', 'low'],
      ],
    );
  });
});

describe('mapping suggestions and checks', () => {
  it('prefers the field a header names whole ("Email address" is not the address)', () => {
    const s = suggestMapping('requests', ['Email Address', 'Address']);
    assert.deepEqual(
      s.map((x) => x.field),
      ['email', 'address'],
    );
  });

  it('leaves a column unmapped when nothing fits', () => {
    const s = suggestMapping('volunteers', ['Nombre', 'Favourite colour', 'Teléfono móvil']);
    assert.deepEqual(
      s.map((x) => x.field),
      ['name', null, 'phone'],
    );
  });

  it('scores a header by its words, not its punctuation or case', () => {
    assert.equal(headerScore('¿TELÉFONO?', fieldOf('households', 'phone')!), 1);
    assert.ok(headerScore('Best phone to reach you', fieldOf('households', 'phone')!) >= 0.6);
  });

  it('says what a mapping lacks or repeats', () => {
    const headers = ['a', 'b', 'c'];
    const keys = (m: (string | null)[]) => checkMapping('volunteers', headers, m).map((p) => p.key);
    assert.deepEqual(keys(['email', 'email', null]), [
      'import.mapping.fieldTwice',
      'import.mapping.requiredMissing',
    ]);
    assert.deepEqual(keys(['name', null, null]), ['import.mapping.contactMissing']);
    assert.deepEqual(keys(['name', 'phone', 'shoeSize']), ['import.mapping.unknownField']);
    assert.deepEqual(keys(['name', 'phone']), ['import.mapping.wrongLength']);
  });
});
