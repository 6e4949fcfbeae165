import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, form, type Part, type Session, type TestApp, testLanes } from "../testing";
import * as sample from "./test-samples";

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

describe.each(testLanes())("evidence file routes on $name", (lane) => {
  let t: TestApp;
  let staff: Session;
  const bekasi = () => t.units["KPKNL-BEKASI"]!;

  beforeAll(async () => {
    t = await buildTestApp({ lane });
    staff = await t.login("pegawai@zona.demo");
  });
  afterAll(() => t.close());

  const upload = (s: Session, parts: Part[]) =>
    s.request({ method: "POST", url: "/api/files", ...form(parts) });
  const file = (filename: string, data: Buffer, type?: string): Part => ({
    name: "file",
    filename,
    data,
    type,
  });

  it("uploads evidence: 201 with its metadata, then reads it back", async () => {
    const bytes = sample.pdf("Pakta integritas 2026");
    const res = await upload(staff, [
      { name: "unitId", value: bekasi() },
      file("Pakta Integritas.pdf", bytes, "application/pdf"),
    ]);
    expect(res.statusCode).toBe(201);
    const meta = res.json();
    expect(meta).toEqual({
      id: expect.any(String),
      unitId: bekasi(),
      sha256: sha(bytes),
      sizeBytes: bytes.length,
      mime: "application/pdf",
      extension: "pdf",
      originalName: "Pakta Integritas.pdf",
      createdAt: t.clock.now().toISOString(),
    });
    const got = await staff.request({ method: "GET", url: `/api/files/${meta.id}` });
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(meta);
  });

  it("downloads under the original name with the sniffed type and nosniff", async () => {
    const bytes = sample.docx("Notulen rapat monev");
    const name = "Notulen Rapat — Café №3.docx";
    const meta = (
      await upload(staff, [{ name: "unitId", value: bekasi() }, file(name, bytes, "text/html")])
    ).json();
    const res = await staff.request({ method: "GET", url: `/api/files/${meta.id}/download` });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(bytes)).toBe(true);
    // the type the browser claimed (text/html) is ignored; the sniffed one is served
    expect(res.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-length"]).toBe(String(bytes.length));
    const cd = String(res.headers["content-disposition"]);
    expect(cd.startsWith("attachment; ")).toBe(true);
    const star = /filename\*=UTF-8''(.+)$/.exec(cd)?.[1];
    expect(decodeURIComponent(star!)).toBe(name);
    expect(cd).toMatch(/filename="Notulen Rapat _ Cafe No3.docx"/);
  });

  it("sanitises a path in the uploaded name", async () => {
    const res = await upload(staff, [
      { name: "unitId", value: bekasi() },
      file("..\\..\\Windows\\laporan.png", sample.png()),
    ]);
    expect(res.statusCode).toBe(201);
    expect(res.json().originalName).toBe("laporan.png");
  });

  it("refuses an oversized file with 413 FILES_TOO_LARGE naming the limit", async () => {
    const small = await buildTestApp({ lane, env: { UPLOAD_MAX_BYTES: "2048" } });
    try {
      const s = await small.login("pegawai@zona.demo");
      const big = Buffer.concat([sample.pdf(), Buffer.alloc(4096, 0x20)]);
      const body = form([{ name: "unitId", value: small.units["KPKNL-BEKASI"]! }, file("besar.pdf", big)]);
      const res = await s.request({
        method: "POST",
        url: "/api/files",
        payload: body.payload,
        headers: { ...body.headers, "accept-language": "en" },
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().error.code).toBe("FILES_TOO_LARGE");
      expect(res.json().error.message).toContain("MB limit");
      expect(res.json().error.params.limitBytes).toBe(2048);
      // exactly at the limit is fine
      const fits = Buffer.concat([sample.pdf(), Buffer.alloc(2048 - sample.pdf().length, 0x20)]);
      const ok = await upload(s, [
        { name: "unitId", value: small.units["KPKNL-BEKASI"]! },
        file("pas.pdf", fits),
      ]);
      expect(ok.statusCode).toBe(201);
    } finally {
      await small.close();
    }
  });

  it.each([
    ["a PNG named .pdf", "laporan.pdf", sample.png(), "FILES_EXTENSION_MISMATCH"],
    ["an HTML page named .pdf", "laporan.pdf", sample.html(), "FILES_EXTENSION_MISMATCH"],
    ["an SVG", "logo.svg", sample.svg(), "FILES_TYPE_NOT_ALLOWED"],
    ["a plain zip", "arsip.zip", sample.plainZip(), "FILES_TYPE_NOT_ALLOWED"],
  ])("refuses %s with 415", async (_w, name, bytes, code) => {
    const res = await upload(staff, [
      { name: "unitId", value: bekasi() },
      file(name, bytes, "application/pdf"),
    ]);
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message.length).toBeGreaterThan(20);
  });

  it("refuses an empty file with 400 FILES_EMPTY", async () => {
    const res = await upload(staff, [
      { name: "unitId", value: bekasi() },
      file("kosong.pdf", Buffer.alloc(0)),
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("FILES_EMPTY");
  });

  it("needs unitId before the file part (400 FILES_MISSING_PART)", async () => {
    const after = await upload(staff, [file("a.pdf", sample.pdf()), { name: "unitId", value: bekasi() }]);
    expect(after.statusCode).toBe(400);
    expect(after.json().error).toMatchObject({ code: "FILES_MISSING_PART", params: { part: "unitId" } });
    const noFile = await upload(staff, [{ name: "unitId", value: bekasi() }]);
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error).toMatchObject({ code: "FILES_MISSING_PART", params: { part: "file" } });
    const wrongName = await upload(staff, [
      { name: "unitId", value: bekasi() },
      { name: "dokumen", filename: "a.pdf", data: sample.pdf() },
    ]);
    expect(wrongName.statusCode).toBe(400);
    expect(wrongName.json().error).toMatchObject({ code: "FILES_MISSING_PART", params: { part: "file" } });
  });

  it("refuses a request that is not multipart with 415", async () => {
    const res = await staff.request({ method: "POST", url: "/api/files", payload: { unitId: bekasi() } });
    expect(res.statusCode).toBe(415);
  });

  it("answers 404 ORG_UNIT_NOT_FOUND for an unknown unit", async () => {
    const res = await upload(staff, [
      { name: "unitId", value: "0190a0a0-0000-7000-8000-000000000000" },
      file("a.pdf", sample.pdf()),
    ]);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("ORG_UNIT_NOT_FOUND");
  });

  it("refuses uploading to another unit (403 OUT_OF_SCOPE) and without the permission (403 FORBIDDEN)", async () => {
    const res = await upload(staff, [
      { name: "unitId", value: t.units["KPKNL-BANDUNG"]! },
      file("a.pdf", sample.pdf()),
    ]);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("OUT_OF_SCOPE");
    const tpn = await t.login("tpn@zona.demo");
    const denied = await upload(tpn, [{ name: "unitId", value: bekasi() }, file("a.pdf", sample.pdf())]);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe("FORBIDDEN");
  });

  it("refuses another unit's file with 403; the Kanwil evaluator above may read it", async () => {
    const meta = (
      await upload(staff, [{ name: "unitId", value: bekasi() }, file("bukti.png", sample.png())])
    ).json();
    const bandung = await t.login("kepala.bandung@zona.demo");
    for (const url of [`/api/files/${meta.id}`, `/api/files/${meta.id}/download`]) {
      const r = await bandung.request({ method: "GET", url });
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe("OUT_OF_SCOPE");
    }
    const tpi = await t.login("tpi@zona.demo");
    const r = await tpi.request({ method: "GET", url: `/api/files/${meta.id}/download` });
    expect(r.statusCode).toBe(200);
    expect(r.rawPayload.equals(sample.png())).toBe(true);
  });

  it("answers 404 FILES_NOT_FOUND for an unknown file and 401 without a session", async () => {
    const r = await staff.request({ method: "GET", url: "/api/files/0190a0a0-0000-7000-8000-000000000000" });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe("FILES_NOT_FOUND");
    const anon = await t.app.inject({
      method: "GET",
      url: "/api/files/0190a0a0-0000-7000-8000-000000000000",
    });
    expect(anon.statusCode).toBe(401);
    const anonUpload = await t.app.inject({
      method: "POST",
      url: "/api/files",
      ...form([{ name: "unitId", value: bekasi() }, file("a.pdf", sample.pdf())]),
    });
    expect(anonUpload.statusCode).toBe(401);
  });

  it("records the upload in the audit trail", async () => {
    const bytes = sample.jpeg();
    const meta = (await upload(staff, [{ name: "unitId", value: bekasi() }, file("foto.jpg", bytes)])).json();
    const [event] = await t.ctx.audit.list({ unitPaths: "all", entityId: meta.id });
    expect(event).toMatchObject({
      action: "files.uploaded",
      data: { sha256: sha(bytes), size: bytes.length, mime: "image/jpeg" },
    });
  });
});
