import { describe, expect, it } from "vitest";
import { byTimeLeft, checkFile, isRequired, keyFromLabel, slaTone } from "./lib";
import { inboxItem, kutipan, sla } from "./test/fixtures";

const file = (name: string, type: string, size = 10) => new File([new Uint8Array(size)], name, { type });

describe("checkFile", () => {
  it("accepts a matching MIME type within the size limit", () => {
    expect(checkFile(file("ktp.pdf", "application/pdf"), ["pdf"], 100)).toBeNull();
    expect(checkFile(file("foto.JPG", "image/jpeg"), ["pdf", "jpeg"], 100)).toBeNull();
  });
  it("refuses a declared type that is not allowed, even with an allowed extension", () => {
    expect(checkFile(file("ktp.pdf", "text/html"), ["pdf"], 100)).toEqual({ kind: "type", types: "PDF" });
  });
  it("falls back to the extension when the phone declares no type", () => {
    expect(checkFile(file("scan.png", ""), ["png"], 100)).toBeNull();
    expect(checkFile(file("scan.heic", ""), ["png", "jpeg"], 100)).toEqual({
      kind: "type",
      types: "PNG, JPEG",
    });
  });
  it("refuses files over the limit and empty files", () => {
    expect(checkFile(file("a.pdf", "application/pdf", 3 * 1024 * 1024), ["pdf"], 2 * 1024 * 1024)).toEqual({
      kind: "size",
      mb: 2,
    });
    expect(checkFile(file("a.pdf", "application/pdf", 0), ["pdf"], 100)).toEqual({ kind: "empty" });
  });
});

describe("requirements", () => {
  it("makes the BPHTB proof required only for land or buildings", () => {
    const bphtb = kutipan.requirements[1]!;
    expect(isRequired(bphtb, { objectKind: "vehicle" })).toBe(false);
    expect(isRequired(bphtb, {})).toBe(false);
    expect(isRequired(bphtb, { objectKind: "land_building" })).toBe(true);
    expect(isRequired(kutipan.requirements[0]!, {})).toBe(true);
  });
});

describe("SLA presentation", () => {
  it("tells paused and stopped clocks apart from the running states", () => {
    expect(slaTone(sla({ state: "breached", paused: true }))).toBe("paused");
    expect(slaTone(sla({ state: "breached", stopped: true, paused: true }))).toBe("stopped");
    expect(slaTone(sla({ state: "warning" }))).toBe("warning");
  });
  it("orders the inbox by time left: overdue first, paused and finished last", () => {
    const rows = [
      inboxItem({ id: "done", sla: sla({ stopped: true, remainingMinutes: -500 }) }),
      inboxItem({ id: "paused", sla: sla({ paused: true, remainingMinutes: 5 }) }),
      inboxItem({ id: "ok", sla: sla({ remainingMinutes: 400 }) }),
      inboxItem({ id: "late", sla: sla({ state: "breached", remainingMinutes: -30 }) }),
      inboxItem({ id: "warn", sla: sla({ state: "warning", remainingMinutes: 20 }) }),
    ];
    expect([...rows].sort(byTimeLeft).map((r) => r.id)).toEqual(["late", "warn", "ok", "paused", "done"]);
  });
});

describe("keyFromLabel", () => {
  it("turns a label into a lowercase key the contract accepts", () => {
    expect(keyFromLabel("Surat Setoran BPHTB")).toBe("surat_setoran_bphtb");
    expect(keyFromLabel("1. KTP")).toBe("k_1_ktp");
    expect(keyFromLabel("Foto objek")).toMatch(/^[a-z][a-z0-9_]{1,59}$/);
  });
});
