/**
 * Request numbers, secrets and document codes: short, readable, random (Crockford base-32 letters
 * without I, L, O, U). A number is not a counter, so guessing one is hopeless (40 bits) and it shows
 * nothing personal anyway; the 80-bit secret opens the details. Randomness comes from the caller.
 */
export const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const NUMBER_PREFIX = "ALC";

function encode(bytes: Uint8Array, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[(bytes[i] ?? 0) & 31];
  return out;
}
const group4 = (s: string) => s.match(/.{1,4}/g)!.join("-");

/** "ALC-7KQ4-M2XC" (8 symbols, 40 bits). */
export function makeNumber(bytes: Uint8Array): string {
  if (bytes.length < 8) throw new Error("makeNumber needs 8 random bytes");
  return `${NUMBER_PREFIX}-${group4(encode(bytes, 8))}`;
}
/** "K7QM-2XC4-9PRT-ZW3H" (16 symbols, 80 bits). */
export function makeSecret(bytes: Uint8Array): string {
  if (bytes.length < 16) throw new Error("makeSecret needs 16 random bytes");
  return group4(encode(bytes, 16));
}
/** Document verification code "D7KQ4M2XC9PR" (12 symbols, 60 bits) — printed in the QR code. */
export function makeDocCode(bytes: Uint8Array): string {
  if (bytes.length < 12) throw new Error("makeDocCode needs 12 random bytes");
  return `D${encode(bytes, 12)}`;
}

const squeeze = (input: string) => input.toUpperCase().replace(/[\s\-_.]/g, "");
/** Confusable letters typed by hand: I and L read as 1, O as 0. */
const unconfuse = (s: string) => s.replace(/[IL]/g, "1").replace(/O/g, "0");
const clean = (input: string) => unconfuse(squeeze(input));
const valid = (s: string) => [...s].every((c) => ALPHABET.includes(c));

export function normalizeNumber(input: string): string | null {
  let s = squeeze(input);
  // the prefix has an L, which the confusable mapping would turn into 1: strip it first
  if (s.startsWith(NUMBER_PREFIX)) s = s.slice(NUMBER_PREFIX.length);
  s = unconfuse(s);
  if (s.length !== 8 || !valid(s)) return null;
  return `${NUMBER_PREFIX}-${group4(s)}`;
}
export function normalizeSecret(input: string): string | null {
  const s = clean(input);
  if (s.length !== 16 || !valid(s)) return null;
  return group4(s);
}
export function normalizeDocCode(input: string): string | null {
  const s = input.trim().toUpperCase();
  if (!/^D[0-9A-Z]{12}$/.test(s) || !valid(s.slice(1))) return null;
  return s;
}

/** Official document number: "KRL-0007/KPKNL-BEKASI/2026". */
export function documentNumber(serviceCode: string, seq: number, unitCode: string, year: number): string {
  return `${serviceCode}-${String(seq).padStart(4, "0")}/${unitCode}/${year}`;
}
