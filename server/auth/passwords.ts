import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';

// scrypt is memory-hard: N=2^15 with r=8 needs 32 MiB per hash, which makes guessing in bulk expensive.
const parameters = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } satisfies ScryptOptions;
const keyLength = 32;

/**
 * At most one hash per core at a time: more would not finish sooner, but each holds its 32 MiB, so a
 * burst of registrations or logins would otherwise take the process's memory up with it.
 */
const oneHashPerCore = pLimit(availableParallelism());

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return oneHashPerCore(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
      ),
  );
}

/** "scrypt$N$r$p$salt$hash", so that parameters can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, parameters);
  return ['scrypt', parameters.N, parameters.r, parameters.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p), maxmem: parameters.maxmem });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash to check against when the e-mail is unknown, so that a login takes as long either way. */
export const decoyHash = await hashPassword(randomBytes(16).toString('hex'));
