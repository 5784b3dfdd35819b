import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  amountExample,
  MAX_AMOUNT_MINOR,
  parseAmount,
} from '../../../src/domain/money/amount-input.ts';
import {
  cachedFormatterCount,
  currencyInfo,
  formatMoney,
  isCurrencyCode,
  moneyFormatter,
  sumMoney,
  toDecimalString,
} from '../../../src/domain/money/currency.ts';

describe('currencies', () => {
  it('accepts ISO 4217 codes ICU knows, and refuses well-formed inventions', () => {
    assert.ok(isCurrencyCode('USD'));
    assert.ok(isCurrencyCode('EUR'));
    assert.ok(!isCurrencyCode('XYZ'), 'Intl would format XYZ; it is no currency');
    assert.ok(!isCurrencyCode('usd'));
    assert.ok(!isCurrencyCode('US'));
    assert.ok(!isCurrencyCode('USDX'));
    assert.deepEqual(currencyInfo(' eur '), { code: 'EUR', digits: 2 });
    assert.deepEqual(currencyInfo('JPY'), { code: 'JPY', digits: 0 });
    assert.deepEqual(currencyInfo('BHD'), { code: 'BHD', digits: 3 });
    assert.equal(currencyInfo('XYZ'), null);
    assert.equal(currencyInfo(''), null);
  });

  it('writes minor units as exact decimals', () => {
    assert.equal(toDecimalString(1250, 2), '12.50');
    assert.equal(toDecimalString(-5, 2), '-0.05');
    assert.equal(toDecimalString(0, 2), '0.00');
    assert.equal(toDecimalString(1234, 0), '1234');
    assert.equal(toDecimalString(5, 3), '0.005');
    assert.equal(toDecimalString(Number.MAX_SAFE_INTEGER, 2), '90071992547409.91');
    assert.throws(() => toDecimalString(1.5, 2));
  });

  it('formats in the reader language, exactly, with one formatter per locale and currency', () => {
    assert.equal(formatMoney({ minor: 123450, currency: 'EUR' }, 2, 'es'), '1234,50\u00a0€');
    assert.equal(formatMoney({ minor: 123450, currency: 'USD' }, 2, 'en'), '$1,234.50');
    assert.equal(formatMoney({ minor: -5, currency: 'USD' }, 2, 'en'), '-$0.05');
    assert.equal(formatMoney({ minor: 1234, currency: 'JPY' }, 0, 'en'), '¥1,234');
    assert.equal(
      formatMoney({ minor: Number.MAX_SAFE_INTEGER, currency: 'USD' }, 2, 'en'),
      '$90,071,992,547,409.91',
      'no floating-point rounding at the top of the range',
    );
    assert.equal(
      formatMoney({ minor: 100, currency: 'USD' }, 2, 'xx-!!'),
      '$1.00',
      'a bad tag reads as English',
    );
    const before = cachedFormatterCount();
    const f = moneyFormatter('fr', 'EUR', 2);
    assert.equal(moneyFormatter('fr', 'EUR', 2), f, 'the same formatter is reused');
    assert.equal(cachedFormatterCount(), before + 1);
  });

  it('adds amounts of one currency and refuses a mix', () => {
    assert.deepEqual(
      sumMoney(
        [
          { minor: 1, currency: 'EUR' },
          { minor: 2, currency: 'EUR' },
        ],
        'EUR',
      ),
      {
        minor: 3,
        currency: 'EUR',
      },
    );
    assert.throws(() => sumMoney([{ minor: 1, currency: 'USD' }], 'EUR'));
  });
});

describe('amounts as people type them', () => {
  const usd = { digits: 2, locale: 'en', currency: 'USD' };
  const eur = { digits: 2, locale: 'es', currency: 'EUR' };
  const ok = (t: string, o: Parameters<typeof parseAmount>[1]) => {
    const r = parseAmount(t, o);
    assert.ok(r.ok, `${t}: ${JSON.stringify(r)}`);
    return r.minor;
  };
  const no = (t: string, o: Parameters<typeof parseAmount>[1]) => {
    const r = parseAmount(t, o);
    assert.ok(!r.ok, t);
    return r.key;
  };
  it('reads each language its own way, exactly', () => {
    assert.equal(ok('12.5', usd), 1250);
    assert.equal(ok('$1,234.56', usd), 123456);
    assert.equal(ok('1234', usd), 123400);
    assert.equal(ok('0.1', usd), 10);
    assert.equal(ok('USD 7', usd), 700);
    assert.equal(ok('12,50', eur), 1250);
    assert.equal(ok('1.234,56 €', eur), 123456);
    assert.equal(ok('1.234', eur), 123400);
    assert.equal(ok('1 234,50', { digits: 2, locale: 'fr' }), 123450);
    assert.equal(ok('1\u202f234,50', { digits: 2, locale: 'fr' }), 123450);
    assert.equal(ok("1'234.50", { digits: 2, locale: 'de-CH' }), 123450);
    assert.equal(ok('12,34,567.50', { digits: 2, locale: 'en-IN' }), 1234567_50);
    assert.equal(ok('1,234', { digits: 0, locale: 'en' }), 1234);
    assert.equal(
      ok('1234.00', { digits: 0, locale: 'en' }),
      1234,
      'zeros past the unit are harmless',
    );
    assert.equal(ok('0.005', { digits: 3, locale: 'en' }), 5);
  });

  it('refuses what could mean two things, never guessing a hundred times the receipt', () => {
    assert.equal(no('12.50', eur), 'money.field.amountFormat', '"." groups thousands in Spanish');
    assert.equal(no('1,23', usd), 'money.field.amountFormat');
    assert.equal(no('1.2.3', usd), 'money.field.amountFormat');
    assert.equal(no('12.345', usd), 'money.field.amountTooPrecise');
    assert.equal(no('', usd), 'money.field.amountRequired');
    assert.equal(no(' $ ', usd), 'money.field.amountRequired');
    assert.equal(no('-5', usd), 'money.field.amountPositive');
    assert.equal(no('0', usd), 'money.field.amountPositive');
    assert.equal(no('ten', usd), 'money.field.amountFormat');
    assert.equal(no('1e5', usd), 'money.field.amountFormat');
    assert.equal(no('1G234', usd), 'money.field.amountFormat');
    assert.equal(no('99999999999999999999', usd), 'money.field.amountTooLarge');
    assert.equal(ok('10000000000', usd), MAX_AMOUNT_MINOR);
    assert.equal(no('10000000000.01', usd), 'money.field.amountTooLarge');
    const r = parseAmount('12.50', eur);
    assert.ok(!r.ok);
    assert.deepEqual(r.params, { example: '1.234,50' });
    assert.equal(amountExample('en', 2), '1,234.50');
    assert.equal(amountExample('en', 0), '1,234');
  });
});
