import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../../kernel/http/errors";
import { coiEvaluation } from "./coi";
import { WBS_STATUSES } from "./model";
import {
  checkTransition,
  handlingUnit,
  isClosed,
  isWellFormedCode,
  leadingZeroBits,
  nextStatuses,
  normaliseCode,
  stripJpeg,
  stripMetadata,
  stripPng,
} from "./wbs";

const b = (...xs: number[]) => Uint8Array.from(xs);
const seg = (marker: number, payload: number[]) => [
  0xff,
  marker,
  ((payload.length + 2) >> 8) & 0xff,
  (payload.length + 2) & 0xff,
  ...payload,
];
const text = (s: string) => [...Buffer.from(s)];

describe("who handles a report", () => {
  it("goes up one level when it is about the head, stays otherwise, and stays at the top", () => {
    expect(handlingUnit({ id: "bekasi", parentId: "kanwil" }, true)).toBe("kanwil");
    expect(handlingUnit({ id: "bekasi", parentId: "kanwil" }, false)).toBe("bekasi");
    expect(handlingUnit({ id: "pusat", parentId: null }, true)).toBe("pusat");
  });
});

describe("case status moves", () => {
  it("allows review, investigation and closing, reopening only to review", () => {
    expect(() => checkTransition("received", "in_review")).not.toThrow();
    expect(() => checkTransition("in_review", "investigating")).not.toThrow();
    expect(() => checkTransition("closed_substantiated", "in_review")).not.toThrow();
    expect(() => checkTransition("closed_substantiated", "investigating")).toThrow(DomainError);
    expect(() => checkTransition("received", "received")).toThrow(DomainError);
  });
  it("never lets a state move to itself and always has a way forward", () => {
    for (const s of WBS_STATUSES) {
      expect(nextStatuses(s)).not.toContain(s);
      expect(nextStatuses(s).length).toBeGreaterThan(0);
      if (isClosed(s)) expect(nextStatuses(s)).toEqual(["in_review"]);
    }
  });
});

describe("report codes", () => {
  it("normalises what a person types and rejects look-alike characters", () => {
    expect(normaliseCode("  wbs-7k2m-q9xd ")).toBe("WBS-7K2M-Q9XD");
    expect(isWellFormedCode("WBS-7K2M-Q9XD")).toBe(true);
    expect(isWellFormedCode("WBS-7K2M-Q9X0")).toBe(false);
    expect(isWellFormedCode("WBS-7K2M-Q9XI")).toBe(false);
    expect(isWellFormedCode("WBS-7K2M")).toBe(false);
  });
});

describe("metadata stripping", () => {
  const app0 = seg(0xe0, text("JFIF\0\x01\x01\0\0\x01\0\x01\0\0"));
  const exif = seg(0xe1, text("Exif\0\0GPS-SECRET"));
  const com = seg(0xfe, text("camera owner: Budi"));
  const sos = [0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x12, 0xff, 0x00, 0x34];
  const jpeg = b(0xff, 0xd8, ...app0, ...exif, ...com, ...sos, 0xff, 0xd9);

  it("drops EXIF (APP1) and comments from a JPEG, keeps JFIF and the scan", () => {
    const out = stripJpeg(jpeg);
    expect(out.handling).toBe("stripped");
    const s = Buffer.from(out.bytes);
    expect(s.includes(Buffer.from("GPS-SECRET"))).toBe(false);
    expect(s.includes(Buffer.from("Budi"))).toBe(false);
    expect(s.includes(Buffer.from("JFIF"))).toBe(true);
    expect(s.subarray(-6)).toEqual(Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd9]));
    expect(stripJpeg(out.bytes).handling).toBe("clean");
  });

  it("leaves a damaged JPEG untouched with a warning", () => {
    const broken = b(0xff, 0xd8, 0xff, 0xe1, 0x40, 0x00, 1, 2);
    expect(stripJpeg(broken)).toEqual({ bytes: broken, handling: "warn" });
  });

  it("drops text and EXIF chunks from a PNG", () => {
    const chunk = (type: string, data: number[]) => [
      0,
      0,
      0,
      data.length,
      ...text(type),
      ...data,
      1,
      2,
      3,
      4,
    ];
    const png = b(
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      ...chunk("IHDR", [1, 2, 3]),
      ...chunk("tEXt", text("Author\0Budi")),
      ...chunk("IEND", []),
    );
    const out = stripPng(png);
    expect(out.handling).toBe("stripped");
    expect(Buffer.from(out.bytes).includes(Buffer.from("Budi"))).toBe(false);
    expect(Buffer.from(out.bytes).includes(Buffer.from("IEND"))).toBe(true);
  });

  it("warns for PDFs and Office files instead of pretending", () => {
    expect(stripMetadata("application/pdf", b(1, 2)).handling).toBe("warn");
  });

  it("never grows a JPEG and always keeps its start marker", () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 0, maxLength: 40 }), { maxLength: 4 }), (payloads) => {
        const segs = payloads.flatMap((p, i) => seg(i % 2 ? 0xe1 : 0xe2, [...p]));
        const img = b(0xff, 0xd8, ...segs, ...sos, 0xff, 0xd9);
        const out = stripJpeg(img);
        expect(out.bytes.length).toBeLessThanOrEqual(img.length);
        expect([out.bytes[0], out.bytes[1]]).toEqual([0xff, 0xd8]);
      }),
    );
  });
});

describe("proof-of-work measure", () => {
  it("counts leading zero bits", () => {
    expect(leadingZeroBits(b(0, 0, 0x80))).toBe(16);
    expect(leadingZeroBits(b(0, 0x0f))).toBe(12);
    expect(leadingZeroBits(b(0xff))).toBe(0);
    expect(leadingZeroBits(b(0, 0))).toBe(16);
  });
});

describe("conflict-of-interest evaluation", () => {
  it("counts each current employee once and ignores people who left", () => {
    const ev = coiEvaluation(
      2026,
      ["a", "b", "c"],
      [
        { userId: "a", hasConflict: false },
        { userId: "a", hasConflict: true },
        { userId: "b", hasConflict: false },
        { userId: "gone", hasConflict: false },
      ],
    );
    expect(ev).toEqual({ year: 2026, employees: 3, declared: 2, withConflict: 1, percent: 66.66 });
    expect(coiEvaluation(2026, [], []).percent).toBe(0);
  });
  it("never exceeds 100%", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "b", "c", "d", "x")), (ids) => {
        const ev = coiEvaluation(
          2026,
          ["a", "b", "c", "d"],
          ids.map((userId) => ({ userId, hasConflict: false })),
        );
        expect(ev.percent).toBeGreaterThanOrEqual(0);
        expect(ev.percent).toBeLessThanOrEqual(100);
        expect(ev.percent === 100).toBe(ev.declared === 4);
      }),
    );
  });
});
