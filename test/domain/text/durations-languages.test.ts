import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  agoWords,
  durationFormatterCount,
  durationWords,
  type Elapsed,
  elapsed,
  elapsedSince,
  unitFormatter,
} from '../../../src/domain/text/durations.ts';
import {
  autonym,
  languageName,
  languageOptions,
  matchLanguages,
} from '../../../src/domain/text/language-names.ts';
import { safeLocale } from '../../../src/domain/text/locale.ts';
import { rng } from '../seeded-rng.ts';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const UNIT_MS = { minute: M, hour: H, day: D, week: 7 * D, month: 30.4375 * D, year: 365 * D };
const floorMs = (e: Elapsed) => (e.unit === 'now' ? 0 : e.value * UNIT_MS[e.unit]);

describe('how long it has waited', () => {
  it('picks one unit, rounding down, at the edges people expect', () => {
    const cases: [number, Elapsed][] = [
      [-5 * M, { unit: 'now' }],
      [Number.NaN, { unit: 'now' }],
      [59 * S, { unit: 'now' }],
      [M, { unit: 'minute', value: 1 }],
      [H - 1, { unit: 'minute', value: 59 }],
      [H, { unit: 'hour', value: 1 }],
      [D - 1, { unit: 'hour', value: 23 }],
      [D, { unit: 'day', value: 1 }],
      [3 * D + 23 * H, { unit: 'day', value: 3 }],
      [14 * D - 1, { unit: 'day', value: 13 }],
      [14 * D, { unit: 'week', value: 2 }],
      [63 * D - 1, { unit: 'week', value: 8 }],
      [63 * D, { unit: 'month', value: 2 }],
      [364 * D, { unit: 'month', value: 11 }],
      [365 * D, { unit: 'year', value: 1 }],
      [366 * D, { unit: 'year', value: 1 }],
      [800 * D, { unit: 'year', value: 2 }],
    ];
    for (const [ms, want] of cases) assert.deepEqual(elapsed(ms), want, `${ms} ms`);
    assert.deepEqual(elapsedSince('2026-03-01T10:00:00Z', new Date('2026-03-04T11:00:00Z')), {
      unit: 'day',
      value: 3,
    });
  });

  it('never overstates a wait, and a longer wait never reads shorter', () => {
    const r = rng(1);
    let last = 0;
    const times = Array.from({ length: 20_000 }, () => Math.floor(r.next() ** 3 * 1000 * D)).sort(
      (a, b) => a - b,
    );
    for (const ms of times) {
      const e = elapsed(ms);
      assert.ok(floorMs(e) <= ms, `${ms}: ${JSON.stringify(e)}`);
      // Months and years are rounded averages; allow them a day of their own slack.
      assert.ok(floorMs(e) >= last - 1.5 * D, `${ms} went back`);
      last = Math.max(last, floorMs(e));
    }
  });
});

describe('waits in words', () => {
  it('says it in the reader language, with CLDR plurals', () => {
    assert.equal(durationWords(3 * D, 'en'), '3 days');
    assert.equal(durationWords(D, 'en'), '1 day');
    assert.equal(durationWords(5 * H + 59 * M, 'en'), '5 hours');
    assert.equal(durationWords(3 * D, 'es'), '3 días');
    assert.equal(durationWords(M, 'es'), '1 minuto');
    assert.equal(durationWords(3 * D, 'en', { style: 'narrow' }), '3d');
    // Arabic has six plural forms; whatever the digits, the words are CLDR's.
    for (const n of [1, 2, 3, 11, 13])
      assert.equal(
        durationWords(n * D, 'ar'),
        new Intl.NumberFormat('ar', { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(n),
      );
    assert.match(durationWords(3 * D, 'ar'), /أيام/);
    assert.equal(durationWords(10 * S, 'en'), 'now');
    assert.equal(durationWords(10 * S, 'en', { justNow: 'just now' }), 'just now');
    assert.equal(durationWords(10 * S, 'es'), 'ahora');
  });

  it('says "ago" the natural way: yesterday, 3 days ago, hace 3 días', () => {
    assert.equal(agoWords(D + H, 'en'), 'yesterday');
    assert.equal(agoWords(3 * D, 'en'), '3 days ago');
    assert.equal(agoWords(2 * H, 'en'), '2 hours ago');
    assert.equal(agoWords(3 * D, 'es'), 'hace 3 días');
    assert.equal(agoWords(D, 'es'), 'ayer');
    assert.equal(agoWords(0, 'ar'), 'الآن');
    assert.equal(agoWords({ unit: 'week', value: 2 }, 'en'), '2 weeks ago');
  });

  it('makes each formatter once: a queue of rows reuses them', () => {
    assert.equal(unitFormatter('es', 'day'), unitFormatter('es', 'day'));
    durationWords(3 * D, 'fr');
    const before = durationFormatterCount();
    const r = rng(2);
    for (let i = 0; i < 5000; i++)
      durationWords(r.int(0, 400) * D + r.int(0, 23) * H, r.pick(['en', 'es', 'ar']));
    // At most one per locale and unit (3 × 6), however many rows.
    assert.ok(durationFormatterCount() - before <= 18, `${durationFormatterCount() - before} made`);
    const again = durationFormatterCount();
    for (let i = 0; i < 5000; i++) durationWords(r.int(0, 400) * D, r.pick(['en', 'es', 'ar']));
    assert.equal(durationFormatterCount(), again);
  });

  it('a bad locale from a header never throws: English', () => {
    for (const bad of ['en_US', '', 'x', '!!', 'de-DE-u-nu-xyz-'.repeat(20)]) {
      assert.doesNotThrow(() => durationWords(3 * D, bad));
      assert.ok(['en', 'en-US'].includes(safeLocale(bad)) || safeLocale(bad).length > 0);
    }
    assert.equal(durationWords(3 * D, 'en_US'), '3 days');
    assert.equal(safeLocale('es-MX'), 'es-MX');
  });
});

const CANDIDATES = ['en', 'es', 'ar', 'ti', 'zh', 'yue', 'ht', 'fr', 'pt', 'fa'];

describe('language names', () => {
  it('names a code in the reader language, and in its own', () => {
    assert.equal(languageName('ti', 'en'), 'Tigrinya');
    assert.equal(languageName('ti', 'es'), 'tigriña');
    assert.equal(languageName('es', 'ar'), 'الإسبانية');
    assert.equal(autonym('es'), 'español');
    assert.equal(languageName('not a code!', 'en'), 'not a code!');
    assert.equal(languageName('es', 'en_US'), 'Spanish');
  });

  it('lists languages as options sorted the reader way', () => {
    assert.deepEqual(
      languageOptions(['en', 'es', 'ar', 'zh', 'es'], 'es').map((o) => o.name),
      ['árabe', 'chino', 'español', 'inglés'],
    );
    assert.deepEqual(
      languageOptions(['en', 'es', 'ar'], 'en').map((o) => o.code),
      ['ar', 'en', 'es'],
    );
  });

  it('a filter accepts the name in English, the reader language or its own, folded, or the code', () => {
    const cases: [string, string, string[]][] = [
      ['Spanish', 'en', ['es']],
      ['español', 'en', ['es']],
      ['espanol', 'en', ['es']],
      ['ESPAÑOL', 'ar', ['es']],
      ['es', 'en', ['es']],
      ['ES', 'es', ['es']],
      ['es-MX', 'en', ['es']],
      ['castellano', 'en', ['es']],
      ['span', 'en', ['es']],
      ['الإسبانية', 'ar', ['es']],
      ['الاسبانية', 'ar', ['es']],
      ['tigriña', 'es', ['ti']],
      ['Tigrinya', 'es', ['ti']],
      ['ትግርኛ', 'en', ['ti']],
      ['kreyol', 'en', ['ht']],
      ['Haitian Creole', 'es', ['ht']],
      ['farsi', 'en', ['fa']],
      ['chino', 'en', ['zh']],
      ['Cantonese', 'en', ['yue']],
      ['por', 'en', ['pt']],
      ['fr', 'en', ['fr']],
    ];
    for (const [q, reader, want] of cases)
      assert.deepEqual(matchLanguages(q, reader, CANDIDATES), want, `${q} (${reader})`);
  });

  it('says nothing rather than guessing', () => {
    for (const q of ['', '  ', 'x', 'sp', 'klingon', 'German', 'de'])
      assert.deepEqual(matchLanguages(q, 'en', CANDIDATES), [], q);
    // An exact name wins; a prefix several names share gives them all.
    const chinese = ['zh', 'nan', 'hak', 'yue'];
    assert.deepEqual(matchLanguages('Chinese', 'en', chinese), ['zh']);
    assert.deepEqual(matchLanguages('chin', 'en', chinese), ['hak', 'nan', 'zh']);
    assert.deepEqual(matchLanguages('portug', 'es', ['pt-BR', 'pt-PT', 'es']), ['pt-BR', 'pt-PT']);
  });
});
