import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../src/config.ts';

const dir = mkdtempSync(join(tmpdir(), 'mutua-config-'));
const base = { DATA_DIR: dir };

describe('configuration', () => {
  it('has working defaults: SQLite under the data directory, port 3000, a generated secret kept on disk', () => {
    const c = loadConfig(base);
    assert.equal(c.dialect, 'sqlite');
    assert.equal(c.sqliteFile, join(dir, 'mutua.sqlite'));
    assert.equal(c.port, 3000);
    assert.equal(c.baseUrl, 'http://localhost:3000');
    assert.ok(c.secretKey.length >= 32);
    assert.equal(loadConfig(base).secretKey, c.secretKey, 'the same secret on the next start');
    assert.ok(Object.isFrozen(c));
  });

  it('uses PostgreSQL for a postgres:// DATABASE_URL', () => {
    assert.equal(loadConfig({ ...base, DATABASE_URL: 'postgres://u@h/db' }).dialect, 'postgres');
  });

  for (const [name, value] of [
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['BASE_URL', 'ftp://x'],
    ['SMTP_URL', 'http://mail'],
    ['MUTUA_DEMO', 'maybe'],
    ['SECRET_KEY', 'short'],
    ['DEFAULT_LANGUAGE', 'fr'],
    ['SESSION_DAYS', '0'],
    ['LOG_LEVEL', 'loud'],
  ] as const) {
    it(`stops with the variable's name for a bad ${name}`, () => {
      assert.throws(
        () => loadConfig({ ...base, [name]: value }),
        (e: unknown) => e instanceof ConfigError && e.variable === name && e.message.includes(name),
      );
    });
  }

  it('marks cookies Secure when the site is served over https', () => {
    assert.equal(loadConfig({ ...base, BASE_URL: 'https://aid.example.org' }).secureCookies, true);
    assert.equal(loadConfig(base).secureCookies, false);
  });
});

describe('SMS gateway configuration', () => {
  const base = {
    SECRET_KEY: 'k'.repeat(40),
    DATA_DIR: mkdtempSync(join(tmpdir(), 'mutua-cfg-sms-')),
  };
  it('is off without SMS_GATEWAY_URL', () => {
    assert.equal(loadConfig(base).sms, null);
  });
  it('needs the account, token and number, and a number in international form', () => {
    assert.throws(
      () => loadConfig({ ...base, SMS_GATEWAY_URL: 'http://127.0.0.1:9' }),
      (e: unknown) => e instanceof ConfigError && e.variable === 'SMS_ACCOUNT_SID',
    );
    const all = {
      ...base,
      SMS_GATEWAY_URL: 'http://127.0.0.1:9/',
      SMS_ACCOUNT_SID: 'AC1',
      SMS_AUTH_TOKEN: 't',
    };
    assert.throws(
      () => loadConfig({ ...all, SMS_FROM: '555-0100' }),
      (e: unknown) => e instanceof ConfigError && e.variable === 'SMS_FROM',
    );
    const sms = loadConfig({ ...all, SMS_FROM: '+1 (555) 010-0100' }).sms;
    assert.deepEqual(sms, {
      gatewayUrl: 'http://127.0.0.1:9',
      accountSid: 'AC1',
      authToken: 't',
      from: '+15550100100',
    });
  });
});
