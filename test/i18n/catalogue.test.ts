import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allKeys, catalogue, fromAcceptLanguage, plural, translator } from '../../src/i18n/i18n.ts';

const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join(',');

describe('translation catalogue', () => {
  it('Spanish has every English key, no empty string, and the same placeholders', () => {
    const en = catalogue('en');
    const es = catalogue('es');
    for (const key of allKeys()) {
      assert.ok(es[key]?.trim(), `es is missing ${key}`);
      assert.equal(placeholders(es[key]), placeholders(en[key]), `placeholders of ${key}`);
    }
    assert.deepEqual(Object.keys(es).sort(), Object.keys(en).sort());
  });

  it('Spanish is really translated, not copied', () => {
    const en = catalogue('en');
    const es = catalogue('es');
    // A template of placeholders and punctuation only ("{name}: {count}") has no words to translate.
    const words = (v: string) => /\p{L}/u.test(v.replace(/\{\w+\}/g, ''));
    const same = allKeys().filter((k) => en[k] === es[k] && en[k].length > 6 && words(en[k]));
    assert.deepEqual(same, []);
  });

  it('fills placeholders and picks the language of Accept-Language', () => {
    assert.equal(translator('es')('error.rateLimited', { minutes: 3 }).includes('3'), true);
    assert.equal(fromAcceptLanguage('fr-CA, es;q=0.8, en;q=0.5'), 'es');
    assert.equal(fromAcceptLanguage('de'), null);
    assert.equal(fromAcceptLanguage(undefined), null);
    assert.equal(plural('en', 'x', 1), 'x.one');
    assert.equal(plural('es', 'x', 2), 'x.other');
  });
});
