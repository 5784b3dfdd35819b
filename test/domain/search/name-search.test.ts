import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalisePhone, phoneSearchKey } from '../../../src/domain/people/contact.ts';
import {
  MAX_NAME_TOKENS,
  nameMatches,
  nameTokens,
  queryTokens,
} from '../../../src/domain/search/name-tokens.ts';
import { isEmptySearch, readSearch } from '../../../src/domain/search/query.ts';
import { rng } from '../seeded-rng.ts';

const finds = (name: string, query: string) => nameMatches(nameTokens(name), queryTokens(query));

describe('name tokens for a blind index', () => {
  it('finds José García by what people type', () => {
    for (const q of [
      'garcia',
      'García',
      'GARCIA',
      'jose garcia',
      'García, José',
      'garcia jose',
      'j garcia',
      'García J.',
      '  josé  ',
    ])
      assert.ok(finds('José García', q), q);
    for (const q of ['garcía lópez', 'maria', 'gar', 'g', 'josé maría', ''])
      assert.ok(!finds('José García', q), q);
  });

  it('hyphens, apostrophes and particles: both ways of writing a name are found', () => {
    const cases: [string, string[], string[]][] = [
      [
        'Gabriel García-Márquez',
        ['garcia marquez', 'garciamarquez', 'García-Márquez', 'marquez'],
        ['garcia-lopez'],
      ],
      ['Gabriel García Márquez', ['garcia-marquez', 'marquez gabriel'], ['garciamarquez']],
      ["Siobhán O'Brien", ['obrien', "o'brien", 'o brien', 'siobhan'], ['bryan']],
      [
        'María de la Cruz',
        ['cruz', 'de la cruz', 'delacruz', 'la cruz', 'lacruz', 'maria cruz'],
        ['del cruz'],
      ],
      ['Ahmed al-Hassan', ['hassan', 'alhassan', 'al hassan', 'al-hassan'], ['hasan']],
      ['Ahmed Al Hassan', ['alhassan', 'al-hassan'], []],
      [
        'Ludwig van Beethoven',
        ['vanbeethoven', 'beethoven', 'van beethoven', 'l van beethoven'],
        ['von beethoven'],
      ],
      ['Abdul Rahman', ['abdulrahman', 'abdul rahman'], []],
    ];
    for (const [name, yes, no] of cases) {
      for (const q of yes)
        assert.ok(finds(name, q), `${name} by ${q}: ${nameTokens(name).join(' ')}`);
      for (const q of no) assert.ok(!finds(name, q), `${name} not by ${q}`);
    }
  });

  it('folds other scripts and the letters Arabic writes several ways', () => {
    assert.ok(finds('أحمد', 'احمد'));
    assert.ok(finds('فاطمة', 'فاطمه'));
    assert.ok(finds('مصطفى', 'مصطفي'));
    assert.ok(finds('مـحـمـد', 'محمد'), 'tatweel');
    assert.ok(finds('Straße', 'strasse'));
    assert.ok(finds('Ørsted Łukasz', 'orsted lukasz'));
    assert.ok(finds('Nguyễn Văn An', 'nguyen van an'));
    assert.ok(finds('Ｊｏｓｅ', 'jose'), 'full-width letters');
    assert.ok(finds('Иван Петров', 'петров'));
  });

  it('tokens are a set: any order, any case, repeated words, the same tokens', () => {
    const r = rng(1);
    const words = [
      'José',
      'María',
      'de',
      'la',
      'Cruz',
      'García-López',
      "O'Neil",
      'Núñez',
      'al',
      'Hassan',
    ];
    for (let i = 0; i < 2000; i++) {
      const picked = Array.from({ length: r.int(1, 6) }, () => r.pick(words));
      const name = picked.join(' ');
      const shuffled = r
        .shuffle(picked)
        .map((w) => (r.next() < 0.5 ? w.toUpperCase() : w.toLowerCase()));
      const a = nameTokens(name);
      assert.deepEqual([...a].sort(), a, 'sorted');
      assert.equal(new Set(a).size, a.length, 'unique');
      // A reordering keeps every word token (joined particle forms depend on order, by design).
      const b = nameTokens(shuffled.join('  '));
      for (const t of a.filter(
        (t) => queryTokens(t).length === 1 && picked.some((w) => queryTokens(w).includes(t)),
      ))
        assert.ok(b.includes(t), `${t} of ${name}`);
      // Any of the name's own words, in any order, finds it.
      const query = r.shuffle(picked).slice(0, r.int(1, picked.length)).join(' ');
      assert.ok(nameMatches(a, queryTokens(query)), `${name} by ${query}`);
    }
  });

  it('a word missing from the name never matches (no false positives from initials or joins)', () => {
    const r = rng(2);
    const pool = [
      'ana',
      'luis',
      'marta',
      'pedro',
      'sofia',
      'diego',
      'lucia',
      'pablo',
      'elena',
      'jorge',
    ];
    for (let i = 0; i < 2000; i++) {
      const name = r.shuffle(pool).slice(0, r.int(1, 4));
      const absent = pool.find((w) => !name.includes(w))!;
      assert.ok(!finds(name.join(' '), `${r.pick(name)} ${absent}`));
    }
  });

  it('bounds what one name may put in the index, and tokens carry no separators', () => {
    const long = Array.from({ length: 60 }, (_, i) => `Name${i}`).join(' ');
    assert.ok(nameTokens(long).length <= MAX_NAME_TOKENS);
    assert.ok(nameTokens(`${'a'.repeat(500)} b`).every((t) => [...t].length <= 41));
    for (const t of nameTokens("  Ana-María  O'Connor, (Jr.)  "))
      assert.match(t, /^~?[\p{L}\p{N}]+$/u);
    assert.deepEqual(queryTokens('¿?¡! ...'), []);
    // Initials alone are no search: "j" or "J. G." would list half the network.
    assert.deepEqual(queryTokens('j'), []);
    assert.deepEqual(queryTokens('J. G.'), []);
    assert.deepEqual(queryTokens('J. García'), ['garcia', '~j']);
    assert.ok(!nameMatches(nameTokens('Ana'), []));
  });
});

describe('phone numbers for search', () => {
  it('finds a number however it is read out: with or without country code or trunk 0', () => {
    const same: [string, string][] = [
      ['+34 612 345 678', '612345678'],
      ['+44 7700 900123', '07700 900123'],
      ['+1 (555) 010-2000', '555-010-2000'],
      ['+45 81 23 45 67', '8123 4567'],
      ['+52 55 1234 5678', '55 1234 5678'],
    ];
    for (const [stored, read] of same)
      assert.equal(phoneSearchKey(stored), phoneSearchKey(read), `${stored} ~ ${read}`);
    assert.notEqual(phoneSearchKey('+34 612 345 678'), phoneSearchKey('+34 612 345 679'));
    assert.equal(phoneSearchKey('call me'), null);
    assert.equal(phoneSearchKey('12345'), null);
    assert.equal(phoneSearchKey('+15550102000'), '50102000');
    // The household door keeps its 9 digits.
    assert.equal(phoneSearchKey('+1 555 010 9999', 9), '550109999');
    assert.equal(normalisePhone('+1 555 010 9999'), '+15550109999');
  });
});

describe('reading a search box', () => {
  it('reads a code, a phone number, an email or a name, and each as all it may be', () => {
    assert.deepEqual(readSearch('k7m-4qp'), {
      code: 'K7M4QP',
      phoneKey: null,
      email: null,
      nameTokens: ['4qp', 'k7m'],
    });
    assert.deepEqual(readSearch(' 612 34 56 78 '), {
      code: null,
      phoneKey: '12345678',
      email: null,
      nameTokens: [],
    });
    assert.deepEqual(readSearch('Ana@Example.org'), {
      code: null,
      phoneKey: null,
      email: 'ana@example.org',
      nameTokens: [],
    });
    assert.deepEqual(readSearch('mailto:ana@example.org').email, 'ana@example.org');
    assert.deepEqual(readSearch('ana@'), {
      code: null,
      phoneKey: null,
      email: null,
      nameTokens: [],
    });
    // "Ana Mar" is also a valid code: both are looked up.
    assert.deepEqual(readSearch('Ana Mar'), {
      code: 'ANAMAR',
      phoneKey: null,
      email: null,
      nameTokens: ['ana', 'mar'],
    });
    assert.deepEqual(readSearch('José García').code, null);
    assert.ok(isEmptySearch(readSearch('  ')));
    assert.ok(isEmptySearch(readSearch('ana@')));
    assert.ok(!isEmptySearch(readSearch('garcia')));
    assert.ok(readSearch('x'.repeat(10_000)).nameTokens.every((t) => t.length <= 40));
  });
});
