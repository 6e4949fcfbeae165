import {
  createCipheriv,
  createDecipheriv,
  createHash,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";

export function sha256hex(s: string | Buffer): string {
  return createHash("sha256").update(s).digest("hex");
}

/** A URL-safe random token with `bytes` of entropy. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** A secret as stored: a random salt and SHA-256 of `salt:secret`, both hex. */
export interface SaltedHash {
  salt: string;
  hash: string;
}

export function hashWithSalt(salt: string, secret: string): string {
  return sha256hex(`${salt}:${secret}`);
}

/** Salt and hash a secret a person will type back later (tracking secrets, one-time codes). */
export function saltedHash(secret: string): SaltedHash {
  const salt = randomBytes(16).toString("hex");
  return { salt, hash: hashWithSalt(salt, secret) };
}

/** Compared against when there is no record, so that an unknown code costs what a wrong secret does. */
const NO_RECORD: SaltedHash = { salt: "0".repeat(32), hash: hashWithSalt("0".repeat(32), "dummy") };

/**
 * Whether `secret` matches `stored`, compared in constant time. With no record (`null`: the code
 * does not exist) the same hash and compare run against a stand-in and the answer is false, so the
 * time taken does not tell a guesser whether the code exists.
 */
export function matchesSaltedHash(stored: SaltedHash | null, secret: string): boolean {
  const against = stored ?? NO_RECORD;
  const expected = Buffer.from(against.hash, "hex");
  const given = Buffer.from(hashWithSalt(against.salt, secret), "hex");
  const same = expected.length === given.length && timingSafeEqual(expected, given);
  return stored !== null && same;
}

/**
 * A public code nobody holds yet: `first` if it is free, else fresh ones from `fresh()`, at most
 * `tries` candidates in all. Random codes collide rarely; after `tries` the last candidate is
 * returned and the table's unique index refuses it, rather than looping for ever.
 */
export async function unusedCode(
  first: string,
  fresh: () => string,
  taken: (code: string) => Promise<boolean>,
  tries = 5,
): Promise<string> {
  let code = first;
  for (let i = 0; i < tries; i++) {
    if (!(await taken(code))) break;
    code = fresh();
  }
  return code;
}

/**
 * Symmetric sealing (AES-256-GCM) with a key derived from a secret kept outside the database, for
 * fields that must be unreadable in a database dump (TOTP secrets; later, reporter identities).
 * Format: "v1.<iv>.<tag>.<ciphertext>" in base64url.
 */
export function sealer(secret: string, purpose: string) {
  const key = Buffer.from(hkdfSync("sha256", secret, "zona", purpose, 32));
  return {
    seal(plain: string): string {
      const iv = randomBytes(12);
      const c = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([c.update(plain, "utf8"), c.final()]);
      return [
        "v1",
        iv.toString("base64url"),
        c.getAuthTag().toString("base64url"),
        body.toString("base64url"),
      ].join(".");
    },
    open(sealed: string): string {
      const [v, iv, tag, body] = sealed.split(".");
      if (v !== "v1" || !iv || !tag || body === undefined) throw new Error("not a sealed value");
      const d = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      d.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([d.update(Buffer.from(body, "base64url")), d.final()]).toString("utf8");
    },
  };
}
