import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  defaultEmergencyNumber,
  emergencyNumbers,
  FALLBACK_EMERGENCY_NUMBER,
  knownEmergencyCountries,
  parseEmergencyNumber,
} from '../../../src/domain/networks/emergency-numbers.ts';

const EU = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(
  ' ',
);

describe('emergency numbers by country', () => {
  it('knows the well-known ones', () => {
    const cases: [string, string][] = [
      ['US', '911'],
      ['CA', '911'],
      ['MX', '911'],
      ['GB', '999'],
      ['AU', '000'],
      ['NZ', '111'],
      ['ES', '112'],
      ['IN', '112'],
      ['JP', '119'],
      ['BR', '192'],
      ['CL', '131'],
      ['CO', '123'],
      ['HK', '999'],
    ];
    for (const [c, n] of cases) assert.equal(defaultEmergencyNumber(c), n, c);
    for (const c of EU) assert.equal(defaultEmergencyNumber(c), '112', c);
  });

  it('gives police, ambulance and fire where they differ, the ambulance first', () => {
    assert.deepEqual(emergencyNumbers('JP'), {
      main: '119',
      police: '110',
      ambulance: '119',
      fire: '119',
      known: true,
    });
    assert.deepEqual(emergencyNumbers('br'), {
      main: '192',
      police: '190',
      ambulance: '192',
      fire: '193',
      known: true,
    });
    for (const c of knownEmergencyCountries()) {
      const n = emergencyNumbers(c);
      if (n.ambulance && n.main !== n.ambulance)
        assert.ok(['ZA', 'SA', 'AR'].includes(c), `${c}: main is not the ambulance`);
    }
  });

  it('falls back to 112 (every GSM phone dials it) for anything else', () => {
    for (const c of ['ZZ', 'XK', '', 'USA', 'u', '12', null, undefined])
      assert.deepEqual(
        emergencyNumbers(c),
        { main: FALLBACK_EMERGENCY_NUMBER, known: false },
        String(c),
      );
    assert.equal(defaultEmergencyNumber(' mx '), '911');
  });

  it('lists only real ISO 3166 countries and short numbers', () => {
    const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    const known = knownEmergencyCountries();
    assert.ok(known.length > 80, `${known.length} countries`);
    for (const c of known) {
      assert.match(c, /^[A-Z]{2}$/);
      assert.ok(regions.of(c), `${c} is a region`);
      const n = emergencyNumbers(c);
      for (const v of [n.main, n.police, n.ambulance, n.fire])
        if (v !== undefined) assert.match(v, /^\d{2,5}$/, c);
    }
  });

  it('reads the number an admin types, refusing what is not a short code', () => {
    assert.equal(parseEmergencyNumber(' 1 1 2 '), '112');
    assert.equal(parseEmergencyNumber('000'), '000');
    assert.equal(parseEmergencyNumber('10-111'), '10111');
    for (const bad of ['', '1', '+34 112', '123456789', 'abc', '112a'])
      assert.equal(parseEmergencyNumber(bad), null, bad);
  });
});
