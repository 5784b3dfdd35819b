import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with OWASP's 2024 minimum (19 MiB, 2 passes, 1 lane): about 30 ms here, slow
 * enough against guessing, fast enough for a busy distribution day.
 */
// algorithm 2 is Argon2id (a const enum in the package, not importable under verbatimModuleSyntax).
const OPTIONS = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** 10 characters at least; 200 at most so nobody can make us hash a megabyte. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Checked when no account matches, so a wrong email takes as long as a wrong password.
let dummy: Promise<string> | null = null;
export async function verifyDummy(password: string): Promise<false> {
  dummy ??= hashPassword('not a real password, only for timing');
  await verifyPassword(await dummy, password);
  return false;
}
