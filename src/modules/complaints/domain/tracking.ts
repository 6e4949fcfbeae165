/**
 * Tracking codes and secrets: short, readable, random. Crockford base-32 letters (no I, L, O, U) so
 * a code read out over the phone or copied by hand survives. Randomness comes from the caller (the
 * server passes crypto bytes), so this stays pure and testable.
 */

export const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CODE_PREFIX = "ADU";

function encode(bytes: Uint8Array, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[(bytes[i] ?? 0) & 31];
  return out;
}

const group4 = (s: string) => s.match(/.{1,4}/g)!.join("-");

/** "ADU-7KQ4-M2XC": 8 random symbols, 40 bits. Needs ≥ 8 bytes. */
export function makeCode(bytes: Uint8Array): string {
  if (bytes.length < 8) throw new Error("makeCode needs 8 random bytes");
  return `${CODE_PREFIX}-${group4(encode(bytes, 8))}`;
}

/** "K7QM-2XC4-9PRT-ZW3H": 16 random symbols, 80 bits. Needs ≥ 16 bytes. */
export function makeSecret(bytes: Uint8Array): string {
  if (bytes.length < 16) throw new Error("makeSecret needs 16 random bytes");
  return group4(encode(bytes, 16));
}

/** Normalise what a person typed: upper case, confusable letters mapped, spaces and dashes dropped. */
function clean(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s\-_.]/g, "")
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0");
}

/** The canonical code for input like "adu 7kq4 m2xc", or null when it cannot be one. */
export function normalizeCode(input: string): string | null {
  let s = clean(input);
  if (s.startsWith(CODE_PREFIX)) s = s.slice(CODE_PREFIX.length);
  if (s.length !== 8 || [...s].some((c) => !ALPHABET.includes(c))) return null;
  return `${CODE_PREFIX}-${group4(s)}`;
}

/** The canonical secret, or null when it cannot be one. */
export function normalizeSecret(input: string): string | null {
  const s = clean(input);
  if (s.length !== 16 || [...s].some((c) => !ALPHABET.includes(c))) return null;
  return group4(s);
}
