import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdf } from "../../src/kernel/files/test-samples";
import type { Running } from "../../src/server/runtime";
import { browserAvailability, ensureWebBuilt, launch, seriousViolations, startZona } from "./browser";

const availability = browserAvailability();
if (!availability.run) console.log(availability.reason);

/** "Nilai sementara kolom Unit: 41,25 dari 100" → 41.25 */
const scoreOf = (label: string | null) =>
  Number(
    (label ?? "")
      .match(/([\d.]+,\d+|\d+) dari 100/)![1]!
      .replace(/\./g, "")
      .replace(",", "."),
  );

async function failWithContext(page: Page, e: unknown): Promise<never> {
  await page.screenshot({ path: "var/e2e-zi-failure.png" });
  const body = ((await page.locator("body").textContent()) ?? "").slice(0, 1200);
  throw new Error(`${e instanceof Error ? e.message : String(e)}\nURL ${page.url()}\n${body}`);
}

async function noSeriousViolations(page: Page) {
  const v = await seriousViolations(page);
  expect(v, JSON.stringify(v, null, 1)).toEqual([]);
}

describe.runIf(availability.run)("browser journey: the ZI team fills the worksheet", () => {
  let zona: Running;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ensureWebBuilt();
    zona = await startZona();
    browser = await launch();
    page = await (
      await browser.newContext({ locale: "id-ID", viewport: { width: 1366, height: 900 } })
    ).newPage();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await zona?.close();
  });

  it("answers questions with evidence and sees the score and the gates change", async () => {
    try {
      // KPKNL Bandung is building its zone: its worksheet is open for the head of office.
      await page.goto(`${zona.url}/masuk`);
      await page.getByLabel("Alamat e-mail").fill("kepala.bandung@zona.demo");
      await page.getByLabel(/^Kata sandi/).fill("Demo-Zona-2026");
      await page.getByRole("button", { name: "Masuk", exact: true }).click();
      await page.getByRole("navigation", { name: "Navigasi utama" }).waitFor();

      // The overview: the unit's gauge and the readiness checklist for WBK.
      await page.goto(`${zona.url}/zi`);
      const unitGauge = page.getByRole("img", { name: /^Nilai unit .* dari 100/ }).first();
      await unitGauge.waitFor();
      const before = scoreOf(await unitGauge.getAttribute("aria-label"));
      expect(before).toBeGreaterThan(0);
      await page
        .getByText(/Syarat predikat WBK/)
        .first()
        .waitFor();
      const failingBefore = await page.getByText("Belum memenuhi", { exact: true }).count();
      expect(failingBefore).toBeGreaterThan(0);
      // The gate of the area about to be worked on (Penguatan Pengawasan, pemenuhan): its value line.
      const pwGate = page.locator('[data-gate="area:pemenuhan.pw"]');
      const pwBefore = (await pwGate.textContent()) ?? "";
      expect(pwBefore).toContain("dari bobot");
      await page.waitForLoadState("networkidle");
      await noSeriousViolations(page);
      await page.screenshot({ path: "var/e2e-zi-overview.png" });

      // The worksheet: an area nobody has answered yet.
      await page.goto(`${zona.url}/zi/lke`);
      await page.getByRole("heading", { name: "Lembar Kerja Evaluasi" }).waitFor();
      const preview = page.getByLabel(/^Nilai sementara kolom/).first();
      await preview.waitFor();
      const saved = scoreOf(await preview.getAttribute("aria-label"));
      expect(saved).toBeCloseTo(before, 2);
      await page
        .getByRole("navigation", { name: "Area" })
        .getByRole("button", { name: /Penguatan Pengawasan/ })
        .first()
        .click();
      await page.getByRole("heading", { name: "Penguatan Pengawasan", level: 2 }).waitFor();

      // Answer three questions with the best option: the preview moves before anything is saved.
      const groups = page.getByRole("radiogroup");
      for (let i = 0; i < 3; i++) await groups.nth(i).getByRole("radio").first().check();
      await expect.poll(async () => scoreOf(await preview.getAttribute("aria-label"))).toBeGreaterThan(saved);
      const previewed = scoreOf(await preview.getAttribute("aria-label"));
      await page.getByRole("button", { name: "Simpan", exact: true }).click();
      await page
        .getByText(/^Tersimpan \d/)
        .first()
        .waitFor();

      // Evidence for the first of them: uploaded once, listed under the question.
      const chooser = page.waitForEvent("filechooser");
      await page.getByRole("button", { name: "Unggah berkas" }).first().click();
      await (await chooser).setFiles({
        name: "sk-pengawasan.pdf",
        mimeType: "application/pdf",
        buffer: pdf("SK pengawasan"),
      });
      await page.getByText("sk-pengawasan.pdf").first().waitFor();
      await noSeriousViolations(page);
      await page.screenshot({ path: "var/e2e-zi-worksheet.png" });

      // Back on the overview: the stored score is what the preview showed, and the area gate moved.
      await page.goto(`${zona.url}/zi`);
      await expect
        .poll(async () =>
          scoreOf(
            await page
              .getByRole("img", { name: /^Nilai unit .* dari 100/ })
              .first()
              .getAttribute("aria-label"),
          ),
        )
        .toBeCloseTo(previewed, 2);
      await page
        .getByText(/Syarat predikat WBK/)
        .first()
        .waitFor();
      const failingAfter = await page.getByText("Belum memenuhi", { exact: true }).count();
      expect(failingAfter).toBeLessThanOrEqual(failingBefore);
      // That area's gate shows the new value (its share of the weight rose with the three answers).
      await expect.poll(async () => (await pwGate.textContent()) ?? "").not.toBe(pwBefore);

      // The multi-unit table for the Kanwil is not the Bandung head's to see, but its own office is.
      await page.goto(`${zona.url}/zi/unit-unit`);
      await page.getByRole("table").first().waitFor();
      await expect(
        page.getByRole("table").first().getByText("KPKNL Bandung").first().isVisible(),
      ).resolves.toBe(true);
      await expect(page.getByText("KPKNL Bekasi").count()).resolves.toBe(0);
      await page.waitForLoadState("networkidle");
      await noSeriousViolations(page);
    } catch (e) {
      await failWithContext(page, e);
    }
  }, 180_000);
});
