import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type KeyRing, newKeySpec, parseKeyRing } from './shared/crypto.ts';
import { randomToken } from './shared/secrets.ts';

/**
 * Configuration is read once from the environment, validated and frozen. A bad value stops
 * start-up naming the variable (ConfigError), never half-way through a request.
 * Every variable is listed, with its default, in README.md.
 */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly baseUrl: string;
  readonly databaseUrl: string;
  readonly dialect: 'sqlite' | 'postgres';
  /** SQLite file path, or ':memory:'. Only for the sqlite dialect. */
  readonly sqliteFile: string;
  /**
   * SQLite's `synchronous` (SQLITE_SYNCHRONOUS): 'full' (default) syncs the WAL to disk before
   * each commit returns, so an acknowledged request survives a power cut; 'normal' syncs only
   * at checkpoints, which survives a crash of the process but may lose the last commits when
   * the machine loses power. README and docs/architecture.md quote the cost.
   */
  readonly sqliteSynchronous: 'full' | 'normal';
  readonly pgPoolMax: number;
  readonly demo: boolean;
  readonly secretKey: string;
  /** Keys for personal fields at rest (ENCRYPTION_KEYS); see src/shared/crypto.ts. */
  readonly keys: KeyRing;
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  /**
   * An SMS gateway speaking Twilio's Messages API (SMS_GATEWAY_URL, e.g. https://api.twilio.com),
   * or null: then no SMS is sent and inbound texts are refused.
   */
  readonly sms: SmsConfig | null;
  /**
   * A geocoder (GEOCODER_URL: Nominatim's or Pelias' search API) that places a typed address
   * in its 500 m cell, or null: then no address leaves the machine.
   */
  readonly geocoderUrl: string | null;
  readonly trustProxy: boolean;
  readonly logLevel: string;
  readonly defaultLanguage: 'en' | 'es';
  readonly sessionDays: number;
  readonly secureCookies: boolean;
  readonly dataDir: string;
}

export interface SmsConfig {
  /** Base URL of the gateway; messages go to `{url}/2010-04-01/Accounts/{sid}/Messages.json`. */
  readonly gatewayUrl: string;
  readonly accountSid: string;
  /** Authenticates our calls (HTTP Basic) and signs the gateway's webhooks to us. */
  readonly authToken: string;
  /** The number neighbours text and messages come from (E.164), unless a network has its own. */
  readonly from: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Configuration error in ${variable}: ${reason}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(name, `expected a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `expected true or false, got "${env[name]}"`);
}

/**
 * A key file made once and never overwritten, even when several app servers start at the same
 * moment on one data directory: the key is written whole under a name of its own, then hard-
 * linked to its place, which fails if another server got there first; every server then reads
 * the one file that won, so they all hold the same key. (Where the file system has no hard
 * links, an exclusive create does the same, without the all-or-nothing write.)
 */
export function keyFile(file: string, make: () => string): string {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${randomToken(6)}.tmp`;
    writeFileSync(tmp, make(), { mode: 0o600, flag: 'wx' });
    try {
      linkSync(tmp, file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') {
        try {
          writeFileSync(file, readFileSync(tmp), { mode: 0o600, flag: 'wx' });
        } catch (e2) {
          if ((e2 as NodeJS.ErrnoException).code !== 'EEXIST') throw e2;
        }
      } else if (code !== 'EEXIST') {
        throw e;
      }
    } finally {
      unlinkSync(tmp);
    }
  }
  return readFileSync(file, 'utf8').trim();
}

/**
 * The secret that signs CSRF tokens. Several app servers must share one, so it comes from
 * SECRET_KEY; on a single machine it is generated once into the data directory.
 */
function secretKey(env: Env, dataDir: string): string {
  const raw = env.SECRET_KEY;
  if (raw !== undefined && raw !== '') {
    if (raw.length < 32) throw new ConfigError('SECRET_KEY', 'must be at least 32 characters');
    return raw;
  }
  return keyFile(resolve(dataDir, 'secret-key'), () => randomToken(48));
}

/**
 * The keys that encrypt personal fields. Several app servers must share them, so they come
 * from ENCRYPTION_KEYS; on a single machine one is generated once into the data directory.
 * Losing this key loses the personal data: the backup instructions say to keep it.
 */
function encryptionKeys(env: Env, dataDir: string, indexSecret: string): KeyRing {
  const raw = env.ENCRYPTION_KEYS;
  if (raw !== undefined && raw !== '') {
    try {
      return parseKeyRing(raw, indexSecret);
    } catch (e) {
      throw new ConfigError('ENCRYPTION_KEYS', (e as Error).message);
    }
  }
  const spec = keyFile(resolve(dataDir, 'encryption-keys'), () => newKeySpec());
  try {
    return parseKeyRing(spec, indexSecret);
  } catch (e) {
    throw new ConfigError('DATA_DIR', `encryption-keys: ${(e as Error).message}`);
  }
}

/** An optional http(s) address without its trailing slash, or null when unset. */
function httpUrl(env: Env, name: string): string | null {
  const raw = (env[name] || '').trim().replace(/\/+$/, '');
  if (!raw) return null;
  try {
    const u = new URL(raw);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw new ConfigError(name, `expected an http(s) URL, got "${raw}"`);
  }
  return raw;
}

export function loadConfig(env: Env = process.env): Config {
  const port = int(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST || '127.0.0.1';
  const dataDir = resolve(env.DATA_DIR || './data');
  const databaseUrl = env.DATABASE_URL || `sqlite:${resolve(dataDir, 'mutua.sqlite')}`;
  let dialect: Config['dialect'];
  let sqliteFile = '';
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    dialect = 'postgres';
  } else if (databaseUrl.startsWith('sqlite:')) {
    dialect = 'sqlite';
    sqliteFile = databaseUrl.slice('sqlite:'.length);
    if (sqliteFile === '') throw new ConfigError('DATABASE_URL', 'sqlite: needs a file path');
    if (sqliteFile !== ':memory:') {
      sqliteFile = resolve(sqliteFile);
      mkdirSync(dirname(sqliteFile), { recursive: true });
    }
  } else {
    throw new ConfigError('DATABASE_URL', 'must start with sqlite: or postgres://');
  }
  const sqliteSynchronous = (env.SQLITE_SYNCHRONOUS || 'full').toLowerCase();
  if (sqliteSynchronous !== 'full' && sqliteSynchronous !== 'normal') {
    throw new ConfigError('SQLITE_SYNCHRONOUS', 'must be full or normal');
  }
  const baseUrl = (env.BASE_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    const u = new URL(baseUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw new ConfigError('BASE_URL', `expected an http(s) URL, got "${baseUrl}"`);
  }
  const smtpUrl = env.SMTP_URL || null;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) {
    throw new ConfigError('SMTP_URL', 'must start with smtp:// or smtps://');
  }
  const sms = smsConfig(env);
  const defaultLanguage = env.DEFAULT_LANGUAGE || 'en';
  if (defaultLanguage !== 'en' && defaultLanguage !== 'es') {
    throw new ConfigError('DEFAULT_LANGUAGE', 'must be en or es');
  }
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `unknown level "${logLevel}"`);
  }
  const secret = secretKey(env, dataDir);
  return Object.freeze({
    port,
    host,
    baseUrl,
    databaseUrl,
    dialect,
    sqliteFile,
    sqliteSynchronous,
    pgPoolMax: int(env, 'PG_POOL_MAX', 10, 1, 200),
    demo: bool(env, 'MUTUA_DEMO', false),
    secretKey: secret,
    keys: encryptionKeys(env, dataDir, secret),
    smtpUrl,
    mailFrom: env.MAIL_FROM || 'Mutua <no-reply@localhost>',
    sms,
    geocoderUrl: httpUrl(env, 'GEOCODER_URL'),
    trustProxy: bool(env, 'TRUST_PROXY', false),
    logLevel,
    defaultLanguage,
    sessionDays: int(env, 'SESSION_DAYS', 30, 1, 365),
    secureCookies: baseUrl.startsWith('https://'),
    dataDir,
  });
}

function smsConfig(env: Env): SmsConfig | null {
  const gatewayUrl = (env.SMS_GATEWAY_URL || '').replace(/\/+$/, '');
  if (!gatewayUrl) return null;
  if (!/^https?:\/\//.test(gatewayUrl)) {
    throw new ConfigError('SMS_GATEWAY_URL', 'must start with http:// or https://');
  }
  for (const name of ['SMS_ACCOUNT_SID', 'SMS_AUTH_TOKEN', 'SMS_FROM']) {
    if (!env[name]) throw new ConfigError(name, 'is required when SMS_GATEWAY_URL is set');
  }
  const from = env.SMS_FROM!.replace(/[\s().-]/g, '');
  if (!/^\+[1-9]\d{6,14}$/.test(from)) {
    throw new ConfigError(
      'SMS_FROM',
      `expected a number in international form (+15551234567), got "${env.SMS_FROM}"`,
    );
  }
  return {
    gatewayUrl,
    accountSid: env.SMS_ACCOUNT_SID!,
    authToken: env.SMS_AUTH_TOKEN!,
    from,
  };
}
