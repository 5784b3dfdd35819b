import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePolygon } from '../../src/domain/geo/polygon.ts';
import {
  normaliseEmail,
  normalisePhone,
  parseIdentifier,
} from '../../src/domain/people/contact.ts';

describe('contact details', () => {
  it('normalises emails and phones so the same person is found however they typed it', () => {
    assert.equal(normaliseEmail('  Ana@Example.ORG '), 'ana@example.org');
    assert.equal(normalisePhone('+1 (555) 010-2000'), '+15550102000');
    assert.equal(normalisePhone('555 010 2000'), '5550102000');
    assert.equal(normalisePhone('12'), null);
    assert.equal(normalisePhone('call me'), null);
    assert.equal(normalisePhone('+1234567890123456'), null, 'longer than E.164 allows');
  });

  it('reads "email or phone" as one or the other', () => {
    assert.deepEqual(parseIdentifier('Ana@Example.org'), {
      kind: 'email',
      value: 'ana@example.org',
    });
    assert.deepEqual(parseIdentifier('+34 600 11 22 33'), { kind: 'phone', value: '+34600112233' });
    assert.equal(parseIdentifier('ana@'), null);
    assert.equal(parseIdentifier('hello'), null);
  });

  it('accepts only closed GeoJSON rings of valid positions', () => {
    const ring = [
      [-122.68, 45.52],
      [-122.67, 45.52],
      [-122.67, 45.53],
      [-122.68, 45.52],
    ];
    assert.deepEqual(parsePolygon(JSON.stringify([ring])), [ring]);
    assert.deepEqual(parsePolygon(JSON.stringify({ type: 'Polygon', coordinates: [ring] })), [
      ring,
    ]);
    assert.equal(parsePolygon(JSON.stringify([ring.slice(0, 3)])), null, 'too few points');
    assert.equal(
      parsePolygon(JSON.stringify([[...ring.slice(0, 3), [-122.6, 45.5]]])),
      null,
      'not closed',
    );
    assert.equal(
      parsePolygon(
        JSON.stringify([
          [
            [200, 0],
            [0, 0],
            [0, 1],
            [200, 0],
          ],
        ]),
      ),
      null,
      'longitude out of range',
    );
    assert.equal(parsePolygon('{nope'), null);
  });
});
