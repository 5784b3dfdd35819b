import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAvailability } from '../../../src/domain/import/availability.ts';
import {
  type CellContext,
  parseBoolean,
  parseCategories,
  parseNumber,
  readCell,
} from '../../../src/domain/import/cells.ts';
import { instantOf, parseDate } from '../../../src/domain/import/dates.ts';
import { fieldOf } from '../../../src/domain/import/fields.ts';
import { languageCode, languageCodes } from '../../../src/domain/import/languages.ts';
import { slotBit } from '../../../src/domain/time/weekly-slots.ts';
import { CATEGORIES } from './categories.ts';

const ctx: CellContext = {
  dateOrder: 'mdy',
  decimal: '.',
  timeZone: 'America/Chicago',
  categories: CATEGORIES,
  areas: [{ id: 'area-n', name: 'Northside' }],
  sites: [{ id: 'site-1', name: 'Church hall' }],
};

const date = (s: string, order: 'dmy' | 'mdy' | 'ymd' = 'mdy') => {
  const r = parseDate(s, order);
  return r.ok ? [r.value.date, r.value.time, r.value.offset] : r.problem.key;
};

describe('dates in several formats, in the declared order', () => {
  it('reads Google Forms timestamps in either order', () => {
    assert.deepEqual(date('3/14/2024 10:22:31'), ['2024-03-14', '10:22:31', null]);
    assert.deepEqual(date('14/3/2024 10:22:31', 'dmy'), ['2024-03-14', '10:22:31', null]);
    assert.deepEqual(date('03.04.2024', 'dmy'), ['2024-04-03', null, null]);
    assert.deepEqual(date('03-04-24', 'mdy'), ['2024-03-04', null, null]);
  });

  it('says when a date contradicts the declared order, instead of swapping it', () => {
    assert.equal(date('15/03/2024 09:12:00', 'mdy'), 'import.problem.dateOrder');
    assert.equal(date('3/15/2024', 'dmy'), 'import.problem.dateOrder');
  });

  it('reads ISO dates and timestamps with their offset', () => {
    assert.deepEqual(date('2024-03-15'), ['2024-03-15', null, null]);
    assert.deepEqual(date('2024-03-15T14:30:00Z'), ['2024-03-15', '14:30:00', 0]);
    assert.deepEqual(date('2024-03-15 14:30+02:00'), ['2024-03-15', '14:30:00', 120]);
    assert.deepEqual(date('2024/3/5', 'dmy'), ['2024-03-05', null, null]);
  });

  it('reads month names in English and Spanish, and AM/PM', () => {
    assert.deepEqual(date('14 March 2024'), ['2024-03-14', null, null]);
    assert.deepEqual(date('Mar 14, 2024 3:05 PM'), ['2024-03-14', '15:05:00', null]);
    assert.deepEqual(date('14 de marzo de 2024'), ['2024-03-14', null, null]);
    assert.deepEqual(date('1 Sept 2024'), ['2024-09-01', null, null]);
    assert.deepEqual(date('14/03/2024 3:05 p. m.', 'dmy'), ['2024-03-14', '15:05:00', null]);
    assert.deepEqual(date('14-dic-2024', 'dmy'), ['2024-12-14', null, null]);
  });

  it('reads Excel day numbers, refuses impossible dates and far years', () => {
    assert.deepEqual(date('45365'), ['2024-03-14', null, null]);
    assert.equal(date('2/30/2024'), 'import.problem.date');
    assert.equal(date('13/13/2024'), 'import.problem.date');
    assert.equal(date('1/1/1850'), 'import.problem.dateRange');
    assert.equal(date('3/14/2024 25:00'), 'import.problem.date');
    assert.equal(date('soon'), 'import.problem.date');
    assert.equal(date('555-0102'), 'import.problem.date');
  });

  it('places a local timestamp in the network’s zone, across daylight saving', () => {
    const r = parseDate('3/14/2024 10:22:31', 'mdy');
    assert.ok(r.ok);
    if (r.ok) assert.equal(instantOf(r.value, 'America/Chicago'), '2024-03-14T15:22:31.000Z');
    const winter = parseDate('1/14/2024 10:22:31', 'mdy');
    if (winter.ok)
      assert.equal(instantOf(winter.value, 'America/Chicago'), '2024-01-14T16:22:31.000Z');
    const z = parseDate('2024-03-15T14:30:00Z', 'mdy');
    if (z.ok) assert.equal(instantOf(z.value, 'Europe/Madrid'), '2024-03-15T14:30:00.000Z');
  });
});

describe('numbers, booleans, languages, categories, availability', () => {
  it('numbers with the declared decimal mark, and thousands groups of the other', () => {
    assert.equal(parseNumber('2.5', '.'), 2.5);
    assert.equal(parseNumber('2,5', ','), 2.5);
    assert.equal(parseNumber('1,234.5', '.'), 1234.5);
    assert.equal(parseNumber('1.234,5', ','), 1234.5);
    assert.equal(parseNumber('1 234', ','), 1234);
    assert.equal(parseNumber('-3', '.'), -3);
    assert.equal(parseNumber(',5', ','), 0.5);
    assert.equal(parseNumber('2,5', '.'), null);
    assert.equal(parseNumber('1,23', '.'), null);
    assert.equal(parseNumber('five', '.'), null);
  });

  it('yes and no in both languages', () => {
    for (const y of ['Yes', 'y', 'TRUE', '1', 'Sí', 'si', 'x', '✓', 'Yes, I agree'])
      assert.equal(parseBoolean(y), true, y);
    for (const n of ['No', 'n', 'FALSE', '0', 'No thanks']) assert.equal(parseBoolean(n), false, n);
    assert.equal(parseBoolean('maybe'), null);
  });

  it('language names, codes and endonyms to codes', () => {
    assert.equal(languageCode('Español'), 'es');
    assert.equal(languageCode('Spanish (Mexico)'), 'es');
    assert.equal(languageCode('es-MX'), 'es');
    assert.equal(languageCode('Kreyòl'), 'ht');
    assert.equal(languageCode('Árabe'), 'ar');
    assert.equal(languageCode('Klingon'), null);
    assert.deepEqual(languageCodes('English, Spanish y francés'), {
      codes: ['en', 'es', 'fr'],
      unknown: [],
    });
    assert.deepEqual(languageCodes('en / tlh'), { codes: ['en'], unknown: ['tlh'] });
  });

  it('categories by key, label in either language or word, one or several', () => {
    assert.deepEqual(parseCategories('Groceries', CATEGORIES).keys, ['groceries']);
    assert.deepEqual(parseCategories('Medicamentos', CATEGORIES).keys, ['medicine']);
    assert.deepEqual(parseCategories('Groceries, Medicine pickup', CATEGORIES).keys, [
      'groceries',
      'medicine',
    ]);
    assert.deepEqual(parseCategories('Help with my landlord', CATEGORIES).keys, ['housing']);
    assert.deepEqual(parseCategories('Acompañamiento', CATEGORIES).keys, ['emotional']);
    assert.deepEqual(parseCategories('Gardening', CATEGORIES), {
      keys: [],
      unknown: ['Gardening'],
    });
  });

  it('availability words to weekly slots', () => {
    const weekdayEvenings = ['mon', 'tue', 'wed', 'thu', 'fri'].reduce(
      (m, d) => m | slotBit(d as 'mon', 'evening'),
      0,
    );
    assert.equal(parseAvailability('weekday evenings').mask, weekdayEvenings);
    assert.equal(
      parseAvailability('Saturday mornings, sábados por la tarde').mask,
      slotBit('sat', 'morning') | slotBit('sat', 'afternoon'),
    );
    assert.equal(parseAvailability('fines de semana').mask.toString(2).replace(/0/g, '').length, 6);
    assert.equal(parseAvailability('cualquier momento').mask, (1 << 21) - 1);
    assert.deepEqual(parseAvailability('when the moon is full').unknown, ['when the moon is full']);
  });
});

describe('a cell read as its field', () => {
  const req = (key: string) => fieldOf('requests', key)!;
  const read = (key: string, value: string, c: CellContext = ctx) => readCell(req(key), value, c);

  it('phones through the contact rules, emails checked', () => {
    assert.deepEqual(read('phone', '(555) 010-2000'), { ok: true, value: '5550102000' });
    assert.deepEqual(read('phone', '555-01'), {
      ok: false,
      problem: { key: 'import.problem.phone', params: { value: '555-01' } },
    });
    assert.deepEqual(read('email', ' Ana@Example.org '), { ok: true, value: 'ana@example.org' });
    assert.equal(read('email', 'grace@example').ok, false);
  });

  it('numbers in range, whole where they must be, with a hint about the decimal mark', () => {
    assert.deepEqual(read('householdSize', '4'), { ok: true, value: 4 });
    const five = read('householdSize', 'five');
    assert.equal(!five.ok && five.problem.key, 'import.problem.number');
    const big = read('householdSize', '40');
    assert.equal(!big.ok && big.problem.key, 'import.problem.range');
    const half = read('householdSize', '2.5');
    assert.equal(!half.ok && half.problem.key, 'import.problem.wholeNumber');
    const radius = readCell(fieldOf('volunteers', 'radiusKm')!, '2,5', ctx);
    assert.equal(!radius.ok && radius.problem.key, 'import.problem.decimalMark');
    assert.deepEqual(
      readCell(fieldOf('volunteers', 'radiusKm')!, '2,5', { ...ctx, decimal: ',' }),
      {
        ok: true,
        value: 2.5,
      },
    );
  });

  it('choices by their words, areas by name (an unknown one is a warning, not a lost row)', () => {
    assert.deepEqual(read('urgency', 'ASAP'), { ok: true, value: 'high' });
    assert.deepEqual(read('urgency', 'Esta semana'), { ok: true, value: 'normal' });
    assert.deepEqual(read('area', 'northside'), { ok: true, value: 'area-n' });
    const unknown = read('area', 'Southside');
    assert.equal(unknown.ok && unknown.value, null);
    assert.equal(unknown.ok && unknown.warning?.key, 'import.problem.areaUnknown');
  });

  it('a single category keeps the first of several and says so', () => {
    const r = read('category', 'Groceries, Medicine pickup');
    assert.equal(r.ok && r.value, 'groceries');
    assert.equal(r.ok && r.warning?.key, 'import.problem.extraCategories');
  });

  it('text too long for its field', () => {
    const r = read('name', 'x'.repeat(101));
    assert.deepEqual(!r.ok && r.problem, { key: 'import.problem.tooLong', params: { max: 100 } });
  });

  it('timestamps become instants in the network zone', () => {
    assert.deepEqual(read('createdAt', '3/14/2024 10:22:31'), {
      ok: true,
      value: '2024-03-14T15:22:31.000Z',
    });
  });
});

describe('import vocabulary', () => {
  it('the goods categories an item column can name are the domain’s', async () => {
    const { GOODS_CATEGORY } = await import('../../../src/domain/import/vocabulary.ts');
    const { GOODS_CATEGORY_KEYS } = await import('../../../src/domain/goods/categories.ts');
    assert.deepEqual(Object.keys(GOODS_CATEGORY), [...GOODS_CATEGORY_KEYS]);
  });
});
