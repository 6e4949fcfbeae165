import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "./password";
import { base32Decode, base32Encode, hotp, totp, verifyTotp } from "./totp";

describe("passwords", () => {
  it("hashes with argon2id and verifies", async () => {
    const h = await hashPassword("Kata-Sandi-Panjang-2026");
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(h, "Kata-Sandi-Panjang-2026")).toBe(true);
    expect(await verifyPassword(h, "kata-sandi-panjang-2026")).toBe(false);
    expect(await verifyPassword(null, "anything-at-all")).toBe(false);
  });

  it.each([
    ["pendek", "a@b.id", "too_short"],
    ["aaaaaaaaaaaa", "a@b.id", "repeated"],
    ["budi.santoso-2026", "budi.santoso@kemenkeu.go.id", "contains_email"],
    ["x".repeat(257), "a@b.id", "too_long"],
    ["Sandi-Yang-Baik-1", "e@x.id", null],
  ])("%s for %s → %s", (pw, email, problem) => {
    expect(passwordProblem(pw, email)).toBe(problem);
  });
});

describe("TOTP (RFC 6238 / RFC 4226 vectors)", () => {
  it("matches the RFC 4226 HOTP test values", () => {
    const key = Buffer.from("12345678901234567890");
    expect([0, 1, 2, 3, 9].map((c) => hotp(key, c))).toEqual([
      "755224",
      "287082",
      "359152",
      "969429",
      "520489",
    ]);
  });

  it("matches the RFC 6238 SHA-1 vector at 59 s (last 6 digits)", () => {
    const secret = base32Encode(Buffer.from("12345678901234567890"));
    expect(totp(secret, new Date(59_000))).toBe("287082");
    expect(totp(secret, new Date(1111111109_000))).toBe("081804");
  });

  it("accepts one step of drift and nothing further", () => {
    const secret = base32Encode(Buffer.from("12345678901234567890"));
    const at = new Date(1111111109_000);
    expect(verifyTotp(secret, totp(secret, new Date(at.getTime() - 30_000)), at)).toBe(true);
    expect(verifyTotp(secret, totp(secret, new Date(at.getTime() - 90_000)), at)).toBe(false);
    expect(verifyTotp(secret, "12345", at)).toBe(false);
  });

  it("base32 round-trips", () => {
    const b = Buffer.from([0, 1, 2, 250, 251, 252, 253]);
    expect(base32Decode(base32Encode(b))).toEqual(b);
  });
});
