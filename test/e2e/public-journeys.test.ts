import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Running } from "../../src/server/runtime";
import { browserAvailability, ensureWebBuilt, launch, startZona } from "./browser";

const availability = browserAvailability();
if (!availability.run) console.log(availability.reason);

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "id-ID" };

/** Every axe violation, whatever its impact (public pages are held to "no violations"). */
async function allViolations(page: Page) {
  const r = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return r.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
  }));
}

/** A staff member's API session (the browser's cookie + CSRF token), for the back-office steps. */
async function staffApi(ctx: BrowserContext, url: string, email: string) {
  const page = await ctx.newPage();
  await page.goto(`${url}/masuk`);
  await page.getByLabel("Alamat e-mail").fill(email);
  await page.getByLabel(/^Kata sandi/).fill("Demo-Zona-2026");
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await page.getByRole("navigation", { name: "Navigasi utama" }).waitFor();
  const req: APIRequestContext = page.request;
  const me = await (await req.get(`${url}/api/me`)).json();
  const headers = { "x-csrf-token": me.csrfToken as string };
  return {
    me,
    page,
    get: async (path: string) => (await req.get(`${url}${path}`)).json(),
    post: async (path: string, data: unknown) => {
      const r = await req.post(`${url}${path}`, { data, headers });
      if (!r.ok()) throw new Error(`${path}: ${r.status()} ${await r.text()}`);
      return r.json();
    },
  };
}

describe.runIf(availability.run)("browser journeys on the public pages (phone)", () => {
  let zona: Running;
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuilt();
    zona = await startZona();
    browser = await launch();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await zona?.close();
  });

  it("a service user answers the satisfaction survey on a phone and is counted; the public results pass axe", async () => {
    const staff = await staffApi(
      await browser.newContext({ locale: "id-ID" }),
      zona.url,
      "kepala.bekasi@zona.demo",
    );
    const periods = (await staff.get("/api/surveys/periods")).items as any[];
    const open = periods.find((p) => p.kind === "skm" && p.status === "open");
    expect(open, "an open SKM period in the demo office").toBeTruthy();

    const phone = await (await browser.newContext(PHONE)).newPage();
    const pageErrors: string[] = [];
    phone.on("pageerror", (e) => pageErrors.push(e.message));
    phone.on("console", (m) => {
      if (m.type() === "error") pageErrors.push(m.text());
    });
    await phone.goto(`${zona.url}/s/${open.code}`);
    const fieldsets = phone.locator("fieldset");
    await fieldsets
      .first()
      .waitFor()
      .catch(async (e) => {
        await phone.screenshot({ path: "var/e2e-survey-failure.png" });
        throw new Error(
          `${e.message}\n${(await phone.locator("main").textContent())?.slice(0, 600)}\n${pageErrors.join("\n")}`,
        );
      });
    const n = await fieldsets.count();
    expect(n).toBeGreaterThanOrEqual(9);
    for (let i = 0; i < n; i++) await fieldsets.nth(i).getByRole("radio").last().check();
    const service = phone.getByLabel("Layanan yang Anda terima");
    if (await service.count()) await service.selectOption({ index: 1 });
    expect(await allViolations(phone)).toEqual([]);
    await phone.getByRole("button", { name: "Kirim jawaban" }).click();
    await phone.getByText("Terima kasih! Jawaban Anda sudah kami terima.").waitFor();

    const after = (await staff.get(`/api/surveys/periods/${open.id}`)) as any;
    expect(after.responses ?? after.period?.responses).toBe(open.responses + 1);

    await phone.goto(`${zona.url}/hasil-survei/KPKNL-BEKASI`);
    await phone.getByRole("heading", { level: 1 }).waitFor();
    await phone.waitForLoadState("networkidle");
    expect(await allViolations(phone)).toEqual([]);
  }, 180_000);

  it("a citizen files a complaint on a phone, tracks it, and reads the office's answer", async () => {
    const phone = await (await browser.newContext(PHONE)).newPage();
    await phone.goto(`${zona.url}/pengaduan/KPKNL-BEKASI`);
    await phone.getByRole("radio", { name: "Pengaduan", exact: true }).check();
    await phone.getByRole("combobox", { name: /Layanan yang diadukan/ }).fill("Lelang");
    await phone.keyboard.press("Escape");
    await phone
      .getByLabel("Uraian")
      .fill(
        'Kutipan risalah lelang belum saya terima setelah pelunasan. <img src=x onerror="window.__xss=1"><script>window.__xss=2</script>',
      );
    expect(await allViolations(phone)).toEqual([]);
    await phone.getByRole("button", { name: "Kirim pengaduan" }).click();
    await phone.getByText("Pengaduan diterima").waitFor();
    const codes = phone.locator("code");
    const code = (await codes.nth(0).textContent())!.trim();
    const secret = (await codes.nth(1).textContent())!.trim();
    expect(code).toMatch(/^ADU-/);

    // The office verifies, assigns, works on and answers it.
    const staff = await staffApi(
      await browser.newContext({ locale: "id-ID" }),
      zona.url,
      "kepala.bekasi@zona.demo",
    );
    const found = (await staff.get(`/api/complaints?q=${encodeURIComponent(code)}`)).items as any[];
    expect(found).toHaveLength(1);
    const id = found[0].id as string;
    const assignees = (await staff.get(`/api/complaints/assignees?unitId=${found[0].unitId}`)).items as any[];
    await staff.post(`/api/complaints/${id}/transitions`, { command: "verify", slaClass: "regular" });
    await staff.post(`/api/complaints/${id}/transitions`, { command: "assign", assigneeId: assignees[0].id });
    await staff.post(`/api/complaints/${id}/transitions`, { command: "start" });
    const answer = "Kutipan risalah lelang Anda telah kami kirim hari ini melalui pos tercatat.";
    await staff.post(`/api/complaints/${id}/transitions`, { command: "answer", answer });

    await phone.goto(`${zona.url}/pengaduan/lacak?kode=${encodeURIComponent(code)}`);
    await phone.getByLabel("Kode rahasia").fill(secret);
    await phone.getByRole("button", { name: "Lihat status" }).click();
    await phone.getByText(answer).first().waitFor();
    expect(await allViolations(phone)).toEqual([]);

    // The markup the citizen typed is inert on the staff's case page: shown as text, never run.
    const dialogs: string[] = [];
    staff.page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await staff.page.goto(`${zona.url}/layanan/pengaduan/${id}`);
    await staff.page.getByText("<script>window.__xss=2</script>", { exact: false }).first().waitFor();
    await staff.page.waitForLoadState("networkidle");
    expect(await staff.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await staff.page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  }, 180_000);

  it("the unit's public service page (standards, pledge, facilities) passes axe on a phone", async () => {
    const phone = await (await browser.newContext(PHONE)).newPage();
    await phone.goto(`${zona.url}/layanan/KPKNL-BEKASI`);
    await phone.getByRole("heading", { level: 1 }).waitFor();
    await phone.waitForLoadState("networkidle");
    expect(await allViolations(phone)).toEqual([]);
  }, 120_000);
});
