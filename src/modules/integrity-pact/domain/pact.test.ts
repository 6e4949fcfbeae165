import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jakartaDate } from "../../../kernel/calendar";
import { DomainError } from "../../../kernel/http/errors";
import {
  checkSign,
  completion,
  defaultPactText,
  type NewRoundInput,
  normalizePactText,
  pactTextHash,
  reminderKey,
  roundStatus,
  type SignAttempt,
  validateNewRound,
  verificationCode,
} from "./pact";
import { sha256Hex } from "./sha256";

const node = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
  return null;
};

describe("sha256Hex", () => {
  it("matches the FIPS 180-4 test vectors", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
  });

  it("agrees with node:crypto on any text, including block edges and non-ASCII", () => {
    for (const n of [55, 56, 63, 64, 65, 119, 120, 128])
      expect(sha256Hex("x".repeat(n))).toBe(node("x".repeat(n)));
    expect(sha256Hex("Pakta — bebas korupsi ✓ 廉")).toBe(node("Pakta — bebas korupsi ✓ 廉"));
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (s) => sha256Hex(s) === node(s)));
  });
});

describe("the pact text", () => {
  it("is normalised to \\n line breaks without trailing spaces or blank edges", () => {
    expect(normalizePactText("\r\n  PAKTA\t \r\nSatu  \rDua\n\n\n")).toBe("PAKTA\nSatu\nDua");
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const once = normalizePactText(s);
        return normalizePactText(once) === once && !once.includes("\r");
      }),
    );
  });

  it("has a default with the unit's name and the seven commitments, hashed as shown", () => {
    const text = defaultPactText("KPKNL Bekasi");
    expect(text.startsWith("PAKTA INTEGRITAS\n")).toBe(true);
    expect(text).toContain("sebagai pegawai KPKNL Bekasi");
    expect(text.match(/^\d\. /gm)).toHaveLength(7);
    expect(pactTextHash(text)).toBe(node(text));
    expect(normalizePactText(text)).toBe(text);
  });
});

describe("round status and dates", () => {
  const r = { status: "open" as const, opensOn: "2026-11-13", closesOn: "2026-11-30" };
  it("is scheduled before opening, open through the closing date, then closed", () => {
    expect(roundStatus(r, "2026-11-12")).toBe("scheduled");
    expect(roundStatus(r, "2026-11-13")).toBe("open");
    expect(roundStatus(r, "2026-11-30")).toBe("open");
    expect(roundStatus(r, "2026-12-01")).toBe("closed");
    expect(roundStatus({ ...r, closesOn: null }, "2099-01-01")).toBe("open");
    expect(roundStatus({ ...r, status: "closed" }, "2026-11-20")).toBe("closed");
  });

  it("reads the Jakarta date of an instant (UTC+7)", () => {
    expect(jakartaDate(new Date("2026-11-27T16:59:59Z"))).toBe("2026-11-27");
    expect(jakartaDate(new Date("2026-11-27T17:00:00Z"))).toBe("2026-11-28");
  });

  it("validates a new round's title, text and dates", () => {
    const ok: NewRoundInput = {
      title: " Pakta 2026 ",
      body: defaultPactText("X"),
      opensOn: "2026-11-20",
      closesOn: null,
    };
    expect(validateNewRound(ok, "2026-11-27").title).toBe("Pakta 2026");
    const cases: Array<[Partial<NewRoundInput>, string]> = [
      [{ title: "ab" }, "PACT_TITLE_INVALID"],
      [{ body: "pendek" }, "PACT_TEXT_LENGTH"],
      [{ opensOn: "2026-13-01" }, "PACT_DATE_INVALID"],
      [{ closesOn: "2026-11-19" }, "PACT_CLOSES_BEFORE_OPENS"],
      [{ closesOn: "2026-11-26" }, "PACT_CLOSES_IN_PAST"],
    ];
    for (const [patch, code] of cases)
      expect(codeOf(() => validateNewRound({ ...ok, ...patch }, "2026-11-27"))).toBe(code);
    expect(codeOf(() => validateNewRound({ ...ok, closesOn: "2026-11-27" }, "2026-11-27"))).toBeNull();
  });
});

describe("checkSign", () => {
  const body = defaultPactText("KPKNL Bekasi");
  const base: SignAttempt = {
    round: { status: "open", opensOn: "2026-11-13", closesOn: null, textHash: pactTextHash(body) },
    today: "2026-11-27",
    isStaff: true,
    textHash: pactTextHash(body),
    agree: true,
  };
  it("accepts staff who ticked the statement and saw the round's exact text (any hex case)", () => {
    expect(codeOf(() => checkSign(base))).toBeNull();
    expect(codeOf(() => checkSign({ ...base, textHash: base.textHash.toUpperCase() }))).toBeNull();
  });
  it("refuses, in order: outsider, unticked, closed, not started, other text", () => {
    expect(codeOf(() => checkSign({ ...base, isStaff: false, agree: false }))).toBe("PACT_NOT_UNIT_STAFF");
    expect(codeOf(() => checkSign({ ...base, agree: false }))).toBe("PACT_STATEMENT_REQUIRED");
    expect(codeOf(() => checkSign({ ...base, round: { ...base.round, status: "closed" } }))).toBe(
      "PACT_ROUND_CLOSED",
    );
    expect(codeOf(() => checkSign({ ...base, today: "2026-11-12" }))).toBe("PACT_ROUND_NOT_STARTED");
    // One changed character in what was displayed is a different text.
    expect(codeOf(() => checkSign({ ...base, textHash: pactTextHash(body.replace("jujur", "Jujur")) }))).toBe(
      "PACT_TEXT_MISMATCH",
    );
  });
});

describe("completion", () => {
  it("counts current staff who signed; former staff's signatures do not count", () => {
    expect(completion(["a", "b", "c"], ["a", "x"])).toEqual({ signed: 1, total: 3, percent: 33.33 });
    expect(completion([], ["a"])).toEqual({ signed: 0, total: 0, percent: 0 });
    expect(completion(["a", "a", "b"], ["a", "a"])).toEqual({ signed: 1, total: 2, percent: 50 });
  });

  it("reaches 100 only when everyone signed, never by rounding", () => {
    expect(
      completion(
        Array.from({ length: 20_001 }, (_, i) => `u${i}`),
        Array.from({ length: 20_000 }, (_, i) => `u${i}`),
      ).percent,
    ).toBe(99.99);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 0, max: 3000 }), (total, k) => {
        const staff = Array.from({ length: total }, (_, i) => `u${i}`);
        const signed = staff.slice(0, Math.min(k, total));
        const c = completion(staff, signed);
        return (
          c.signed === signed.length &&
          c.total === total &&
          c.percent >= 0 &&
          c.percent <= 100 &&
          (c.percent === 100) === (c.signed === total) &&
          c.percent <= (c.signed * 100) / total
        );
      }),
    );
  });
});

describe("verification and reminders", () => {
  it("derives a stable verification code from the signature's facts", () => {
    const s = {
      roundId: "r1",
      userId: "u1",
      signedAt: "2026-11-27T02:00:00.000Z",
      textHash: "ab".repeat(32),
    };
    const code = verificationCode(s);
    expect(code).toMatch(/^[0-9A-F]{5}-[0-9A-F]{5}-[0-9A-F]{5}-[0-9A-F]{5}$/);
    expect(code.replace(/-/g, "")).toBe(
      node(`r1|u1|2026-11-27T02:00:00.000Z|${"ab".repeat(32)}`)
        .slice(0, 20)
        .toUpperCase(),
    );
    expect(verificationCode({ ...s, signedAt: "2026-11-27T02:00:01.000Z" })).not.toBe(code);
  });
  it("keys reminders per round, person and day", () => {
    expect(reminderKey("r", "u", "2026-11-27")).toBe("pact.reminder:r:u:2026-11-27");
  });
});
