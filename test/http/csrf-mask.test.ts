import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskToken, randomToken, unmaskToken } from '../../src/shared/secrets.ts';

test('a masked CSRF token differs every time and unmasks to the token', () => {
  const token = randomToken(32);
  const a = maskToken(token);
  const b = maskToken(token);
  assert.notEqual(a, b);
  assert.ok(!a.includes(token));
  assert.equal(unmaskToken(a), token);
  assert.equal(unmaskToken(b), token);
});

test('the bare token, a cut or foreign string never unmasks to the token', () => {
  const token = randomToken(32);
  assert.notEqual(unmaskToken(token), token);
  assert.equal(
    unmaskToken(maskToken(token).slice(0, 10)),
    unmaskToken(maskToken(token).slice(0, 10)),
  );
  assert.notEqual(unmaskToken(maskToken(token).slice(0, 10)), token);
  assert.equal(unmaskToken('not base64!'), '');
  assert.equal(unmaskToken(''), '');
  assert.equal(maskToken(''), '');
});
