import { describe, expect, it } from "vitest";
import { calendarFromFile, isoWithOffset } from "./calendar-file";
import { releaseProblem, STARTERS, serviceProblems, starterByKey, submissionProblems } from "./catalogue";
import { documentNumber, makeNumber, makeSecret, normalizeNumber, normalizeSecret } from "./codes";
import type { PaymentStatus } from "./model";
import { nextState } from "./workflow";

const krl = starterByKey("kutipan_risalah_lelang")!;
const fields = {
  auctionRef: "101/07/2026",
  auctionDate: "2026-07-14",
  objectKind: "vehicle",
  objectDescription: "Avanza",
  buyerIdNumber: "3275014502850002",
};
const pdf = "application/pdf";
const paid: PaymentStatus = {
  auctionRef: "101/07/2026",
  paidInFull: true,
  paidAt: "2026-07-20",
  amount: 1,
  landOrBuilding: false,
  source: "staff",
};

describe("starting entries", () => {
  it("ships the four post-auction services, valid, with unconfirmed SLA numbers", () => {
    expect(STARTERS.map((s) => s.code)).toEqual(["KRL", "KPL", "BPHTB", "SSP"]);
    for (const s of STARTERS) {
      expect(serviceProblems(s)).toEqual([]);
      expect(s.sla.unconfirmed).toBe(true);
    }
  });
});

describe("submission checks", () => {
  const docs = [
    { requirementKey: "identity_card", mime: "image/png" },
    { requirementKey: "payment_receipt", mime: pdf },
  ];
  it("accepts a complete vehicle kutipan", () => {
    expect(submissionProblems(krl, fields, docs)).toEqual([]);
  });
  it.each([
    ["missing field", { ...fields, buyerIdNumber: "" }, docs, "SR_FIELD_REQUIRED"],
    ["unknown option", { ...fields, objectKind: "ship" }, docs, "SR_FIELD_INVALID"],
    ["bad date", { ...fields, auctionDate: "14/07/2026" }, docs, "SR_FIELD_INVALID"],
    ["unknown field", { ...fields, extra: "x" }, docs, "SR_FIELD_UNKNOWN"],
    ["missing document", fields, docs.slice(0, 1), "SR_DOCUMENT_REQUIRED"],
    [
      "wrong type",
      fields,
      [
        docs[0]!,
        {
          requirementKey: "payment_receipt",
          mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        },
      ],
      "SR_DOCUMENT_TYPE",
    ],
    [
      "land needs the BPHTB proof document",
      { ...fields, objectKind: "land_building" },
      docs,
      "SR_DOCUMENT_REQUIRED",
    ],
    [
      "two files for a single requirement",
      fields,
      [...docs, { requirementKey: "payment_receipt", mime: pdf }],
      "SR_DOCUMENT_ONE_ONLY",
    ],
  ])("%s → %s", (_n, f, d, code) => {
    expect(submissionProblems(krl, f as Record<string, string>, d).map((p) => p.code)).toContain(code);
  });
});

describe("release rules (kutipan only after payment; land/buildings only with BPHTB proof)", () => {
  it.each([
    ["no payment recorded", null, fields, [], "SR_PAYMENT_REQUIRED"],
    ["payment not in full", { ...paid, paidInFull: false }, fields, [], "SR_PAYMENT_REQUIRED"],
    ["paid vehicle", paid, fields, [], null],
    [
      "paid land (record says so) without proof",
      { ...paid, landOrBuilding: true },
      fields,
      [],
      "SR_BPHTB_PROOF_REQUIRED",
    ],
    [
      "paid land (form says so) without proof",
      paid,
      { ...fields, objectKind: "land_building" },
      [],
      "SR_BPHTB_PROOF_REQUIRED",
    ],
    ["paid land with proof", { ...paid, landOrBuilding: true }, fields, ["bphtb_proof"], null],
  ] as const)("%s", (_n, payment, f, keys, code) => {
    expect(releaseProblem("auction_payment_bphtb", payment, f, keys)?.code ?? null).toBe(code);
  });
  it("the receipt needs only the payment; 'none' needs nothing", () => {
    expect(releaseProblem("auction_payment", { ...paid, landOrBuilding: true }, fields, [])).toBeNull();
    expect(releaseProblem("none", null, {}, [])).toBeNull();
  });
});

describe("workflow", () => {
  it("allows the documented steps and refuses out-of-order ones", () => {
    expect(nextState("submitted", "accept")).toEqual({ ok: true, to: "in_progress" });
    expect(nextState("in_progress", "request_documents")).toEqual({ ok: true, to: "waiting_requester" });
    expect(nextState("waiting_requester", "upload_documents")).toEqual({ ok: true, to: "in_progress" });
    expect(nextState("in_progress", "assign")).toEqual({ ok: true, to: "in_progress" });
    expect(nextState("submitted", "complete").ok).toBe(false);
    expect(nextState("completed", "reject").ok).toBe(false);
    expect(nextState("cancelled", "cancel").ok).toBe(false);
  });
});

describe("codes", () => {
  it("makes numbers and secrets that survive hand typing", () => {
    const bytes = Uint8Array.from({ length: 16 }, (_, i) => i * 7);
    const n = makeNumber(bytes);
    expect(n).toMatch(/^ALC-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(normalizeNumber(n.toLowerCase().replace(/-/g, " "))).toBe(n);
    expect(normalizeNumber("ALC-BKS0-0001")).toBe("ALC-BKS0-0001");
    expect(normalizeNumber("alc bks0 ooo1")).toBe("ALC-BKS0-0001");
    expect(normalizeNumber("ALC-1234")).toBeNull();
    const s = makeSecret(bytes);
    expect(normalizeSecret(s.toLowerCase())).toBe(s);
    expect(documentNumber("KRL", 7, "KPKNL-BEKASI", 2026)).toBe("KRL-0007/KPKNL-BEKASI/2026");
  });
});

describe("calendar file", () => {
  it("reads days, breaks, holidays and the zone; prints with the offset", () => {
    const cal = calendarFromFile({
      timezone: "Asia/Makassar",
      hours: { mon: ["08:00", "12:00", "13:00", "16:00"] },
      holidays: ["2026-12-25"],
    });
    expect(cal.zone).toBe("WITA");
    expect(cal.config.week[1]).toEqual([
      { start: "08:00", end: "12:00" },
      { start: "13:00", end: "16:00" },
    ]);
    expect(isoWithOffset(new Date("2026-11-30T03:00:00Z"), cal)).toBe("2026-11-30T11:00:00+08:00");
  });
  it.each([
    [{ hours: { mon: ["08:00"] } }, /hours\.mon/],
    [{ hours: { mon: ["16:00", "08:00"] } }, /hours/],
    [{ timezone: "Europe/Paris", hours: { mon: ["08:00", "16:00"] } }, /timezone/],
    [{ hours: {}, holidays: ["2026-02-30"] }, /holidays/],
  ])("refuses %j", (json, message) => {
    expect(() => calendarFromFile(json)).toThrow(message);
  });
});
