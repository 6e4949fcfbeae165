/**
 * Whistle-blowing cryptography (node:crypto only):
 * - AES-256-GCM for identity fields and attachment bytes, with a key from WBS_ENCRYPTION_KEY
 *   (32 bytes as base64 or 64 hex digits) kept outside the database. Development and test get a
 *   fixed, clearly-named development key; production refuses to start a WBS write without one.
 * - report codes and secrets from the CSPRNG; only SHA-256 of the secret is stored.
 * - proof-of-work challenges signed with an HMAC, so the server keeps nothing until one is spent.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  randomInt,
  timingSafeEqual,
} from "node:crypto";
import { fail } from "../../../kernel/http/errors";
import { CODE_ALPHABET, leadingZeroBits } from "../domain/wbs";

const DEV_KEY_TEXT = "zona-wbs-development-key-not-for-production";

export function loadWbsKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const raw = env.WBS_ENCRYPTION_KEY?.trim();
  if (raw) {
    const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, "hex") : Buffer.from(raw, "base64");
    if (key.length !== 32) throw new Error("WBS_ENCRYPTION_KEY must be 32 bytes (64 hex digits or base64)");
    return key;
  }
  if (env.NODE_ENV === "production")
    throw new Error("WBS_ENCRYPTION_KEY is required in production (32 bytes, hex or base64)");
  return createHash("sha256").update(DEV_KEY_TEXT).digest();
}

/** "v1.<iv>.<tag>.<ciphertext>" in base64url; the associated data binds it to its purpose. */
export function seal(key: Buffer, plain: Buffer, aad: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", key, iv);
  c.setAAD(Buffer.from(aad));
  const body = Buffer.concat([c.update(plain), c.final()]);
  return [
    "v1",
    iv.toString("base64url"),
    c.getAuthTag().toString("base64url"),
    body.toString("base64url"),
  ].join(".");
}

export function open(key: Buffer, sealed: string, aad: string): Buffer {
  const [v, iv, tag, body] = sealed.split(".");
  if (v !== "v1" || !iv || !tag || body === undefined) throw new Error("not a sealed value");
  const d = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  d.setAAD(Buffer.from(aad));
  d.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([d.update(Buffer.from(body, "base64url")), d.final()]);
}

export function newReportCode(): string {
  const pick = () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  const part = () => Array.from({ length: 4 }, pick).join("");
  return `WBS-${part()}-${part()}`;
}

/** 128 random bits, shown once to the reporter. */
export function newSecret(): string {
  return randomBytes(16).toString("base64url");
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(`wbs-secret:${secret}`).digest("hex");
}

export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret), "hex");
  const b = Buffer.from(hash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

// ---------------------------------------------------------------------------------------------
// Proof of work: the page must spend about a second of CPU per request; nothing about the caller is
// kept. Challenge = "<issuedMs>.<random>.<bits>.<hmac>"; solution: sha256(challenge + ":" + nonce)
// has `bits` leading zero bits. A spent challenge is remembered (by its random part) until expiry.

export const POW_TTL_MS = 10 * 60_000;

export function powBits(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.WBS_POW_BITS);
  return Number.isInteger(n) && n >= 8 && n <= 24 ? n : 16;
}

function powMac(secret: string, body: string): string {
  return createHmac("sha256", `wbs-pow:${secret}`).update(body).digest("base64url").slice(0, 32);
}

export function issueChallenge(secret: string, nowMs: number, bits: number): string {
  const body = `${nowMs}.${randomBytes(12).toString("base64url")}.${bits}`;
  return `${body}.${powMac(secret, body)}`;
}

/** Checks signature, age and work; returns the token id to mark spent, or fails WBS_POW_INVALID. */
export function verifyPow(
  secret: string,
  pow: { challenge: string; nonce: string },
  nowMs: number,
  minBits: number,
): { tokenId: string; expiresAt: number } {
  const parts = pow.challenge.split(".");
  if (parts.length !== 4) fail("WBS_POW_INVALID");
  const [issued, rand, bitsText, mac] = parts as [string, string, string, string];
  const body = `${issued}.${rand}.${bitsText}`;
  const expected = Buffer.from(powMac(secret, body));
  const got = Buffer.from(mac);
  if (expected.length !== got.length || !timingSafeEqual(expected, got)) fail("WBS_POW_INVALID");
  const issuedMs = Number(issued);
  const bits = Number(bitsText);
  if (!Number.isFinite(issuedMs) || nowMs - issuedMs > POW_TTL_MS || issuedMs - nowMs > 60_000)
    fail("WBS_POW_INVALID");
  if (!(bits >= minBits)) fail("WBS_POW_INVALID");
  const digest = createHash("sha256").update(`${pow.challenge}:${pow.nonce}`).digest();
  if (leadingZeroBits(digest) < bits) fail("WBS_POW_INVALID");
  return { tokenId: rand, expiresAt: issuedMs + POW_TTL_MS };
}

/** Solve a challenge (tests, scripts; the page does the same with Web Crypto). */
export function solveChallenge(challenge: string): string {
  const bits = Number(challenge.split(".")[2]);
  for (let n = 0; ; n++) {
    const nonce = n.toString(36);
    if (leadingZeroBits(createHash("sha256").update(`${challenge}:${nonce}`).digest()) >= bits) return nonce;
  }
}
