import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashWithSalt, matchesSaltedHash, saltedHash, sealer, unusedCode } from "./crypto";

describe("salted secrets", () => {
  it("stores SHA-256 of salt:secret with a fresh 16-byte salt each time (the format rows already hold)", () => {
    const a = saltedHash("RAHASIA-1234");
    const b = saltedHash("RAHASIA-1234");
    expect(a.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(a.hash).toBe(createHash("sha256").update(`${a.salt}:RAHASIA-1234`).digest("hex"));
    expect(hashWithSalt(a.salt, "RAHASIA-1234")).toBe(a.hash);
  });

  it("matches the right secret only, and never matches when there is no record", () => {
    const stored = saltedHash("DEM0-BKS0-0000-0001");
    expect(matchesSaltedHash(stored, "DEM0-BKS0-0000-0001")).toBe(true);
    expect(matchesSaltedHash(stored, "DEM0-BKS0-0000-0002")).toBe(false);
    expect(matchesSaltedHash(stored, "")).toBe(false);
    expect(matchesSaltedHash(null, "dummy")).toBe(false); // the stand-in's own secret
    expect(matchesSaltedHash(null, "DEM0-BKS0-0000-0001")).toBe(false);
  });
});

describe("unusedCode", () => {
  it("keeps the first code when it is free, else draws fresh ones until one is free", async () => {
    const held = new Set(["A", "B"]);
    const fresh = ["B", "C", "D"];
    const taken = async (c: string) => held.has(c);
    expect(await unusedCode("Z", () => fresh.shift()!, taken)).toBe("Z");
    expect(await unusedCode("A", () => fresh.shift()!, taken)).toBe("C");
    expect(fresh).toEqual(["D"]);
  });

  it("stops after the given number of candidates and returns the last one (the unique index decides)", async () => {
    let drawn = 0;
    const checked: string[] = [];
    const code = await unusedCode(
      "X0",
      () => `X${++drawn}`,
      async (c) => {
        checked.push(c);
        return true;
      },
      3,
    );
    expect(checked).toEqual(["X0", "X1", "X2"]);
    expect(code).toBe("X3");
  });
});

describe("sealer", () => {
  it("opens what it sealed and refuses a value sealed for another purpose", () => {
    const a = sealer("s".repeat(32), "totp");
    const b = sealer("s".repeat(32), "other");
    const sealed = a.seal("JBSWY3DPEHPK3PXP");
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(a.open(sealed)).toBe("JBSWY3DPEHPK3PXP");
    expect(() => b.open(sealed)).toThrow();
  });
});
