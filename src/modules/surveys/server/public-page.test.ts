import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Session, type TestApp, testLanes } from "../../../kernel/testing";
import { escapeHtml, FORM_JS, longDate } from "./public-page";

const U = ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"];
const all = (v: number) => Object.fromEntries(U.map((c) => [c, v]));
const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

describe("escapeHtml and dates", () => {
  it("escapes markup and quotes; formats dates without a time-zone shift", () => {
    expect(escapeHtml(`<script>alert("x")</script>&'`)).toBe(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;",
    );
    expect(escapeHtml(null)).toBe("");
    expect(longDate("2026-01-01", "id")).toBe("1 Januari 2026");
    expect(longDate("2026-12-31", "en")).toBe("31 December 2026");
  });
  it("keeps the script tiny", () => {
    expect(Buffer.byteLength(FORM_JS)).toBeLessThan(4 * 1024);
  });
});

describe.each(testLanes())("server-rendered public form on $name", (lane) => {
  let t: TestApp;
  let layanan: Session;
  let webRoot: string;
  let ip = 0;
  const bekasi = () => t.units["KPKNL-BEKASI"]!;
  const pub = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: "GET",
      url,
      headers,
      remoteAddress: `10.9.${Math.floor(++ip / 250)}.${ip % 250}`,
    });
  const create = async (body: object) => {
    const r = await layanan.request({ method: "POST", url: "/api/surveys/periods", payload: body });
    expect(r.statusCode, r.body).toBe(201);
    return r.json();
  };
  const skm = { unitId: "", kindId: "skm-permenpanrb-14-2017", status: "open" };

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), "zona-web-"));
    writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>SPA-SHELL</title>");
    t = await buildTestApp({ lane, webRoot });
    layanan = await t.login("layanan@zona.demo");
    skm.unitId = bekasi();
  });
  afterAll(async () => {
    await t.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it("renders the open form: title, nine fieldsets of four radios ordered 1→4, the service select, small", async () => {
    const p = await create({
      ...skm,
      periodType: "year",
      year: 2026,
      title: "SKM <b>2026</b>",
      serviceTypes: ["Lelang", "Piutang & <Kekayaan>"],
    });
    const res = await pub(`/s/${p.code}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(res.headers["cache-control"]).toBe("no-store");
    // the server route wins over the SPA fallback of the built web app
    expect(res.body).not.toContain("SPA-SHELL");
    expect((await pub("/survei")).body).toContain("SPA-SHELL");
    const html = res.body;
    expect(html).toMatch(/^<!doctype html>\n<html lang="id">/);
    expect(html).toContain("<h1>Survei Kepuasan Masyarakat (SKM)</h1>");
    expect(html).toContain("KPKNL Bekasi");
    expect(html).toContain("SKM &lt;b&gt;2026&lt;/b&gt;");
    expect(html).not.toContain("<b>2026</b>");
    expect(html).toContain("1 Januari 2026");
    expect(html).toContain("31 Desember 2026");
    expect(count(html, /<fieldset /g)).toBe(9);
    expect(count(html, /type="radio"/g)).toBe(36);
    const first = html.slice(html.indexOf('<fieldset id="q-U1"'), html.indexOf("</fieldset>"));
    expect(count(first, /type="radio"/g)).toBe(4);
    expect([...first.matchAll(/value="(\d)"/g)].map((m) => m[1])).toEqual(["1", "2", "3", "4"]);
    expect(first).toContain("<legend>1. ");
    expect(first.trimEnd()).toMatch(/value="4" required> Sangat sesuai<\/label><\/div>$/); // best answer last
    expect(html).toContain('<label class="f" for="svc">Layanan yang Anda terima</label>');
    expect(html).toContain('<option value="">— pilih —</option>');
    expect(html).toContain(
      '<option value="Piutang &amp; &lt;Kekayaan&gt;">Piutang &amp; &lt;Kekayaan&gt;</option>',
    );
    expect(html).toContain('<button type="submit">Kirim jawaban</button>');
    expect(html).toContain("Terima kasih! Jawaban Anda sudah kami terima.");
    expect(html).toContain("<noscript>");
    expect(html).toContain('<select id="p-sex" name="sex">');
    expect(html).toContain(`data-code="${p.code}"`);
    expect(html).toContain('<script src="/s/_/form.js" defer></script>');
    expect(html).toContain('<link rel="stylesheet" href="/s/_/form.css">');
    expect(html).not.toMatch(/<script>|<style>| style=/); // nothing inline (CSP)
    expect(html).toContain(`href="/s/${p.code}?lang=en"`);

    const en = await pub(`/s/${p.code}?lang=en&kiosk=1`);
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain("<h1>Public Satisfaction Survey (SKM)</h1>");
    expect(en.body).toContain("Send answers");
    expect(en.body).toContain('data-kiosk="1"');
    expect(en.body).toContain(`href="/s/${p.code}?lang=id&amp;kiosk=1"`);

    const css = await pub("/s/_/form.css");
    const js = await pub("/s/_/form.js");
    expect(css.statusCode).toBe(200);
    expect(css.headers["content-type"]).toBe("text/css; charset=utf-8");
    expect(css.headers["cache-control"]).toBe("public, max-age=86400");
    expect(js.statusCode).toBe(200);
    expect(js.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(js.headers["cache-control"]).toBe("public, max-age=86400");
    expect(js.body).toContain("/api/public/surveys/");
    const weight = Buffer.byteLength(html) + Buffer.byteLength(css.body) + Buffer.byteLength(js.body);
    expect(weight).toBeLessThan(20 * 1024);
    // the CSP lets the page load its own script and styles
    expect(res.headers["content-security-policy"]).toMatch(/script-src 'self'/);
    expect(res.headers["content-security-policy"]).toMatch(/style-src 'self'/);
  });

  it("escapes a custom survey's texts", async () => {
    const kind = await layanan.request({
      method: "POST",
      url: "/api/surveys/kinds",
      payload: {
        unitId: bekasi(),
        title: { id: "<script>alert(1)</script> Survei", en: "<script>alert(1)</script> Survey" },
        elements: [{ label: { id: 'A"B', en: 'A"B' }, question: { id: "<img src=x>?", en: "<img src=x>?" } }],
      },
    });
    expect(kind.statusCode, kind.body).toBe(201);
    const p = await create({ ...skm, kindId: kind.json().id, periodType: "year", year: 2026 });
    const html = (await pub(`/s/${p.code}`)).body;
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Survei");
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x>");
    expect(html).toContain('data-label="A&quot;B"');
    expect(count(html, /<fieldset /g)).toBe(1);
  });

  it("not found, closed, not yet open and already answered are plain pages", async () => {
    for (const url of ["/s/zzzzzzzz", "/s/NOT-A-CODE", "/s/%3Cscript%3E"]) {
      const r = await pub(url);
      expect(r.statusCode, url).toBe(404);
      expect(r.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(r.body).toContain("Survei tidak ditemukan.");
      expect(r.body).not.toContain("<script>");
    }
    expect((await pub("/s/zzzzzzzz?lang=en")).body).toContain("Survey not found.");

    const draft = await create({ ...skm, periodType: "month", year: 2026, part: 12, status: "draft" });
    expect((await pub(`/s/${draft.code}`)).statusCode).toBe(404);

    const closed = await create({ ...skm, periodType: "month", year: 2026, part: 10 });
    const c = await pub(`/s/${closed.code}`);
    expect(c.statusCode).toBe(200);
    expect(c.body).toContain("Survei ini sudah ditutup (periode berakhir 31 Oktober 2026).");
    expect(c.body).not.toContain("<fieldset");
    expect(c.body).not.toContain("form.js");

    const later = await create({ ...skm, periodType: "year", year: 2027 });
    const l = await pub(`/s/${later.code}?lang=en`);
    expect(l.body).toContain("This survey opens on 1 January 2027.");
    expect(l.body).not.toContain("<fieldset");

    const open = await create({
      ...skm,
      periodType: "month",
      year: 2026,
      part: 11,
      serviceTypes: ["Lelang"],
    });
    // one service type is preselected
    expect((await pub(`/s/${open.code}`)).body).toContain('<option value="Lelang" selected>');
    const sent = await t.app.inject({
      method: "POST",
      url: `/api/public/surveys/${open.code}/responses`,
      payload: { scores: all(4), serviceType: "Lelang" },
      remoteAddress: "10.9.250.1",
    });
    expect(sent.statusCode, sent.body).toBe(201);
    // the device cookie is set for the API and for the form page
    const paths = sent.cookies.filter((k) => k.name === "zona_svy").map((k) => k.path);
    expect(paths.sort()).toEqual(["/api/public/surveys", "/s"]);
    const token = sent.cookies.find((k) => k.name === "zona_svy")!.value;
    const again = await pub(`/s/${open.code}`, { cookie: `zona_svy=${token}` });
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain("Anda sudah mengisi survei periode ini dari perangkat ini.");
    expect(again.body).not.toContain("<fieldset");
    // another device still gets the form
    expect((await pub(`/s/${open.code}`)).body).toContain("<fieldset");
  });
});
