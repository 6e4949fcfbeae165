import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { qrMatrix } from "./qr";

/**
 * A reader for what qrMatrix writes (byte mode, level M): read the format bits, unmask, walk the
 * zigzag, de-interleave, and parse the data. A round trip checks placement, masking and blocks.
 */
function read(m: boolean[][]): { mask: number; text: string } {
  const size = m.length;
  const ver = (size - 17) / 4;
  let fmt = 0;
  for (let i = 0; i <= 5; i++) fmt |= (m[i]![8] ? 1 : 0) << i;
  fmt |= (m[7]![8] ? 1 : 0) << 6;
  fmt |= (m[8]![8] ? 1 : 0) << 7;
  fmt |= (m[8]![7] ? 1 : 0) << 8;
  for (let i = 9; i < 15; i++) fmt |= (m[8]![14 - i] ? 1 : 0) << i;
  const data5 = (fmt ^ 0x5412) >>> 10;
  expect(data5 >>> 3).toBe(0); // level M
  const mask = data5 & 7;
  // function-pattern map: rebuild it by encoding a same-version matrix is circular, so mark by rule
  const fn = (x: number, y: number) => {
    if (x === 6 || y === 6) return true;
    if ((x < 9 && y < 9) || (x >= size - 8 && y < 9) || (x < 9 && y >= size - 8)) return true;
    if (ver >= 7 && ((x >= size - 11 && y < 6) || (y >= size - 11 && x < 6))) return true;
    const al = ver === 1 ? [] : alignment(ver);
    for (const ax of al)
      for (const ay of al) {
        if ((ax === 6 && ay === 6) || (ax === 6 && ay === al.at(-1)) || (ax === al.at(-1) && ay === 6))
          continue;
        if (Math.abs(x - ax) <= 2 && Math.abs(y - ay) <= 2) return true;
      }
    return false;
  };
  const masks = [
    (x: number, y: number) => (x + y) % 2 === 0,
    (_x: number, y: number) => y % 2 === 0,
    (x: number) => x % 3 === 0,
    (x: number, y: number) => (x + y) % 3 === 0,
    (x: number, y: number) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
    (x: number, y: number) => ((x * y) % 2) + ((x * y) % 3) === 0,
    (x: number, y: number) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
    (x: number, y: number) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
  ];
  const bits: number[] = [];
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let v = 0; v < size; v++)
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        const y = ((right + 1) & 2) === 0 ? size - 1 - v : v;
        if (!fn(x, y)) bits.push(m[y]![x]! !== masks[mask]!(x, y) ? 1 : 0);
      }
  }
  // versions 1–3 at level M have one block: data first
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8)
    bytes.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));
  const mode = bytes[0]! >>> 4;
  expect(mode).toBe(0b0100);
  const len = ((bytes[0]! & 15) << 4) | (bytes[1]! >>> 4);
  const out: number[] = [];
  for (let i = 0; i < len; i++) out.push(((bytes[1 + i]! & 15) << 4) | (bytes[2 + i]! >>> 4));
  return { mask, text: new TextDecoder().decode(new Uint8Array(out)) };
}
function alignment(ver: number): number[] {
  const n = Math.floor(ver / 7) + 2;
  const step = Math.ceil((ver * 4 + 4) / (n * 2 - 2)) * 2;
  const out = [6];
  for (let pos = ver * 4 + 10; out.length < n; pos -= step) out.splice(1, 0, pos);
  return out;
}

describe("QR encoder", () => {
  it("a short link fits version 2–3 (25–29 modules) and has the three finder patterns", () => {
    const m = qrMatrix("https://zona.example.go.id/s/abcd2345");
    expect([25, 29]).toContain(m.length);
    const finder = (x0: number, y0: number) =>
      [0, 1, 2, 3, 4, 5, 6].every(
        (i) => m[y0]![x0 + i] && m[y0 + 6]![x0 + i] && m[y0 + i]![x0] && m[y0 + i]![x0 + 6],
      );
    expect(finder(0, 0) && finder(m.length - 7, 0) && finder(0, m.length - 7)).toBe(true);
    expect(m[m.length - 8]![8]).toBe(true); // the dark module
  });
  it("round-trips: what is written reads back (format bits, mask, zigzag, byte mode)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9:/.-]{1,40}$/), (s) => {
        const m = qrMatrix(s);
        if (m.length > 29) return; // the reader handles single-block versions only
        expect(read(m).text).toBe(s);
      }),
      { numRuns: 60 },
    );
  });
  it("refuses text beyond version 10", () => {
    expect(() => qrMatrix("x".repeat(300))).toThrow(RangeError);
  });
});
