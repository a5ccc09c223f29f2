// Password hashing with scrypt (memory-hard KDF, built into Node, no native addon to compile).
// Stored as "scrypt$N$r$p$salt$hash": verifying reads the cost from the hash itself, so the cost
// can be raised later (or lowered for tests) without breaking the hashes already stored.
import crypto from "node:crypto";
import { promisify } from "node:util";
import { getEnv } from "~/utils/env.server";

const scrypt = promisify(crypto.scrypt) as (
  password: crypto.BinaryLike,
  salt: crypto.BinaryLike,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

type Cost = { N: number; r: number; p: number };
// N = 2^15, r = 8: ~32 MiB and roughly 60–100 ms per hash on this class of machine.
const PRODUCTION_COST: Cost = { N: 2 ** 15, r: 8, p: 1 };
// Under APP_ENV=test only (the tests create hundreds of accounts): ~1 MiB and about a millisecond.
const TEST_COST: Cost = { N: 2 ** 10, r: 8, p: 1 };
const KEY_LENGTH = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

/** The cost of new hashes: the full cost everywhere except the test environment. */
export function hashingCost(): Cost {
  return getEnv().appEnv === "test" ? TEST_COST : PRODUCTION_COST;
}

export async function hashPassword(password: string): Promise<string> {
  const cost = hashingCost();
  const salt = crypto.randomBytes(16);
  const hash = await scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, {
    ...cost,
    maxmem: MAX_MEMORY,
  });
  return ["scrypt", cost.N, cost.r, cost.p, salt.toString("base64"), hash.toString("base64")].join(
    "$",
  );
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltB64, hashB64] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !saltB64 || !hashB64) return false;
  const expected = Buffer.from(hashB64, "base64");
  const actual = await scrypt(
    password.normalize("NFKC"),
    Buffer.from(saltB64, "base64"),
    expected.length,
    {
      N: Number(n),
      r: Number(r),
      p: Number(p),
      maxmem: MAX_MEMORY,
    },
  );
  return crypto.timingSafeEqual(actual, expected);
}

/** Verifying against this costs the same as a real check, so unknown e-mails are not revealed by timing. */
let dummyHash: Promise<string> | undefined;
export function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword("dummy-password-for-timing");
  return dummyHash;
}
