import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseInbound, pickOption } from '../../src/domain/sms/keywords.ts';

describe('SMS keywords', () => {
  it('reads keywords as whole first words, in either language, ignoring case and accents', () => {
    assert.deepEqual(parseInbound(' help '), { kind: 'help', language: 'en' });
    assert.deepEqual(parseInbound('Ayuda'), { kind: 'help', language: 'es' });
    assert.deepEqual(parseInbound('STOP'), { kind: 'stop' });
    assert.deepEqual(parseInbound('parar'), { kind: 'stop' });
    assert.deepEqual(parseInbound('start'), { kind: 'start' });
    assert.deepEqual(parseInbound('status abc-123'), {
      kind: 'status',
      code: 'ABC123',
      language: 'en',
    });
    assert.deepEqual(parseInbound('Estado  k7m 2pq'), {
      kind: 'status',
      code: 'K7M2PQ',
      language: 'es',
    });
    assert.deepEqual(parseInbound('yes K7M2PQ'), { kind: 'yes', code: 'K7M2PQ', language: 'en' });
    assert.deepEqual(parseInbound('Sí k7m2pq'), { kind: 'yes', code: 'K7M2PQ', language: 'es' });
    // Not keywords: more words after STOP, a keyword inside a word, YES without a code.
    assert.equal(parseInbound('stop the car at the corner').kind, 'text');
    assert.equal(parseInbound('helping hands').kind, 'text');
    assert.equal(parseInbound('yes').kind, 'text');
  });

  it('reads DONE and LISTO with a code and hours; digits of the code are not taken for hours', () => {
    assert.deepEqual(parseInbound('done K7M-4QP 1.5'), {
      kind: 'done',
      code: 'K7M4QP',
      hours: 1.5,
      language: 'en',
    });
    assert.deepEqual(parseInbound('LISTO k7m 4qp 2,25'), {
      kind: 'done',
      code: 'K7M4QP',
      hours: 2.25,
      language: 'es',
    });
    assert.deepEqual(parseInbound('DONE K7M 443'), {
      kind: 'done',
      code: 'K7M443',
      hours: null,
      language: 'en',
    });
    assert.deepEqual(parseInbound('DONE K7M443 3'), {
      kind: 'done',
      code: 'K7M443',
      hours: 3,
      language: 'en',
    });
    assert.deepEqual(parseInbound('DONE'), { kind: 'text', text: 'DONE' });
    assert.equal(
      parseInbound('done and dusted').kind,
      'done',
      'the server then finds no such code',
    );
  });

  it('picks an option by number or by a close word, and refuses ambiguity', () => {
    const options = [
      { key: 'groceries', label: 'Compras de comida' },
      { key: 'meals', label: 'Comida preparada' },
      { key: 'medicine', label: 'Medicamentos' },
    ];
    assert.equal(pickOption('3', options), 'medicine');
    assert.equal(pickOption('4', options), null);
    assert.equal(pickOption('medicina', options), 'medicine');
    assert.equal(pickOption('COMPRAS', options), 'groceries');
    assert.equal(pickOption('comida', options), null, 'two labels say comida');
    assert.equal(pickOption('comida preparada', options), 'meals');
    assert.equal(pickOption('zz', options), null);
  });
});
